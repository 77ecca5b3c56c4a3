// `diet snapshot restore` is journaled like an apply (a `restore` run with its pre-apply
// snapshot), so a restore killed midway is recovered by rolling it back; it has no plan to
// complete.
import { describe, expect, it } from 'vitest';
import { interruptedRuns } from '../../../src/engine/journal/interrupted-runs.js';
import type { LockEnvironment } from '../../../src/engine/lock/lock-status.js';
import { recoverRun } from '../../../src/engine/recover/recover-run.js';
import { planRestore } from '../../../src/engine/restore/plan-restore.js';
import { restoreSnapshot } from '../../../src/engine/restore/restore-snapshot.js';
import type { StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { bindFake, FakeTarget, liveObject } from '../../support/fake-target.js';
import { eachTestWithTempStore } from '../../support/temp-state-store.js';

let store: StateStore;
eachTestWithTempStore((s) => (store = s));

const widget = (key: string, size: number) => liveObject('netbox', 'test.widget', key, { name: key, size });
const sizes = (t: FakeTarget) => Object.fromEntries(t.owned().map((o) => [o.key, o.attrs.size]));
const now = () => '2026-01-01T00:00:00Z';
const dead = { pid: 999_999, host: 'build-01' };
const env: LockEnvironment = { now: () => Date.parse(now()), host: 'build-01', isAlive: () => false };

async function restoreInterrupted(): Promise<{ netbox: FakeTarget; bound: BoundTarget[] }> {
  const netbox = new FakeTarget('netbox', [widget('a', 1), widget('b', 2)]);
  const bound = [bindFake(netbox)];
  const record = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 'then', scopes: ['netbox'], resources: netbox.owned() });
  netbox.objects = [widget('a', 5), widget('c', 3)];
  const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor: (s) => bound.filter((b) => s.includes(b.scope)), events: SILENT_EVENTS });
  netbox.haltAfter = 1;
  void restoreSnapshot({ store, preview, events: SILENT_EVENTS, now, owner: dead });
  await netbox.halted;
  // Answers are journaled lazily (within 100 ms) when no request follows.
  await new Promise((resolve) => setTimeout(resolve, 150));
  netbox.haltAfter = undefined;
  return { netbox, bound };
}

describe('journaled snapshot restore', () => {
  it('a finished restore ends its run as applied', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1)]);
    const bound = [bindFake(netbox)];
    const record = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 'then', scopes: ['netbox'], resources: netbox.owned() });
    netbox.objects = [widget('a', 4)];
    const preview = await planRestore({ store, snapshotId: record.id, selection: 'all', targetsFor: () => bound, events: SILENT_EVENTS });
    const result = await restoreSnapshot({ store, preview, events: SILENT_EVENTS, now });
    expect(result.status).toBe('restored');
    expect(store.getApplyRun(1)).toMatchObject({ kind: 'restore', outcome: 'applied', preSnapshotId: result.preApplySnapshotId });
    expect(store.journalOf(1).map((s) => [s.address, s.state])).toEqual([['netbox.test.widget[a]', 'confirmed']]);
  });

  it('a killed restore is rolled back to its pre-apply snapshot; completing it is refused', async () => {
    const { netbox, bound } = await restoreInterrupted();
    const interrupted = interruptedRuns(store, 'lab', env);
    expect(interrupted.map((s) => s.run.kind)).toEqual(['restore']);
    await expect(recoverRun({ store, cluster: 'lab', interrupted, mode: 'complete', bound, events: SILENT_EVENTS, now })).rejects.toThrow(/run 1 \(restore\) has no plan to complete/);
    const result = await recoverRun({ store, cluster: 'lab', interrupted, mode: 'rollback', bound, events: SILENT_EVENTS, now });
    expect(result.status).toBe('recovered');
    expect(sizes(netbox)).toEqual({ a: 5, c: 3 });
    expect(store.getApplyRun(1)?.outcome).toBe('recovered');
    expect(interruptedRuns(store, 'lab', env)).toEqual([]);
  });
});
