/**
 * Locks through the built binary, with real processes: two `diet apply` at once against one
 * state file and an in-memory NetBox (test/support/fake-netbox.ts) behind a gate that holds
 * the first write until the test lets it through — no timers decide anything. Also stale
 * locks (a holder pid that no longer exists) and live ones that `lock break` refuses.
 */
import { spawnSync } from 'node:child_process';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openStateStore } from '../../src/state/index.js';
import { FakeNetbox } from '../support/fake-netbox.js';
import { crashSigns, removeTempDirs, REPO, tempDir } from './run-diet.js';
import { dietEnv, runDietAsync, startDiet, type RunningDiet } from './run-diet-async.js';

afterAll(removeTempDirs);

const LAB = join(REPO, 'examples', 'lab', 'lab.yaml');

/** A pass-through proxy in front of the fake NetBox that can hold the next write request. */
class WriteGate {
  private server?: Server;
  url = '';
  private holding = false;
  private release?: () => void;
  /** Resolves when a write request has arrived and is being held. */
  held: Promise<void> = Promise.resolve();
  private markHeld?: () => void;

  constructor(private readonly upstream: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next POST/PATCH/DELETE waits until `open()`. */
  hold(): void {
    this.holding = true;
    this.held = new Promise((resolve) => (this.markHeld = resolve));
  }

  open(): void {
    this.holding = false;
    this.release?.();
  }

  async stop(): Promise<void> {
    this.open();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.holding && req.method !== 'GET') {
      const gate = new Promise<void>((resolve) => (this.release = resolve));
      this.markHeld?.();
      await gate;
    }
    const target = new URL(req.url!, this.upstream);
    const out = request(target, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(Buffer.concat(chunks));
  }
}

let netbox: FakeNetbox;
let gate: WriteGate;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  netbox = new FakeNetbox();
  await netbox.start();
  gate = new WriteGate(netbox.url);
  await gate.start();
  dir = tempDir('diet-lock');
  env = dietEnv({ DIET_NETBOX_URL: gate.url, DIET_NETBOX_TOKEN: 'good-token' });
});
afterEach(async () => {
  await gate.stop();
  await netbox.stop();
});

/** `diet …` in the test's directory and state file, without blocking this process (the fake NetBox runs here). */
function start(args: readonly string[]): RunningDiet {
  return startDiet([...args, '--state', 'state.db', '--no-color'], { cwd: dir, env });
}

function diet(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runDietAsync([...args, '--state', 'state.db', '--no-color'], { cwd: dir, env });
}

function lockRows(): ReturnType<ReturnType<typeof openStateStore>['listLocks']> {
  const store = openStateStore(join(dir, 'state.db'), { readonly: true });
  try {
    return store.listLocks();
  } finally {
    store.close();
  }
}

describe('two applies of one cluster at once (real processes, one state file)', () => {
  it('the second fails with the holder named; lock status shows it live; break refuses it; --lock-timeout waits and then sees the first one\'s result', async () => {
    const planned = await diet(['plan', '-f', LAB, '--refresh', 'live', '--target', 'netbox', '-o', 'plan.json', '-q']);
    expect(planned.code, planned.stderr).toBe(0);

    gate.hold();
    const first = start(['apply', 'plan.json', '--auto-approve']);
    await Promise.race([gate.held, first.done.then(() => Promise.reject(new Error(`first apply ended early: ${first.stderr}`)))]);
    const pid = first.child.pid!;

    const second = await diet(['apply', 'plan.json', '--auto-approve']);
    expect(second.code).toBe(1);
    expect(crashSigns(second.stderr)).toEqual([]);
    expect(second.stderr).toMatch(new RegExp(`^Error: cluster lab is locked \\(netbox\\) by [^@\\s]+@${hostname()}, pid ${pid} on ${hostname()}, for \\d+s running \`diet apply plan\\.json --auto-approve --state state\\.db --no-color\`\\n  hint: .*diet lock status --cluster lab.*diet lock break --cluster lab.*\\n$`));

    const status = await diet(['lock', 'status', '--json']);
    expect(status.code).toBe(0);
    const locks = JSON.parse(status.stdout).locks;
    expect(locks).toEqual([expect.objectContaining({ cluster: 'lab', scope: 'netbox', pid, host: hostname(), stale: false, stale_reason: null })]);

    const refused = await diet(['lock', 'break', '--cluster', 'lab']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: refusing to break the lock on cluster lab \(netbox\): it is live, held by .*, pid \d+ on /);
    expect(lockRows()).toHaveLength(1);

    // A third apply plans from the spec and waits; it gets the lock only after the first finished.
    const third = start(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '--lock-timeout', '10m']);
    await vi.waitFor(() => expect(third.stderr).toContain('Waiting up to 10m00s for the lock on cluster lab (netbox), held by'), { timeout: 60_000, interval: 20 });
    gate.open();
    expect(await first.done, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^Apply complete! Resources: \d+ added, 0 changed, 0 destroyed\./m);
    expect(await third.done, third.stderr).toBe(0);
    expect(third.stdout).toContain('No changes.');
    expect(lockRows()).toEqual([]);
  });
});

