// Failures against the real NetBox, each a one-line error with a hint and exit code 1:
// a 400 field error from NetBox itself (shown per object and field), a bad token (403), an
// unreachable server, a timeout, and 5xx / 409 / retried 503 injected by a loopback proxy in
// front of the real server. A failed apply never writes state. The tests build on each other.
// They apply with --no-rollback to look at the failure itself; rollback.test.ts covers rolling back.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStateStore } from '../../../src/state/index.js';
import { count, diet, EXAMPLE_LAB, freshNetboxBehindProxy, nb, rest, specVariant, tempState } from './netbox-fixtures.js';

const state = tempState();
const proxy = freshNetboxBehindProxy();

const viaProxy = () => ({ DIET_NETBOX_URL: proxy.url });
const appliedSnapshots = () => {
  const store = openStateStore(state, { readonly: true });
  try {
    return store.listSnapshots('lab').filter((s) => s.kind === 'applied').length;
  } finally {
    store.close();
  }
};

describe('errors from NetBox', () => {
  it('a 400 from NetBox is shown per object and field, and nothing reaches state', async () => {
    // A manufacturer named like diet's but with another slug: NetBox refuses diet's create.
    expect((await rest('/api/dcim/manufacturers/', 'POST', { name: 'Celestica', slug: 'celestica-by-hand' })).status).toBe(201);
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--no-rollback', '--state', state]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Error: apply failed at netbox\.dcim\.manufacturer\[celestica\] \(create\): dcim\.manufacturer\[celestica\]: name: .*already exists/i);
    expect(run.stderr).toContain('hint: NetBox rejected the request as a whole');
    expect(run.stderr).toMatch(/\d+ of 125 changes were applied before the failure and stay in place \(--no-rollback\); state was not updated/);
    expect(appliedSnapshots()).toBe(0);
    expect(await count('/api/dcim/manufacturers/?slug=celestica')).toBe(0);
    const hand = (await rest('/api/dcim/manufacturers/?slug=celestica-by-hand')).body.results[0];
    expect((await rest('/api/dcim/manufacturers/', 'DELETE', [{ id: hand.id }])).status).toBe(204);
  });

  it('a bad token gets the 403 and a hint to check DIET_NETBOX_TOKEN, without printing the token', async () => {
    const bad = '0123456789abcdef0123456789abcdef01234567';
    const run = await diet(['diff', '-f', EXAMPLE_LAB, '--target', 'netbox'], { DIET_NETBOX_TOKEN: bad });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: NetBox at ${nb().url} refused GET /api/status/ with 403: Invalid v1 token`);
    expect(run.stderr).toContain('hint: check the API token in DIET_NETBOX_TOKEN');
    expect(run.stderr + run.stdout).not.toContain(bad);
  });

  it('an unreachable server gets "connection refused" and a hint to check the URL or start NetBox', async () => {
    const port = await freePort();
    const run = await diet(['plan', '-f', EXAMPLE_LAB, '--target', 'netbox', '--refresh', 'live', '--state', state], { DIET_NETBOX_URL: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: cannot reach NetBox at http://127.0.0.1:${port}: connection refused`);
    expect(run.stderr).toContain('scripts/services.sh start netbox');
  });

  it('a server slower than timeoutSeconds times out with a one-line error (reads are retried first)', async () => {
    proxy.rules.push({ path: /^\/api\/status\//, delayMs: 1500, times: 4 });
    const dir = mkdtempSync(join(tmpdir(), 'diet-nb-config-'));
    writeFileSync(join(dir, 'diet.config.yaml'), `netbox:\n  url: ${proxy.url}\n  timeoutSeconds: 0.5\n`);
    const run = await diet(['--config', join(dir, 'diet.config.yaml'), 'diff', '-f', EXAMPLE_LAB, '--target', 'netbox']);
    proxy.rules.length = 0;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: NetBox at ${proxy.url} did not answer GET /api/status/ within 0.5 s (after 4 attempts)`);
    expect(run.stderr).toContain('raise netbox.timeoutSeconds');
  });

  it('a 500 during apply stops it with the server message; state is not written; a second apply converges', async () => {
    proxy.rules.push({ method: 'POST', path: /^\/api\/dcim\/devices\//, status: 500, body: { error: 'division by zero', exception: 'ZeroDivisionError', netbox_version: '4.7.3' } });
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--no-rollback', '--state', state], viaProxy());
    proxy.rules.length = 0;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('(create): NetBox failed on POST /api/dcim/devices/ with 500 Internal Server Error: division by zero');
    expect(run.stderr).toContain('state was not updated');
    expect(appliedSnapshots()).toBe(0);
    expect(await count('/api/dcim/devices/')).toBe(0);
    expect(await count('/api/dcim/device-types/?tag=diet-lab')).toBe(2);

    const again = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--state', state], viaProxy());
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/Apply complete! Resources: \d+ added, 0 changed, 0 destroyed/);
    expect(appliedSnapshots()).toBe(1);
    expect(await count('/api/dcim/devices/?tag=diet-lab')).toBe(11);
  }, 600_000);

  it('503 answers from a proxy are retried and the apply goes through', async () => {
    const seven = specVariant(EXAMPLE_LAB, (doc) => {
      if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 7;
    });
    proxy.rules.push({ method: 'DELETE', status: 503, times: 2 });
    const run = await diet(['apply', '-f', seven, '--target', 'netbox', '--auto-approve', '--state', state], viaProxy());
    expect(run.code, run.stderr).toBe(0);
    expect(proxy.seen.filter((s) => s.method === 'DELETE' && s.status === 503)).toHaveLength(2);
    expect(await count('/api/dcim/devices/?tag=diet-lab')).toBe(10);
  }, 600_000);

  it('a 409 on delete stops the apply with NetBox\'s conflict detail and a hint', async () => {
    const six = specVariant(EXAMPLE_LAB, (doc) => {
      if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 6;
    });
    proxy.rules.push({ method: 'DELETE', path: /^\/api\/dcim\/devices\//, status: 409, body: { detail: 'Unable to delete object. 1 dependent objects were found: power-port-1 (12)' } });
    const run = await diet(['apply', '-f', six, '--target', 'netbox', '--auto-approve', '--no-rollback', '--state', state], viaProxy());
    proxy.rules.length = 0;
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('apply failed at netbox.dcim.device[server-007] (delete): NetBox refused DELETE /api/dcim/devices/ with 409 Conflict: Unable to delete object. 1 dependent objects were found: power-port-1 (12)');
    expect(run.stderr).toContain('hint: other objects in NetBox still depend on it');
    expect(await count('/api/dcim/devices/?name=server-007')).toBe(1);
  }, 600_000);
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
