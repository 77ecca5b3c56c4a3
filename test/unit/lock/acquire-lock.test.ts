import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StateLockedError } from '../../../src/diag/errors.js';
import { lockEnvironment, processIsAlive } from '../../../src/cli/lock-environment.js';
import { acquireLock, type AcquireLockOptions } from '../../../src/engine/lock/acquire-lock.js';
import { breakLocks } from '../../../src/engine/lock/break-locks.js';
import { describeLock, type LockEnvironment, type LockOwner } from '../../../src/engine/lock/lock-status.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import { makeTempDir } from '../state/state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
let a: StateStore;
let b: StateStore;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
  a = openStateStore(path);
  b = openStateStore(path);
});
afterEach(() => {
  a.close();
  b.close();
  tmp.cleanup();
});

const env = lockEnvironment();
const me: LockOwner = { holder: `tester@${env.host}`, pid: process.pid, host: env.host, command: 'diet apply plan.json' };

/** The pid of a process that has exited: a holder that died without releasing its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  expect(processIsAlive(child.pid!)).toBe(false);
  return child.pid!;
}

function options(store: StateStore, extra: Partial<AcquireLockOptions> = {}): AcquireLockOptions {
  return { store, cluster: 'lab', scopes: ['netbox'], owner: me, env, timeoutMs: 0, pollMs: 5, ...extra };
}

describe('acquireLock', () => {
  it('a second holder of the same cluster and scope fails at once with the holder named, pid, host and age', async () => {
    const held = await acquireLock(options(a));
    try {
      const thrown = await acquireLock(options(b, { owner: { ...me, holder: 'other@elsewhere' } })).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(StateLockedError);
      const message = (thrown as StateLockedError).message;
      expect(message).toMatch(new RegExp(`^cluster lab is locked \\(netbox\\) by tester@${hostname()}, pid ${process.pid} on ${hostname()}, for \\d+s running \`diet apply plan.json\`$`));
      expect((thrown as StateLockedError).hint).toMatch(/diet lock status --cluster lab.*diet lock break --cluster lab/);
      expect(message).not.toContain('\n');
    } finally {
      held.release();
    }
    expect(a.listLocks()).toEqual([]);
  });

  it('another fabric of the same cluster is not in the way; the same fabric is', async () => {
    const frontend = await acquireLock(options(a, { scopes: ['kubernetes/frontend'] }));
    const backend = await acquireLock(options(b, { scopes: ['kubernetes/backend'] }));
    await expect(acquireLock(options(b, { scopes: ['netbox', 'kubernetes/frontend'] }))).rejects.toThrow(/locked \(kubernetes\/frontend\)/);
    frontend.release();
    backend.release();
  });

  it('with a timeout it waits for the holder to release, then takes the lock', async () => {
    const held = await acquireLock(options(a));
    const onWait = vi.fn(() => setImmediate(() => held.release()));
    const second = await acquireLock(options(b, { timeoutMs: 600_000, onWait }));
    expect(onWait).toHaveBeenCalledTimes(1);
    expect(a.listLocks().map((l) => l.token)).toEqual([second.token]);
    second.release();
  });

  it('gives up when the timeout passes, saying it waited', async () => {
    let now = 1_700_000_000_000;
    const clock: LockEnvironment = { ...env, now: () => now };
    const held = await acquireLock(options(a, { env: clock }));
    const sleep = async (ms: number) => {
      now += ms;
    };
    await expect(acquireLock(options(b, { env: clock, timeoutMs: 30_000, pollMs: 1_000, sleep }))).rejects.toThrow(/still after waiting 30s$/);
    held.release();
  });

  it('does not wait for a holder whose pid is gone: stale, fails at once with a break hint', async () => {
    const pid = deadPid();
    expect(a.acquireLock({ cluster: 'lab', scopes: ['netbox'], token: 'old', holder: 'ghost@h', pid, host: env.host, command: 'diet apply', at: new Date().toISOString() }).acquired).toBe(true);
    const onWait = vi.fn();
    const thrown = (await acquireLock(options(b, { timeoutMs: 600_000, onWait })).catch((e: unknown) => e)) as StateLockedError;
    expect(onWait).not.toHaveBeenCalled();
    expect(thrown.message).toContain(`the lock is stale: pid ${pid} is not running on ${env.host}`);
    expect(thrown.hint).toMatch(/break it with `diet lock break --cluster lab`/);
  });

  it('extends to more scopes under the same token, and releases them all', async () => {
    const held = await acquireLock(options(a));
    await held.extend(['kubernetes/frontend']);
    expect(held.scopes()).toEqual(['kubernetes/frontend', 'netbox']);
    expect(new Set(a.listLocks().map((l) => l.token))).toEqual(new Set([held.token]));
    held.release();
    held.release();
    expect(a.listLocks()).toEqual([]);
  });

  it('refreshes its heartbeat while held and notices when the lock was broken', async () => {
    let now = 1_700_000_000_000;
    const clock: LockEnvironment = { ...env, now: () => now };
    const held = await acquireLock(options(a, { env: clock, heartbeatMs: 5 }));
    const first = a.listLocks()[0].heartbeatAt;
    now += 42_000;
    await vi.waitFor(() => expect(b.listLocks()[0].heartbeatAt).toBe(new Date(now).toISOString()), { timeout: 10_000, interval: 5 });
    expect(b.listLocks()[0].startedAt).toBe(first);
    b.breakLocks(b.listLocks());
    await vi.waitFor(() => expect(held.lost).toBe(true), { timeout: 10_000, interval: 5 });
    held.release();
  });
});

describe('lock staleness and breaking', () => {
  it('a lock is stale when its pid is gone on this host, or its heartbeat is too old; a pid on another host is not checked', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    const clock: LockEnvironment = { now: () => now, host: 'here', isAlive: (pid) => pid === 1 };
    const lock = { cluster: 'lab', scope: 'netbox', token: 't', holder: 'u@here', pid: 1, host: 'here', command: 'diet apply', startedAt: '2025-06-01T11:58:00Z', heartbeatAt: '2025-06-01T11:59:58Z' };
    expect(describeLock(lock, clock)).toMatchObject({ stale: false, holderDead: false, ageMs: 120_000, heartbeatAgeMs: 2_000 });
    expect(describeLock({ ...lock, pid: 2 }, clock)).toMatchObject({ stale: true, holderDead: true, staleReason: 'pid 2 is not running on here' });
    expect(describeLock({ ...lock, pid: 2, host: 'there' }, clock)).toMatchObject({ stale: false, holderDead: false });
    expect(describeLock({ ...lock, heartbeatAt: '2025-06-01T11:58:30Z' }, clock)).toMatchObject({ stale: true, staleReason: 'no heartbeat for 90s (stale after 60s)' });
    expect(describeLock({ ...lock, heartbeatAt: 'garbage' }, clock)).toMatchObject({ stale: true, heartbeatAgeMs: null });
  });

  it('break removes a stale lock (dead pid) and records it in the history', () => {
    const pid = deadPid();
    a.acquireLock({ cluster: 'lab', scopes: ['netbox', 'kubernetes/frontend'], token: 'old', holder: 'ghost@h', pid, host: env.host, command: 'diet apply', at: new Date().toISOString() });
    const result = breakLocks(b, { cluster: 'lab', force: false, env, by: me.holder });
    expect(result.removed).toBe(2);
    expect(result.broken.every((s) => s.stale)).toBe(true);
    expect(a.listLocks()).toEqual([]);
    const event = a.listEvents('lab', 1)[0];
    expect(event.kind).toBe('lock-break');
    expect(event.detail).toMatchObject({ by: me.holder, forced: false });
  });

  it('break refuses a live lock without force and breaks nothing; with force it goes', async () => {
    const held = await acquireLock(options(a));
    const pid = deadPid();
    b.acquireLock({ cluster: 'lab', scopes: ['kubernetes/frontend'], token: 'old', holder: 'ghost@h', pid, host: env.host, command: 'diet apply', at: new Date().toISOString() });
    expect(() => breakLocks(b, { cluster: 'lab', force: false, env, by: 'x' })).toThrow(/refusing to break the lock on cluster lab \(netbox\): it is live, held by tester@/);
    expect(a.listLocks()).toHaveLength(2);
    // only the stale one, by scope
    expect(breakLocks(b, { cluster: 'lab', scope: 'kubernetes/frontend', force: false, env, by: 'x' }).removed).toBe(1);
    expect(breakLocks(b, { cluster: 'lab', force: true, env, by: 'x' }).removed).toBe(1);
    expect(a.listLocks()).toEqual([]);
    held.release();
    expect(held.lost).toBe(true);
  });
});
