import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRestore } from '../../../src/engine/restore/plan-restore.js';
import { restoreScopesOf } from '../../../src/engine/restore/restore-scopes.js';
import { restoreSnapshot } from '../../../src/engine/restore/restore-snapshot.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { bindFake, FakeTarget, liveObject } from '../../support/fake-target.js';
import { makeTempDir } from '../state/state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let store: StateStore;
let path: string;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
  store = openStateStore(path);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const widget = (key: string, size: number, owned = true) => liveObject('netbox', 'test.widget', key, { name: key, size }, owned);
const gadget = (key: string, size: number) => liveObject('kubernetes', 'test.gadget', `frontend/${key}`, { name: key, size });
const sizes = (t: FakeTarget) => Object.fromEntries(t.objects.filter((o) => o.owned).map((o) => [o.key, o.attrs.size]));
const now = () => '2026-01-01T00:00:00Z';

function setup(scopes?: string[]) {
  const netbox = new FakeTarget('netbox', [widget('a', 1), widget('b', 2)]);
  const kube = new FakeTarget('kubernetes', [gadget('g', 1)]);
  const bound: BoundTarget[] = [bindFake(netbox), bindFake(kube, 'frontend')];
  const record = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 'then', resources: [...netbox.owned(), ...kube.owned()], ...(scopes ? { scopes } : {}) });
  const targetsFor = (wanted: readonly string[]) => bound.filter((b) => wanted.includes(b.scope));
  return { netbox, kube, bound, record, targetsFor };
}

