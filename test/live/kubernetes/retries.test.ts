// The client's retry rules, against a scripted HTTPS server that uses the local API server's
// certificate (so TLS is verified exactly as with the real one): 429 waits for Retry-After,
// 5xx and reset connections are retried with backoff for idempotent requests, a schema 500
// is not, and a server that never answers times out with one line.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TargetError } from '../../../src/diag/errors.js';
import { KubeHttp, type KubeRequestEvent } from '../../../src/targets/kubernetes/live/kube-http.js';
import { ROOT } from './kube-instances.js';

const PKI = join(ROOT, '.cache', 'kube', 'pki');
type Reply = { status: number; headers?: Record<string, string>; body?: unknown } | 'reset' | 'hang';

const servers: Server[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** Serves the replies in order (the last one repeats) and counts the requests. */
async function scripted(replies: Reply[]): Promise<{ url: string; seen: () => number }> {
  let n = 0;
  const server = createServer({ key: readFileSync(join(PKI, 'apiserver.key')), cert: readFileSync(join(PKI, 'apiserver.crt')) }, (req, res) => {
    const reply = replies[Math.min(n++, replies.length - 1)];
    req.resume();
    if (reply === 'hang') return;
    if (reply === 'reset') return req.socket.destroy();
    res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body ?? { kind: 'Status', code: reply.status, message: `scripted ${reply.status}` }));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, seen: () => n };
}

function client(url: string, events: KubeRequestEvent[], overrides: { timeoutMs?: number; maxRetries?: number } = {}): KubeHttp {
  return new KubeHttp({ fabric: 'frontend', server: url, token: 't', ca: readFileSync(join(PKI, 'ca.crt'), 'utf8'), verifyTls: true, timeoutMs: 10_000, concurrency: 2, maxRetries: 3, onRequest: (e) => events.push(e), ...overrides });
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !condition(); i++) await new Promise((r) => setImmediate(r));
  expect(condition()).toBe(true);
}

describe('kube client retries', () => {
  it('waits for Retry-After on 429 before it asks again', async () => {
    const { url, seen } = await scripted([{ status: 429, headers: { 'Retry-After': '2' } }, { status: 200, body: { ok: 1 } }]);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const events: KubeRequestEvent[] = [];
    const http = client(url, events);
    const answer = http.send({ method: 'GET', path: '/version' });
    await until(() => events.length === 1);
    await vi.advanceTimersByTimeAsync(1999);
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(seen()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await until(() => events.length === 2);
    await expect(answer).resolves.toMatchObject({ status: 200, body: { ok: 1 } });
    expect(events.map((e) => [e.attempt, e.status])).toEqual([[1, 429], [2, 200]]);
    http.close();
  });

  it('retries 5xx and reset connections for GET, PATCH and DELETE, up to the limit', async () => {
    const { url } = await scripted(['reset', { status: 503 }, { status: 500 }, { status: 200, body: {} }]);
    const events: KubeRequestEvent[] = [];
    const http = client(url, events);
    await expect(http.send({ method: 'DELETE', path: '/x' })).resolves.toMatchObject({ status: 200 });
    expect(events.map((e) => e.status)).toEqual([undefined, 503, 500, 200]);
    http.close();

    const again = await scripted([{ status: 503 }]);
    const more: KubeRequestEvent[] = [];
    const limited = client(again.url, more, { maxRetries: 2 });
    await expect(limited.send({ method: 'PATCH', path: '/x', body: {} })).resolves.toMatchObject({ status: 503 });
    expect(more.map((e) => e.attempt)).toEqual([1, 2, 3]);
    limited.close();
  });

  it('does not retry a POST after a 5xx, nor a schema error that would repeat', async () => {
    const { url } = await scripted([{ status: 500, body: { kind: 'Status', code: 500, message: 'failed to create typed patch object (x): .spec.y: field not declared in schema' } }, { status: 200 }]);
    const events: KubeRequestEvent[] = [];
    const http = client(url, events);
    await expect(http.send({ method: 'POST', path: '/x', body: {} })).resolves.toMatchObject({ status: 500 });
    await expect(http.send({ method: 'PATCH', path: '/x', body: {} })).resolves.toMatchObject({ status: 200 });
    expect(events.map((e) => [e.method, e.attempt, e.status])).toEqual([['POST', 1, 500], ['PATCH', 1, 200]]);
    http.close();
  });

  it('a server that never answers: one line naming the server and the request', async () => {
    const { url } = await scripted(['hang']);
    const http = client(url, [], { timeoutMs: 300 });
    const error = await http.send({ method: 'GET', path: '/version' }).catch((e: unknown) => e);
    http.close();
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).message).toBe(`no answer from the Kubernetes API of fabric frontend at ${url} within 0.3 s (GET /version)`);
    expect((error as TargetError).hint).toMatch(/timeoutSeconds/);
  });
});
