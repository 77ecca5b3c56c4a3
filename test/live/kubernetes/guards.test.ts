// The apply guards against the real kube-apiserver, through the built CLI with the small lab
// example (fabric frontend → server a): the state lock keeps two applies of one fabric apart
// (the other one waits and then finds nothing to do, or fails at once naming the holder), and
// a saved plan whose premises no longer hold is refused before anything is written (applied
// already, or an object it changes was changed by another field manager meanwhile). The
// objects' resourceVersions and generations show what was written. The tests build on each
// other, in order.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO, removeTempDirs, tempDir } from '../../e2e/run-diet.js';
import { dietEnv, runDietAsync, startDiet, type RunningDiet } from '../../e2e/run-diet-async.js';
import { lockHeld } from '../lock-held.js';
import { env, freshServers, patchAs, raw, rawObjectPath, rawObjects, releaseServers } from './kube-fixtures.js';
import { services } from './kube-instances.js';

const LAB = join(REPO, 'examples', 'lab');
const ADDED = 'Apply complete! Resources: 32 added, 0 changed, 0 destroyed.';

/**
 * A TCP pass-through to server a that holds new connections while closed: a diet apply going
 * through it takes its lock and then stands still at its first request until the test opens
 * the gate. TLS passes through untouched (the certificate names 127.0.0.1, whatever the port).
 */
class Gate {
  private server?: Server;
  private waiting: Socket[] = [];
  private closed = true;
  port = 0;