describe('stale and live locks through the CLI', () => {
  function seedLock(pid: number, heartbeatAt = new Date().toISOString()): void {
    const store = openStateStore(join(dir, 'state.db'));
    try {
      store.acquireLock({ cluster: 'lab', scopes: ['netbox'], token: `seed-${pid}`, holder: `someone@${hostname()}`, pid, host: hostname(), command: 'diet apply old-plan.json', at: heartbeatAt });
    } finally {
      store.close();
    }
  }

  it('a lock whose pid is gone is shown stale, makes apply fail at once even with --lock-timeout, and is broken without --force', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    expect((await diet(['plan', '-f', LAB, '--refresh', 'live', '--target', 'netbox', '-o', 'plan.json', '-q'])).code).toBe(0);
    seedLock(dead);

    const status = await diet(['lock', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`^lab  netbox  held by someone@${hostname()}, pid ${dead} on ${hostname()}, for \\d+s, heartbeat \\d+s ago: diet apply old-plan\\.json  STALE \\(pid ${dead} is not running on ${hostname()}\\)\\n$`));

    const apply = await diet(['apply', 'plan.json', '--auto-approve', '--lock-timeout', '10m']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).not.toContain('Waiting');
    expect(apply.stderr).toMatch(/^Error: cluster lab is locked \(netbox\) by .*; the lock is stale: pid \d+ is not running on .*\n  hint: .*diet lock break --cluster lab/);
    expect(netbox.requests.filter((r) => r.method !== 'GET')).toEqual([]);

    const broken = await diet(['lock', 'break']);
    expect(broken.code, broken.stderr).toBe(0);
    expect(broken.stdout).toMatch(/^Broke lab  netbox  held by someone@/);
    expect(lockRows()).toEqual([]);
    const history = await diet(['state', 'history', '--json']);
    expect(JSON.parse(history.stdout).events[0]).toMatchObject({ kind: 'lock-break', detail: { forced: false } });

    const applied = await diet(['apply', 'plan.json', '--auto-approve']);
    expect(applied.code, applied.stderr).toBe(0);
  });

  it('a lock with an old heartbeat is stale even when its pid exists', async () => {
    seedLock(process.pid, new Date(Date.now() - 3_600_000).toISOString());
    const status = await diet(['lock', 'status', '--json']);
    expect(JSON.parse(status.stdout).locks[0]).toMatchObject({ pid: process.pid, stale: true, stale_reason: expect.stringMatching(/^no heartbeat for \d+s \(stale after 60s\)$/) });
    expect((await diet(['lock', 'break', '--cluster', 'lab'])).code).toBe(0);
    expect(lockRows()).toEqual([]);
  });

  it('a live lock (running pid, fresh heartbeat) is broken only with --force', async () => {
    seedLock(process.pid);
    const refused = await diet(['lock', 'break', '--cluster', 'lab']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: refusing to break the lock on cluster lab \(netbox\): it is live, held by someone@[^\n]+\n  hint: [^\n]*--force\n$/);
    expect(lockRows()).toHaveLength(1);
    const forced = await diet(['lock', 'break', '--cluster', 'lab', '--force', '--json']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ cluster: 'lab', removed: 1, broken: [{ scope: 'netbox', pid: process.pid, stale: false }] });
    expect(lockRows()).toEqual([]);
  });
});
