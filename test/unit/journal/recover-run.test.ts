// Recovery of an interrupted apply from its journal, with fake targets: an apply frozen midway
// (as a killed process leaves it) is completed or rolled back, state ends up agreeing with
// live, and plans are refused until then.
import { describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import { describeRuns, interruptedRuns, refuseWhileInterrupted } from '../../../src/engine/journal/interrupted-runs.js';
import { applyPlan } from '../../../src/engine/live/apply-plan.js';
import { readLive } from '../../../src/engine/live/read-live.js';
import type { LockEnvironment } from '../../../src/engine/lock/lock-status.js';
import { recoverRun, type RecoverMode } from '../../../src/engine/recover/recover-run.js';
import { createPlan } from '../../../src/plan/create-plan.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { serializePlanDocument, toPlanDocument, type PlanDocument } from '../../../src/plan/plan-document.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import { type LockRecord, type StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { bindFake, FakeTarget, liveObject } from '../../support/fake-target.js';
import { eachTestWithTempStore } from '../../support/temp-state-store.js';

let store: StateStore;
eachTestWithTempStore((s) => (store = s));

const widget = (key: string, size: number): DesiredResource => ({ address: `netbox.test.widget[${key}]`, target: 'netbox', type: 'test.widget', key, attrs: { name: key, size }, dependsOn: [] });
const addr = (key: string) => `netbox.test.widget[${key}]`;
const now = () => '2026-01-01T00:00:00Z';
const dead = { pid: 999_999, host: 'build-01' };
const env: LockEnvironment = { now: () => Date.parse('2026-01-01T00:01:00Z'), host: 'build-01', isAlive: (pid) => pid !== dead.pid };

async function livePlan(bound: readonly BoundTarget[], desired: readonly DesiredResource[], save = true): Promise<PlanDocument> {
  const live = await readLive(bound, desired, 'lab', SILENT_EVENTS);
  const fingerprints = Object.fromEntries(live.owned.map((o) => [o.address, o.fingerprint!]));
  const changes = diffResources(desired, live.owned, { schemas: resourceSchema });
  const doc = toPlanDocument(createPlan({ cluster: 'lab', changes, topology: {}, baseline: { kind: 'live', fingerprints }, dietVersion: 'test', specDigest: 'sha256:test' }));
  if (save) store.savePlan({ id: 'p1', cluster: 'lab', createdAt: now(), digest: doc.digest, document: serializePlanDocument(doc) });
  return doc;
}

/** `a` (size 1) is owned live already; the plan changes it to 9, creates b and c and deletes old; the apply is killed after two steps. */
async function interruptedApply(): Promise<{ fake: FakeTarget; bound: BoundTarget[] }> {
  const fake = new FakeTarget('netbox', [liveObject('netbox', 'test.widget', 'a', { name: 'a', size: 1 }), liveObject('netbox', 'test.widget', 'old', { name: 'old', size: 5 })]);
  const bound = [bindFake(fake)];
  const doc = await livePlan(bound, [widget('a', 9), widget('b', 2), widget('c', 3)]);
  fake.haltAfter = 2;
  void applyPlan({ document: doc, planId: 'p1', bound, store, events: SILENT_EVENTS, now, owner: dead });
  await fake.halted;
  // Answers are journaled lazily (within 100 ms) when no request follows.
  await new Promise((resolve) => setTimeout(resolve, 150));
  fake.haltAfter = undefined;
  return { fake, bound };
}

const recover = (bound: BoundTarget[], mode: RecoverMode) => recoverRun({ store, cluster: 'lab', interrupted: interruptedRuns(store, 'lab', env), mode, bound, events: SILENT_EVENTS, now });
const sizes = (fake: FakeTarget) => Object.fromEntries(fake.owned().map((o) => [o.key, o.attrs.size]));

describe('interrupted runs', () => {
  it('is interrupted when its pid is gone on this host, or when it holds no live lock', () => {
    const run = store.startApplyRun({ cluster: 'lab', kind: 'apply', scopes: ['netbox'], pid: 4242, host: 'other-host', startedAt: now() });
    const lock: LockRecord = { cluster: 'lab', scope: 'netbox', token: 't', holder: 'u@other-host', pid: 4242, host: 'other-host', command: 'diet apply', startedAt: '2026-01-01T00:00:00Z', heartbeatAt: '2026-01-01T00:00:55Z' };
    expect(describeRuns([run], [lock], env)[0].interrupted).toBe(false);
    expect(describeRuns([run], [{ ...lock, heartbeatAt: '2025-12-31T23:00:00Z' }], env)[0]).toMatchObject({ interrupted: true, reason: expect.stringContaining('stale') });
    expect(describeRuns([run], [], env)[0]).toMatchObject({ interrupted: true, reason: 'pid 4242 on other-host holds no lock of cluster lab any more' });
    expect(describeRuns([{ ...run, host: 'build-01', pid: dead.pid }], [lock], env)[0]).toMatchObject({ interrupted: true, reason: 'pid 999999 is not running on build-01' });
  });

  it('refuses planning while one exists, with a hint to recover', async () => {
    await interruptedApply();
    const error = (() => {
      try {
        refuseWhileInterrupted(store, 'lab', env);
      } catch (e) {
        return e as StateError;
      }
    })();
    expect(error).toBeInstanceOf(StateError);
    expect(error!.message).toMatch(/^cluster lab has an interrupted apply: run 1 of plan p1, started 2026-01-01T00:00:00Z by pid 999999 on build-01, never finished \(pid 999999 is not running on build-01\)$/);
    expect(error!.hint).toContain('diet apply --recover');
    expect(() => refuseWhileInterrupted(store, 'other-cluster', env)).not.toThrow();
  });
});

describe('recoverRun', () => {
  it('--complete: applies the rest of the plan and records an applied snapshot; the plan is empty afterwards', async () => {
    const { fake, bound } = await interruptedApply();
    let objects: unknown;
    const result = await recoverRun({ store, cluster: 'lab', interrupted: interruptedRuns(store, 'lab', env), mode: 'complete', bound, events: SILENT_EVENTS, now, approve: (p) => void (objects = p.objects) });
    expect(objects).toEqual([
      { address: addr('old'), action: 'delete', journal: 'confirmed', live: 'as-planned' },
      { address: addr('a'), action: 'update', journal: 'confirmed', live: 'as-planned' },
      { address: addr('b'), action: 'create', journal: 'not-sent', live: 'as-before' },
      { address: addr('c'), action: 'create', journal: 'not-sent', live: 'as-before' },
    ]);
    expect(result).toMatchObject({ status: 'recovered', runId: 2, remaining: [] });
    expect(result.preview.changes.map((c) => [c.address, c.action])).toEqual([
      [addr('b'), 'create'],
      [addr('c'), 'create'],
    ]);
    expect(sizes(fake)).toEqual({ a: 9, b: 2, c: 3 });
    expect(store.getApplyRun(1)).toMatchObject({ outcome: 'recovered' });
    expect(store.getApplyRun(2)).toMatchObject({ kind: 'recover', outcome: 'applied', planId: 'p1' });
    expect(store.journalOf(2).map((s) => s.state)).toEqual(['confirmed', 'confirmed']);
    const managed = store.managedResources('lab')!;
    expect(managed.record).toMatchObject({ id: result.snapshotId, kind: 'applied', planId: 'p1' });
    expect(managed.resources.map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect(store.listEvents('lab')[0]).toMatchObject({ kind: 'recover', detail: { run_id: 1, mode: 'complete', snapshot_id: result.snapshotId } });
    expect(interruptedRuns(store, 'lab', env)).toEqual([]);
    const replan = await livePlan(bound, [widget('a', 9), widget('b', 2), widget('c', 3)], false);
    expect(replan.resource_changes.filter((c) => c.action !== 'noop')).toEqual([]);
  });

  it('rollback: brings every object the plan touched back to the pre-apply snapshot and records a restore snapshot', async () => {
    const { fake, bound } = await interruptedApply();
    const result = await recover(bound, 'rollback');
    expect(result.status).toBe('recovered');
    expect(result.preview.changes.map((c) => [c.address, c.action])).toEqual([
      [addr('a'), 'update'],
      [addr('old'), 'create'],
    ]);
    expect(sizes(fake)).toEqual({ a: 1, old: 5 });
    const pre = store.getSnapshot(store.getApplyRun(1)!.preSnapshotId!)!;
    expect(fake.owned().map((o) => [o.address, o.attrs])).toEqual(pre.resources.map((r) => [r.address, r.attrs]));
    expect(store.getApplyRun(2)).toMatchObject({ kind: 'recover', outcome: 'rolled-back' });
    expect(store.managedResources('lab')!.record).toMatchObject({ kind: 'restore', id: result.snapshotId });
  });

  it('a refused step leaves the interrupted run open, to be recovered again', async () => {
    const { fake, bound } = await interruptedApply();
    fake.failAt = addr('c');
    const failed = await recover(bound, 'complete');
    expect(failed).toMatchObject({ status: 'incomplete', failed: { address: addr('c') } });
    expect(store.getApplyRun(2)).toMatchObject({ kind: 'recover', outcome: 'failed' });
    expect(interruptedRuns(store, 'lab', env).map((s) => s.run.id)).toEqual([1]);
    fake.failAt = undefined;
    expect((await recover(bound, 'complete')).status).toBe('recovered');
    expect(store.getApplyRun(1)).toMatchObject({ outcome: 'recovered' });
  });

  it('an interrupted recovery is superseded by the next one', async () => {
    const { bound } = await interruptedApply();
    store.startApplyRun({ cluster: 'lab', kind: 'recover', planId: 'p1', scopes: ['netbox'], pid: dead.pid, host: dead.host, startedAt: now() });
    const result = await recover(bound, 'complete');
    expect(result.preview.subject.id).toBe(1);
    expect(result.preview.superseded.map((r) => r.id)).toEqual([2]);
    expect(store.getApplyRun(2)).toMatchObject({ outcome: 'superseded' });
  });
});