  async start(upstream: URL): Promise<void> {
    this.server = createServer((client) => {
      client.pause();
      if (this.closed) this.waiting.push(client);
      else this.forward(client, upstream);
    });
    this.upstream = upstream;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  private upstream?: URL;

  open(): void {
    this.closed = false;
    for (const client of this.waiting.splice(0)) this.forward(client, this.upstream!);
  }

  close(): void {
    this.closed = true;
  }

  private forward(client: Socket, upstream: URL): void {
    const server = connect(Number(upstream.port), upstream.hostname);
    client.pipe(server).pipe(client);
    client.resume();
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
  }

  async stop(): Promise<void> {
    for (const client of this.waiting.splice(0)) client.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

let dir: string;
const gate = new Gate();
beforeAll(async () => {
  await freshServers();
  dir = tempDir('diet-kube-guards');
  const config = (server: string) => `fabrics:\n  frontend:\n    kubernetes:\n      server: ${server}\n      tokenEnv: DIET_KUBE_TOKEN_FE\n      caFile: ${env('a').caFile}\n`;
  writeFileSync(join(dir, 'diet.config.yaml'), config(env('a').server));
  await gate.start(new URL(env('a').server));
  writeFileSync(join(dir, 'gated.yaml'), config(`https://127.0.0.1:${gate.port}`));
});
afterAll(async () => {
  await gate.stop();
  releaseServers();
  removeTempDirs();
});

const dietEnvironment = () => dietEnv({ DIET_KUBE_TOKEN_FE: env('a').token, NO_COLOR: '1' });
const diet = (args: string[]) => runDietAsync(args, { cwd: dir, env: dietEnvironment() });
/** A diet command through the gate, running in the background. */
const gated = (args: string[]): RunningDiet => startDiet(['--config', 'gated.yaml', ...args], { cwd: dir, env: dietEnvironment() });

async function until(what: string, check: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const result = async (run: RunningDiet) => ({ code: await run.done, stdout: run.stdout, stderr: run.stderr });

function serversVariant(quantity: number): string {
  const out = mkdtempSync(join(tmpdir(), 'diet-kube-lab-'));
  cpSync(LAB, out, { recursive: true });
  const file = join(out, 'lab.yaml');
  const docs = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJSON());
  for (const doc of docs) if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = quantity;
  writeFileSync(file, docs.map((d) => stringify(d)).join('---\n'));
  return out;
}

/** `Kind/name` → resourceVersion of every object in namespace default of server a. */
async function versions(): Promise<Map<string, string>> {
  return new Map([...(await rawObjects('a'))].map(([k, o]) => [k, o.metadata.resourceVersion]));
}

describe('the first saved plan, made against an empty state and an empty API server', () => {
  it('is applied once; applying it again is refused as stale and writes nothing', async () => {
    const state = join(dir, 'first.db');
    const file = join(dir, 'first.json');
    const plan = await diet(['plan', '-f', LAB, '--target', 'kubernetes', '-o', file, '--state', state]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('Plan: 32 to add, 0 to change, 0 to destroy.');
    const first = await diet(['apply', file, '--state', state]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(ADDED);
    const after = await versions();
    expect(after.size).toBe(32);

    const again = await diet(['apply', file, '--state', state]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error: the plan is stale: it was made against an empty state, but the latest applied snapshot is \d+$/m);
    // With a state that does not know the apply, the objects found on the server refuse it.
    const elsewhere = await diet(['apply', file, '--state', join(dir, 'other.db')]);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^Error: the plan is stale: kubernetes\.\S+ exists already, /m);
    expect(await versions()).toEqual(after);
  });
});

describe('two diet apply at once on the same fabric', () => {
  const state = () => join(dir, '.diet', 'state.db');

  it('with --lock-timeout: one applies, the other waits, then finds nothing to do; every object was written once', async () => {
    services('reset', 'a');
    expect((await rawObjects('a')).size).toBe(0);
    // Both through the closed gate: whichever takes the lock stands still until the other waits.
    gate.close();
    const args = ['apply', '-f', LAB, '--target', 'kubernetes', '--auto-approve', '--lock-timeout', '10m'];
    const started = [gated(args), gated(args)];
    await until('one apply waiting for the lock', () => started.some((r) => /^Waiting up to 10m00s for the lock on cluster lab \(kubernetes\/frontend\), held by \S+, pid \d+ on /m.test(r.stderr)));
    gate.open();
    const runs = await Promise.all(started.map(result));
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const applied = runs.filter((r) => r.stdout.includes(ADDED));
    const other = runs.filter((r) => r.stdout.includes('No changes.'));
    expect([applied.length, other.length], runs.map((r) => r.stdout + r.stderr).join('\n')).toEqual([1, 1]);
    // The one that waited names the other's pid as the holder, and found nothing left to do.
    const waiter = runs.findIndex((r) => r.stderr.includes('Waiting up to'));
    expect(runs[waiter].stderr).toContain(`pid ${started[1 - waiter].child.pid} on `);
    expect(runs[waiter].stdout).toContain('No changes.');
    const objects = await rawObjects('a');
    expect(objects.size).toBe(32);
    for (const [key, o] of objects) {
      expect(o.metadata.generation, key).toBe(1);
      expect(o.metadata.managedFields.map((m: any) => `${m.manager} ${m.operation}`), key).toEqual(['diet Apply']);
    }
  });

  it('without: the second fails at once with the lock message naming the holder, and writes nothing', async () => {
    const before = await versions();
    const seven = serversVariant(7);
    gate.close();
    const first = gated(['apply', '-f', seven, '--target', 'kubernetes', '--auto-approve']);
    await lockHeld(state());
    const second = await diet(['apply', '-f', LAB, '--target', 'kubernetes', '--auto-approve']);
    // Meanwhile the lock is visible, live, and cannot be broken without --force.
    const status = await diet(['lock', 'status', '--json']);
    expect(JSON.parse(status.stdout).locks).toEqual([expect.objectContaining({ cluster: 'lab', scope: 'kubernetes/frontend', pid: first.child.pid, stale: false })]);
    const broken = await diet(['lock', 'break', '--cluster', 'lab']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^Error: refusing to break the lock on cluster lab \\(kubernetes/frontend\\): it is live, held by \\S+, pid ${first.child.pid} on `, 'm'));
    gate.open();
    const done = await result(first);
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Apply complete! Resources: 0 added, 0 changed, 3 destroyed\./);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`^Error: cluster lab is locked \\(kubernetes/frontend\\) by \\S+@\\S+, pid ${first.child.pid} on \\S+, for \\S+ running \`diet --config gated.yaml apply -f \\S+ --target kubernetes --auto-approve\``, 'm'));
    expect(second.stdout).not.toContain('Apply complete');
    // Exactly the first apply's three deletes; everything else untouched.
    const after = await versions();
    const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
    expect(gone).toEqual(['Connection/server-008-nic0-port0--unbundled--leaf-01', 'Connection/server-008-nic0-port1--unbundled--leaf-02', 'Server/server-008']);
    for (const [k, v] of after) expect(v, k).toBe(before.get(k));
  });

  it('the same saved plan twice at once: one applies, the waiting one then refuses it as stale', async () => {
    const file = join(dir, 'six.json');
    const plan = await diet(['plan', '-f', serversVariant(6), '--target', 'kubernetes', '-o', file]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 3 to destroy.');
    const runs = await Promise.all([diet(['apply', file, '--lock-timeout', '10m']), diet(['apply', file, '--lock-timeout', '10m'])]);
    const applied = runs.filter((r) => r.code === 0);
    const refused = runs.filter((r) => r.code === 1);
    expect([applied.length, refused.length], runs.map((r) => r.stderr).join('\n')).toEqual([1, 1]);
    expect(applied[0].stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 3 destroyed.');
    expect(refused[0].stderr).toMatch(/^Error: the plan is stale: it was made against state snapshot \d+, but the latest applied snapshot is \d+$/m);
    expect((await rawObjects('a')).size).toBe(26);
  });
});

describe('a saved plan whose object another field manager changed after planning', () => {
  it('a delete: refused, naming the object, for a plan against state and against live objects; nothing is written', async () => {
    const five = serversVariant(5);
    const plans: string[] = [];
    for (const refresh of ['state', 'live']) {
      const file = join(dir, `five-${refresh}.json`);
      const plan = await diet(['plan', '-f', five, '--target', 'kubernetes', '--refresh', refresh, '-o', file]);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain('Plan: 0 to add, 0 to change, 3 to destroy.');
      plans.push(file);
    }
    const name = 'server-006-nic0-port0--unbundled--leaf-01';
    const edited = await patchAs('a', 'someone-else', 'Connection', name, { spec: { unbundled: { link: { switch: { port: 'leaf-01/E1/4/4' } } } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const before = await versions();
    for (const file of plans) {
      const run = await diet(['apply', file]);
      expect(run.code, run.stdout).toBe(1);
      expect(run.stderr).toMatch(new RegExp(`^Error: the plan is stale: .*kubernetes\\.wiring\\.githedgehog\\.com/Connection\\[frontend/${name}\\] changed`, 'm'));
    }
    expect(await versions()).toEqual(before);
  });

  it('an update planned against live objects: refused when someone else only relabelled the object', async () => {
    expect((await patchAs('a', 'someone-else', 'Switch', 'leaf-01', { spec: { role: 'border-leaf' } })).status).toBe(200);
    const file = join(dir, 'drift.json');
    const plan = await diet(['plan', '-f', serversVariant(6), '--target', 'kubernetes', '--refresh', 'live', '-o', file]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('~ kubernetes.wiring.githedgehog.com/Switch[frontend/leaf-01]');
    expect((await patchAs('a', 'labeler', 'Switch', 'leaf-01', { metadata: { labels: { rack: 'r1' } } })).status).toBe(200);
    const before = await versions();
    const run = await diet(['apply', file]);
    expect(run.code, run.stdout).toBe(1);
    expect(run.stderr).toMatch(/^Error: the plan is stale: kubernetes\.wiring\.githedgehog\.com\/Switch\[frontend\/leaf-01\] changed since it was made$/m);
    expect(await versions()).toEqual(before);
    expect((await raw('a', 'GET', rawObjectPath('Switch', 'leaf-01'))).body.spec.role).toBe('border-leaf');
  });
});

describe('a holder killed while it held the lock', () => {
  it('leaves a stale lock: the next apply fails at once saying so, lock break removes it, then the apply goes through', async () => {
    gate.close();
    const victim = gated(['apply', '-f', LAB, '--target', 'kubernetes', '--auto-approve', '--lock-timeout', '10m']);
    await lockHeld(join(dir, '.diet', 'state.db'));
    victim.child.kill('SIGKILL');
    await expect(victim.done).rejects.toThrow(/killed by SIGKILL/);
    gate.open();
    const before = await versions();

    const refused = await diet(['apply', '-f', LAB, '--target', 'kubernetes', '--auto-approve', '--lock-timeout', '10m']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^Error: cluster lab is locked \\(kubernetes/frontend\\) by \\S+, pid ${victim.child.pid} on (\\S+), .*; the lock is stale: pid ${victim.child.pid} is not running on \\1$`, 'm'));
    expect(refused.stderr).toContain('hint: check with `diet lock status --cluster lab`, then break it with `diet lock break --cluster lab` and retry');
    expect(await versions()).toEqual(before);

    const broken = await diet(['lock', 'break', '--cluster', 'lab']);
    expect(broken.code, broken.stderr).toBe(0);
    expect(broken.stdout).toMatch(new RegExp(`^Broke .*kubernetes/frontend.*pid ${victim.child.pid}`, 'm'));
    const apply = await diet(['apply', '-f', LAB, '--target', 'kubernetes', '--auto-approve']);
    expect(apply.code, apply.stderr).toBe(0);
    // Servers 7 and 8 back with their Connections, and the two objects changed by hand in the tests above taken back.
    expect(apply.stdout).toMatch(/Apply complete! Resources: 6 added, 2 changed, 0 destroyed\./);
    expect((await rawObjects('a')).size).toBe(32);
  });
});
