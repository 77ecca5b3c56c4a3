import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import { openStateStore, type LockInput, type StateStore } from '../../../src/state/index.js';
import { STATE_MIGRATIONS } from '../../../src/state/migrations.js';
import { runMigrations } from '../../../src/state/run-migrations.js';
import { makeTempDir } from './state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
let a: StateStore;
let b: StateStore;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
  // Two connections to one file, as two diet processes would have.
  a = openStateStore(path);
  b = openStateStore(path);
});
afterEach(() => {
  a.close();
  b.close();
  tmp.cleanup();
});

function request(token: string, scopes: string[], cluster = 'lab'): LockInput {
  return { cluster, scopes, token, holder: `user-${token}@host1`, pid: 1000, host: 'host1', command: `diet apply ${token}`, at: `2025-01-01T00:00:0${token.length}Z` };
}

describe('locks in the state file', () => {
  it('a scope held by one connection is refused to another, which writes nothing; release frees it', () => {
    const first = a.acquireLock(request('t1', ['netbox', 'kubernetes/frontend']));
    expect(first.acquired).toBe(true);
    const second = b.acquireLock(request('t2', ['kubernetes/backend', 'kubernetes/frontend']));
    expect(second.acquired).toBe(false);
    if (second.acquired) return;
    expect(second.conflicts.map((l) => [l.scope, l.token, l.holder])).toEqual([['kubernetes/frontend', 't1', 'user-t1@host1']]);
    // all or nothing: the free scope was not taken either
    expect(a.listLocks('lab').map((l) => `${l.scope}:${l.token}`)).toEqual(['kubernetes/frontend:t1', 'netbox:t1']);

    expect(a.releaseLock('t1')).toBe(2);
    expect(b.acquireLock(request('t2', ['kubernetes/backend', 'kubernetes/frontend'])).acquired).toBe(true);
    expect(a.listLocks().map((l) => `${l.scope}:${l.token}`)).toEqual(['kubernetes/backend:t2', 'kubernetes/frontend:t2']);
  });

  it('different clusters and disjoint scopes do not conflict', () => {
    expect(a.acquireLock(request('t1', ['netbox'], 'lab')).acquired).toBe(true);
    expect(b.acquireLock(request('t2', ['netbox'], 'prod')).acquired).toBe(true);
    expect(b.acquireLock(request('t3', ['kubernetes/frontend'], 'lab')).acquired).toBe(true);
    expect(a.listLocks().map((l) => `${l.cluster}/${l.scope}`)).toEqual(['lab/kubernetes/frontend', 'lab/netbox', 'prod/netbox']);
    expect(a.listLocks('prod')).toHaveLength(1);
  });

  it('the same token extends its own acquisition, keeping the rows it already has', () => {
    const first = a.acquireLock(request('t1', ['netbox']));
    expect(first.acquired).toBe(true);
    const more = a.acquireLock({ ...request('t1', ['netbox', 'kubernetes/frontend']), at: 'later' });
    expect(more.acquired).toBe(true);
    if (!more.acquired) return;
    expect(more.locks.map((l) => [l.scope, l.startedAt])).toEqual([
      ['kubernetes/frontend', 'later'],
      ['netbox', '2025-01-01T00:00:02Z'],
    ]);
  });

  it('heartbeats update every row of the token and report a lock that is gone', () => {
    a.acquireLock(request('t1', ['netbox', 'kubernetes/frontend']));
    expect(a.heartbeatLock('t1', 'beat-1')).toBe(2);
    expect(b.listLocks().map((l) => l.heartbeatAt)).toEqual(['beat-1', 'beat-1']);
    expect(b.listLocks().map((l) => l.startedAt)).toEqual(['2025-01-01T00:00:02Z', '2025-01-01T00:00:02Z']);
    b.breakLocks(b.listLocks());
    expect(a.heartbeatLock('t1', 'beat-2')).toBe(0);
  });

  it('break deletes only rows that still carry the token they were listed with', () => {
    a.acquireLock(request('t1', ['netbox']));
    const seen = b.listLocks();
    a.releaseLock('t1');
    a.acquireLock(request('t9', ['netbox']));
    expect(b.breakLocks(seen)).toBe(0);
    expect(b.listLocks().map((l) => l.token)).toEqual(['t9']);
  });

  it('the row is exactly what was asked for, and an empty request is refused', () => {
    a.acquireLock(request('t1', ['netbox']));
    expect(b.listLocks()[0]).toEqual({ cluster: 'lab', scope: 'netbox', token: 't1', holder: 'user-t1@host1', pid: 1000, host: 'host1', command: 'diet apply t1', startedAt: '2025-01-01T00:00:02Z', heartbeatAt: '2025-01-01T00:00:02Z' });
    expect(() => a.acquireLock(request('t2', []))).toThrow(StateError);
  });

  it('a state file from before locks (schema v1) gains the table on a writing open and keeps its data', () => {
    const old = join(tmp.dir, 'v1.db');
    const raw = new Database(old);
    runMigrations(raw, old, STATE_MIGRATIONS.slice(0, 1));
    raw.prepare("INSERT INTO plans (id, cluster, created_at, digest, document) VALUES ('abc', 'lab', 't', 'd', '{}')").run();
    raw.close();
    expect(() => openStateStore(old, { readonly: true })).toThrow(/uses schema v1/);
    const store = openStateStore(old);
    try {
      expect(store.listPlans().map((p) => p.id)).toEqual(['abc']);
      expect(store.acquireLock(request('t1', ['netbox'])).acquired).toBe(true);
      expect(store.listLocks()).toHaveLength(1);
    } finally {
      store.close();
    }
  });
});