describe('snapshot restore', () => {
  it('shows the way back as a plan, changes nothing while doing so, then restores and records a restore snapshot', async () => {
    const { netbox, kube, record, targetsFor } = setup(['netbox', 'kubernetes/frontend']);
    netbox.objects = [widget('a', 5), widget('c', 3)];
    kube.objects = [];
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor, events: SILENT_EVENTS });
    expect(preview.scopes).toEqual(['kubernetes/frontend', 'netbox']);
    expect(preview.document.resource_changes.map((c) => `${c.action} ${c.address}`)).toEqual([
      'delete netbox.test.widget[c]',
      'create kubernetes.test.gadget[frontend/g]',
      'update netbox.test.widget[a]',
      'create netbox.test.widget[b]',
    ]);
    expect(netbox.applied).toEqual([]);

    const result = await restoreSnapshot({ store, preview, events: SILENT_EVENTS, now });
    expect(result.status).toBe('restored');
    expect(sizes(netbox)).toEqual({ a: 1, b: 2 });
    expect(sizes(kube)).toEqual({ 'frontend/g': 1 });
    const managed = store.managedResources('lab')!;
    expect(managed.record).toMatchObject({ id: result.restoreSnapshotId, kind: 'restore', scopes: ['kubernetes/frontend', 'netbox'] });
    expect(managed.resources.map((r) => r.key)).toEqual(['frontend/g', 'a', 'b']);
    const pre = store.getSnapshot(result.preApplySnapshotId!)!;
    expect(pre.record.kind).toBe('pre-apply');
    expect(pre.resources.map((r) => r.key)).toEqual(['a', 'c']);
    expect(store.listEvents('lab')[0]).toMatchObject({ kind: 'restore', detail: { snapshot_id: record.id, restore_snapshot_id: result.restoreSnapshotId, restored: 4, not_restored: 0 } });
  });

  it('restores only the chosen target, and carries the other scopes over in the restore snapshot', async () => {
    const { netbox, kube, record, targetsFor } = setup(['netbox', 'kubernetes/frontend']);
    netbox.objects = [widget('a', 5)];
    kube.objects = [gadget('g', 9)];
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'netbox', targetsFor, events: SILENT_EVENTS });
    expect(preview.scopes).toEqual(['netbox']);
    const result = await restoreSnapshot({ store, preview, events: SILENT_EVENTS, now });
    expect(result.status).toBe('restored');
    expect(sizes(kube)).toEqual({ 'frontend/g': 9 });
    expect(store.managedResources('lab')!.resources.map((r) => [r.key, r.attrs.size])).toEqual([['frontend/g', 1], ['a', 1], ['b', 2]]);
  });

  it('without recorded scopes, restores the scopes of the snapshot\'s resources', () => {
    const { record } = setup();
    expect(restoreScopesOf(record, store.getSnapshot(record.id)!.resources, 'all')).toEqual(['kubernetes/frontend', 'netbox']);
    expect(restoreScopesOf(record, store.getSnapshot(record.id)!.resources, 'kubernetes')).toEqual(['kubernetes/frontend']);
  });

  it('refuses a snapshot whose rows were edited outside diet', async () => {
    const { record, targetsFor, netbox } = setup(['netbox']);
    store.close();
    const db = new Database(path);
    db.prepare("UPDATE snapshot_resources SET attrs = '{\"name\":\"a\",\"size\":100}' WHERE snapshot_id = ? AND key = 'a'").run(record.id);
    db.close();
    store = openStateStore(path);
    await expect(planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor, events: SILENT_EVENTS })).rejects.toThrow(/^refusing to restore snapshot 1: it does not match its checksum/);
    expect(netbox.applied).toEqual([]);
  });

  it('refuses a scope without a configured target', async () => {
    const { record, bound } = setup(['netbox', 'kubernetes/frontend']);
    const targetsFor = () => bound.filter((b) => b.scope === 'netbox');
    await expect(planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor, events: SILENT_EVENTS })).rejects.toThrow('no Kubernetes target configured for fabric frontend (the snapshot covers kubernetes/frontend)');
  });

  it('refuses to write when the live objects changed after the restore was shown', async () => {
    const { netbox, record, targetsFor } = setup(['netbox']);
    netbox.objects = [widget('a', 5)];
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor, events: SILENT_EVENTS });
    netbox.objects = [widget('a', 6)];
    await expect(restoreSnapshot({ store, preview, events: SILENT_EVENTS, now })).rejects.toThrow('the live objects changed since the restore was shown');
    expect(netbox.applied).toEqual([]);
    expect(store.listSnapshots('lab')).toHaveLength(1);
  });

  it('undoes a restore whose step failed, back to its own pre-apply snapshot, and records nothing as managed', async () => {
    const { netbox, record, targetsFor } = setup(['netbox']);
    netbox.objects = [widget('a', 5)];
    netbox.failAt = 'netbox.test.widget[b]';
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor, events: SILENT_EVENTS });
    const result = await restoreSnapshot({ store, preview, events: SILENT_EVENTS, now });
    expect(result).toMatchObject({ status: 'rolled-back', outcome: { failed: { address: 'netbox.test.widget[b]' } } });
    expect(sizes(netbox)).toEqual({ a: 5 });
    expect(store.latestSnapshot('lab', ['applied', 'restore'])!.id).toBe(record.id);
    expect(store.listEvents('lab').map((e) => e.kind)).toEqual(['rollback', 'restore-failed']);
  });

  it('leaves an object diet does not own alone and says so, recording the rest', async () => {
    const { netbox, record, targetsFor } = setup(['netbox']);
    netbox.objects = [widget('a', 1), widget('b', 7, false)];
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor, events: SILENT_EVENTS });
    expect(preview.blocked.map((o) => o.address)).toEqual(['netbox.test.widget[b]']);
    const result = await restoreSnapshot({ store, preview, events: SILENT_EVENTS, now });
    expect(result.status).toBe('partial');
    expect(result.outcome.notRestored).toMatchObject([{ address: 'netbox.test.widget[b]', reason: 'blocked' }]);
    expect(netbox.objects.find((o) => o.key === 'b')).toMatchObject({ owned: false, attrs: { size: 7 } });
    expect(store.managedResources('lab')!.resources.map((r) => r.key)).toEqual(['frontend/g', 'a']);
  });

  it('leaves out, addresses and all, what a manual snapshot recorded without diet\'s ownership marker', async () => {
    const site = (slug: string, status: string, tags: string[], owned = true) => liveObject('netbox', 'dcim.site', slug, { name: slug, slug, status, tags }, owned);
    const netbox = new FakeTarget('netbox', [site('mine', 'active', ['diet-lab'])]);
    const { owned: _unowned, ...theirs } = site('theirs', 'active', [], false);
    const record = store.saveSnapshot({ cluster: 'lab', kind: 'manual', createdAt: 'then', scopes: ['netbox'], resources: [...netbox.owned(), theirs] });
    // Since then: diet's site changed, the other one was deleted by its owner.
    netbox.objects = [site('mine', 'planned', ['diet-lab'])];
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor: () => [bindFake(netbox)], events: SILENT_EVENTS });
    expect(preview.recordedUnowned.map((r) => r.address)).toEqual(['netbox.dcim.site[theirs]']);
    expect(preview.document.resource_changes.map((c) => `${c.action} ${c.address}`)).toEqual(['update netbox.dcim.site[mine]']);
    const result = await restoreSnapshot({ store, preview, events: SILENT_EVENTS, now });
    expect(result.status).toBe('restored');
    expect(netbox.objects.map((o) => [o.key, o.attrs.status])).toEqual([['mine', 'active']]);
  });
});
