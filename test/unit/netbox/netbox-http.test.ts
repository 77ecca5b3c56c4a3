import { createServer, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/diag/errors.js';
import { NetboxHttp } from '../../../src/targets/netbox/netbox-http.js';
import { parseRetryAfter, retryDelayMs } from '../../../src/targets/netbox/retry-policy.js';
import { FakeNetbox } from '../../support/fake-netbox.js';

const fake = new FakeNetbox();
beforeAll(() => fake.start());
afterAll(() => fake.stop());
afterEach(() => {
  fake.faults.length = 0;
  fake.requests.length = 0;
  fake.delayMs = 0;
  fake.maxInFlight = 0;
});

const sleeps: number[] = [];
function client(overrides: Partial<{ token: string; timeoutMs: number; url: string; maxParallel: number }> = {}): NetboxHttp {
  sleeps.length = 0;
  return new NetboxHttp(
    { url: overrides.url ?? fake.url, token: overrides.token ?? 'good-token', verifyTls: true, timeoutMs: overrides.timeoutMs ?? 5000 },
    { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5, maxParallel: overrides.maxParallel ?? 4 },
  );
}

async function targetError(promise: Promise<unknown>): Promise<TargetError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
}

describe('retry policy', () => {
  const policy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 30_000 };
  it('backs off exponentially with full jitter, capped', () => {
    expect([1, 2, 3, 5, 9].map((n) => retryDelayMs(policy, n, undefined, () => 1))).toEqual([100, 200, 400, 1000, 1000]);
    expect(retryDelayMs(policy, 3, undefined, () => 0.25)).toBe(100);
  });
  it('honours Retry-After in seconds and as a date, and gives up beyond the cap', () => {
    expect(retryDelayMs(policy, 1, '2', () => 1)).toBe(2000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(retryDelayMs(policy, 1, '120', () => 1)).toBeUndefined();
  });
});

describe('NetboxHttp', () => {
  it('sends the v1 token with the Token keyword and parses JSON', async () => {
    const result = await client().get('/api/status/');
    expect(result).toMatchObject({ status: 200, body: { 'netbox-version': '4.7.3' }, attempts: 1 });
  });

  it('retries 503 and 429 with the server-given Retry-After, then returns the answer', async () => {
    fake.faults.push({ status: 503, headers: { 'Retry-After': '3' } }, { status: 429 });
    const result = await client().get('/api/status/');
    expect(result.status).toBe(200);
    expect(result.attempts).toBe(3);
    expect(sleeps).toEqual([3000, 250]);
  });

  it('retries a bulk write on 502/504 but gives up after the attempts with a one-line error', async () => {
    fake.faults.push({ status: 502 }, { status: 504 }, { status: 503 }, { status: 503 });
    const http = client();
    const error = await targetError(http.expectOk('POST', '/api/extras/tags/', [{ name: 'a', slug: 'a' }]));
    expect(error.message).toBe(`NetBox failed on POST /api/extras/tags/ with 503 Service Unavailable: injected (after 4 attempts)`);
    expect(fake.requests).toHaveLength(4);
  });

  it('does not retry a 500 and shows the title of an HTML error page', async () => {
    fake.faults.push({ status: 500, body: '\n<!DOCTYPE html><html><head><title>Server Error</title></head><body>…</body></html>' });
    const error = await targetError(client().expectOk('GET', '/api/dcim/sites/'));
    expect(error.message).toBe('NetBox failed on GET /api/dcim/sites/ with 500 Internal Server Error: Server Error');
    expect(fake.requests).toHaveLength(1);
  });

  it('maps 403 to a hint about the token, without printing the token', async () => {
    const error = await targetError(client({ token: 'bad-secret-token' }).expectOk('GET', '/api/status/'));
    expect(error.message).toContain('403: Invalid v1 token');
    expect(error.hint).toContain('DIET_NETBOX_TOKEN');
    expect(`${error.message} ${error.hint}`).not.toContain('bad-secret-token');
  });

  it('maps 409 with the conflict detail', async () => {
    fake.faults.push({ status: 409, body: { detail: 'Unable to delete object. 3 dependent objects were found' } });
    const error = await targetError(client().expectOk('DELETE', '/api/dcim/sites/', [{ id: 1 }]));
    expect(error.message).toBe('NetBox refused DELETE /api/dcim/sites/ with 409 Conflict: Unable to delete object. 3 dependent objects were found');
    expect(error.status).toBe(409);
  });

  it('times out a slow answer, retrying a read', async () => {
    fake.faults.push({ status: 200, delayMs: 400 }, { status: 200, delayMs: 400 }, { status: 200, delayMs: 400 }, { status: 200, delayMs: 400 });
    const error = await targetError(client({ timeoutMs: 100 }).get('/api/status/'));
    expect(error.message).toBe(`NetBox at ${fake.url} did not answer GET /api/status/ within 0.1 s (after 4 attempts)`);
    expect(error.hint).toContain('timeoutSeconds');
  });

  it('does not resend a write that timed out (NetBox may have done it)', async () => {
    fake.faults.push({ status: 200, delayMs: 400 });
    const error = await targetError(client({ timeoutMs: 100 }).request('POST', '/api/extras/tags/', [{ name: 'a', slug: 'a' }]));
    expect(error.message).toContain('did not answer POST /api/extras/tags/ within 0.1 s');
    expect(fake.requests).toHaveLength(1);
  });

  it('explains a refused connection', async () => {
    const closed = await freePort();
    const error = await targetError(client({ url: `http://127.0.0.1:${closed}` }).get('/api/status/'));
    expect(error.message).toBe(`cannot reach NetBox at http://127.0.0.1:${closed}: connection refused (after 4 attempts)`);
    expect(error.hint).toContain('scripts/services.sh start netbox');
  });

  it('keeps at most maxParallel requests in flight', async () => {
    // Handlers of earlier timed-out requests may still be sleeping on the server side.
    while (fake.inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 20));
    fake.maxInFlight = 0;
    fake.delayMs = 30;
    const http = client({ maxParallel: 2 });
    await Promise.all(Array.from({ length: 8 }, () => http.get('/api/status/')));
    expect(fake.maxInFlight).toBe(2);
  });
});

async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
