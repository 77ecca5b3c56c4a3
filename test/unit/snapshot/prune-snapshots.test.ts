import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/diag/errors.js';
import { pruneSnapshots, selectPrunable } from '../../../src/engine/snapshot/prune-snapshots.js';
import { openStateStore, type SnapshotKind, type SnapshotRecord, type StateStore } from '../../../src/state/index.js';
import { device, makeTempDir } from '../state/state-test-files.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-30T00:00:00Z');

function rec(id: number, kind: SnapshotKind, daysAgo: number, cluster = 'lab'): SnapshotRecord {
  return { id, cluster, kind, createdAt: new Date(NOW - daysAgo * DAY).toISOString(), resourceCount: 1, checksum: 'sha256:x' };
}

const ids = (list: readonly SnapshotRecord[]) => list.map((r) => r.id);

describe('which snapshots prune removes', () => {
  const history = [rec(1, 'applied', 60), rec(2, 'manual', 50), rec(3, 'applied', 40), rec(4, 'pre-apply', 20), rec(5, 'manual', 10), rec(6, 'manual', 1)];

  it('--keep N keeps the newest N; the latest applied is never removed', () => {
    expect(selectPrunable(history, { keep: 2, now: NOW })).toEqual({ remove: [history[0], history[1], history[3]], kept: [history[2]] });
    expect(ids(selectPrunable(history, { keep: 0, now: NOW }).remove)).toEqual([1, 2, 4, 5, 6]);
    expect(ids(selectPrunable(history, { keep: 10, now: NOW }).remove)).toEqual([]);
  });

  it('--older-than removes only older ones; with --keep both must hold', () => {
    expect(ids(selectPrunable(history, { olderThanMs: 30 * DAY, now: NOW }).remove)).toEqual([1, 2]);
    expect(ids(selectPrunable(history, { olderThanMs: 30 * DAY, now: NOW }).kept)).toEqual([3]);
    expect(ids(selectPrunable(history, { olderThanMs: 5 * DAY, keep: 4, now: NOW }).remove)).toEqual([1, 2]);
  });

  it('the latest restore snapshot (what diet manages) is protected as well, per cluster', () => {
    const mixed = [rec(1, 'applied', 9), rec(2, 'restore', 8), rec(3, 'applied', 7, 'prod'), rec(4, 'manual', 1, 'prod')];
    expect(selectPrunable(mixed, { keep: 0, now: NOW })).toEqual({ remove: [mixed[3]], kept: [mixed[0], mixed[1], mixed[2]] });
    expect(ids(selectPrunable([...mixed, rec(5, 'manual', 1)], { keep: 0, cluster: 'lab', now: NOW }).remove)).toEqual([5]);
  });

  it('an unreadable creation time is never "older"; a rule is required', () => {
    const odd = [{ ...rec(1, 'manual', 90), createdAt: 'yesterday' }, rec(2, 'applied', 0)];
    expect(ids(selectPrunable(odd, { olderThanMs: DAY, now: NOW }).remove)).toEqual([]);
    expect(() => selectPrunable(odd, { now: NOW })).toThrow(ConfigError);
    expect(() => selectPrunable(odd, { keep: -1, now: NOW })).toThrow(/--keep/);
  });
});

describe('prune in the state file', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: StateStore;
  beforeEach(() => {
    tmp = makeTempDir();
    store = openStateStore(join(tmp.dir, 'state.db'));
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });

  function save(kind: SnapshotKind, daysAgo: number, cluster = 'lab'): number {
    return store.saveSnapshot({ cluster, kind, createdAt: new Date(NOW - daysAgo * DAY).toISOString(), resources: [device(`d${daysAgo}`, 'leaf')] }).id;
  }

  it('dry run changes nothing; a real run deletes, keeps the latest applied and records one event per cluster', () => {
    const applied = save('applied', 40);
    const old = save('manual', 35);
    const recent = save('manual', 2);
    const other = save('manual', 50, 'prod');
    const at = '2025-06-30T00:00:00.000Z';
    const dry = pruneSnapshots(store, { olderThanMs: 30 * DAY, now: NOW }, { dryRun: true, at });
    expect(ids(dry.remove)).toEqual([old, other]);
    expect(store.listSnapshots()).toHaveLength(4);
    expect(store.listEvents()).toEqual([]);

    const done = pruneSnapshots(store, { olderThanMs: 30 * DAY, now: NOW }, { dryRun: false, at });
    expect(ids(done.remove)).toEqual([old, other]);
    expect(ids(done.kept)).toEqual([applied]);
    expect(ids(store.listSnapshots())).toEqual([recent, applied]);
    expect(store.listEvents().map((e) => [e.cluster, e.kind, e.detail.deleted])).toEqual([
      ['prod', 'snapshot-prune', [other]],
      ['lab', 'snapshot-prune', [old]],
    ]);
    expect(store.getSnapshot(old)).toBeUndefined();
  });
});
