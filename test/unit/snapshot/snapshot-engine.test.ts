import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, StateError } from '../../../src/diag/errors.js';
import { createManualSnapshot } from '../../../src/engine/snapshot/create-snapshot.js';
import { diffSnapshotWithLive } from '../../../src/engine/snapshot/diff-snapshot-live.js';
import { diffObservedSets } from '../../../src/engine/snapshot/diff-snapshots.js';
import { parseSnapshotId } from '../../../src/engine/snapshot/read-snapshot.js';
import { verifySnapshots } from '../../../src/engine/snapshot/verify-snapshots.js';
import type { ObservedResource } from '../../../src/resource/resource.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { bindFake, FakeTarget, liveObject } from '../../support/fake-target.js';
import { device, makeTempDir } from '../state/state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
let store: StateStore;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
  store = openStateStore(path);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const widget = (key: string, attrs: Record<string, string | number>, owned = true) => liveObject('netbox', 'test.widget', key, { name: key, ...attrs }, owned);
const strip = (o: ReturnType<typeof widget>): ObservedResource => {
  const { owned: _owned, ...rest } = o;
  return rest;
};

describe('diff between two snapshots', () => {
  it('+ only in B, - only in A, ~ per changed attribute; remote ids and fingerprints do not count', () => {
    const a = [device('leaf-01', 'leaf'), device('leaf-02', 'leaf'), device('spine-01', 'spine')];
    const b = [
      { ...device('leaf-01', 'leaf'), attrs: { ...device('leaf-01', 'leaf').attrs, status: 'active' } },
      { ...device('spine-01', 'spine'), remoteId: '99', fingerprint: 'other' },
      device('leaf-03', 'leaf'),
    ];
    const doc = diffObservedSets('lab', 3, a, b);
    expect(doc.resource_changes.map((c) => `${c.action} ${c.address}`).sort()).toEqual([
      'create netbox.dcim.device[leaf-03]',
      'delete netbox.dcim.device[leaf-02]',
      'update netbox.dcim.device[leaf-01]',
    ]);
    const update = doc.resource_changes.find((c) => c.action === 'update')!;
    expect(update.attr_changes).toEqual([{ path: 'status', before: 'planned', after: 'active' }]);
    expect(doc.summary).toMatchObject({ add: 1, change: 1, destroy: 1, noop: 1 });
    expect(doc.baseline).toEqual({ kind: 'state', snapshot_id: '3', fingerprints: {} });
    expect(diffObservedSets('lab', 3, a, a).resource_changes).toEqual([]);
  });

  it('snapshot ids on the command line are positive whole numbers', () => {
    expect(parseSnapshotId('42')).toBe(42);
    for (const bad of ['0', '-1', '1.5', 'abc', '', '01']) expect(() => parseSnapshotId(bad)).toThrow(ConfigError);
  });
});

describe('verify', () => {
  it('passes untouched snapshots and names the one whose rows were edited', () => {
    const one = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 't1', resources: [device('leaf-01', 'leaf')] });
    const two = store.saveSnapshot({ cluster: 'lab', kind: 'manual', createdAt: 't2', resources: [device('leaf-02', 'leaf')] });
    expect(verifySnapshots(store).map((c) => [c.snapshotId, c.ok])).toEqual([[one.id, true], [two.id, true]]);
    const raw = new Database(path);
    raw.prepare("UPDATE snapshot_resources SET attrs = replace(attrs, 'planned', 'active') WHERE snapshot_id = ?").run(two.id);
    raw.close();
    expect(verifySnapshots(store).map((c) => [c.snapshotId, c.ok])).toEqual([[one.id, true], [two.id, false]]);
    expect(verifySnapshots(store, one.id)).toHaveLength(1);
    expect(() => verifySnapshots(store, 99)).toThrow(StateError);
  });
});

describe('snapshot against live objects (in-memory target)', () => {
  it('shows what changed live since the snapshot, and unowned objects at its addresses apart', async () => {
    const fake = new FakeTarget('netbox', [widget('a', { size: 1 }), widget('b', { size: 2 }), widget('c', { size: 3 })]);
    const snap = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 't', resources: fake.owned() });
    fake.objects = [widget('a', { size: 10 }), widget('c', { size: 3 }, false), widget('d', { size: 4 })];
    const result = await diffSnapshotWithLive({ store, snapshotId: snap.id, selection: 'all', targetsFor: () => [bindFake(fake)], events: SILENT_EVENTS });
    const changes = result.document.resource_changes.map((c) => `${c.action} ${c.key}`).sort();
    expect(changes).toEqual(['create d', 'delete b', 'delete c', 'update a']);
    expect(result.unowned.map((o) => o.key)).toEqual(['c']);
    expect(result.scopes).toEqual(['netbox']);
  });

  it('refuses when a snapshot object has no configured target, instead of showing it deleted', async () => {
    const k8s = liveObject('kubernetes', 'wiring.githedgehog.com/Switch', 'frontend/leaf-01', { spec: {} });
    const snap = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 't', resources: [strip(widget('a', {})), strip(k8s)] });
    const fake = new FakeTarget('netbox', [widget('a', {})]);
    const run = (selection: 'all' | 'netbox') => diffSnapshotWithLive({ store, snapshotId: snap.id, selection, targetsFor: () => [bindFake(fake)], events: SILENT_EVENTS });
    await expect(run('all')).rejects.toThrow(/no Kubernetes target configured for fabric frontend/);
    expect((await run('netbox')).document.resource_changes).toEqual([]);
    await expect(diffSnapshotWithLive({ store, snapshotId: 77, selection: 'all', targetsFor: () => [], events: SILENT_EVENTS })).rejects.toThrow(/there is no snapshot 77/);
  });
});

describe('manual snapshot', () => {
  it('records what diet owns plus unowned objects at desired addresses, not other unowned ones; with its event', async () => {
    const fake = new FakeTarget('netbox', [widget('a', { size: 1 }), widget('b', { size: 2 }), widget('x', { size: 9 }, false), widget('y', { size: 9 }, false)]);
    const desired = [strip(widget('a', { size: 1 })), strip(widget('x', { size: 1 }))].map((r) => ({ ...r, dependsOn: [] }));
    const created = await createManualSnapshot({ store, cluster: 'lab', bound: [bindFake(fake)], desired, note: 'before the window', now: () => '2025-06-01T00:00:00.000Z', events: SILENT_EVENTS });
    expect(created).toMatchObject({ owned: 2, unowned: 1, scopes: ['netbox'] });
    expect(created.record).toMatchObject({ cluster: 'lab', kind: 'manual', note: 'before the window', resourceCount: 3, createdAt: '2025-06-01T00:00:00.000Z' });
    const saved = store.getSnapshot(created.record.id)!;
    expect(saved.resources.map((r) => r.key)).toEqual(['a', 'b', 'x']);
    expect(saved.resources[0]).toMatchObject({ remoteId: 'rid-a', fingerprint: 'fp-a', attrs: { name: 'a', size: 1 } });
    expect(store.verifySnapshot(created.record.id).ok).toBe(true);
    expect(store.listEvents('lab', 1)[0]).toMatchObject({ kind: 'snapshot', detail: { snapshot_id: created.record.id, resources: 3, unowned: 1, note: 'before the window' } });
  });
});
