// The write-ahead journal of `applyPlan`: what the state says about each step after a
// successful, a failed and an interrupted apply, and how the recorder batches its writes.
import { describe, expect, it } from 'vitest';
import { journalRecorder } from '../../../src/engine/journal/journal-recorder.js';
import { applyPlan } from '../../../src/engine/live/apply-plan.js';
import { readLive } from '../../../src/engine/live/read-live.js';
import { createPlan } from '../../../src/plan/create-plan.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { toPlanDocument, type PlanDocument } from '../../../src/plan/plan-document.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import type { StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { bindFake, FakeTarget } from '../../support/fake-target.js';
import { eachTestWithTempStore } from '../../support/temp-state-store.js';

let store: StateStore;
eachTestWithTempStore((s) => (store = s));

const widget = (key: string, size: number): DesiredResource => ({ address: `netbox.test.widget[${key}]`, target: 'netbox', type: 'test.widget', key, attrs: { name: key, size }, dependsOn: [] });
const addr = (key: string) => `netbox.test.widget[${key}]`;

async function livePlan(bound: readonly BoundTarget[], desired: readonly DesiredResource[]): Promise<PlanDocument> {
  const live = await readLive(bound, desired, 'lab', SILENT_EVENTS);
  const fingerprints = Object.fromEntries(live.owned.map((o) => [o.address, o.fingerprint!]));
  const changes = diffResources(desired, live.owned, { schemas: resourceSchema });
  return toPlanDocument(createPlan({ cluster: 'lab', changes, topology: {}, baseline: { kind: 'live', fingerprints }, dietVersion: 'test', specDigest: 'sha256:test' }));
}

const owner = { pid: 4242, host: 'build-01' };
const apply = (doc: PlanDocument, bound: readonly BoundTarget[]) => applyPlan({ document: doc, planId: 'p1', bound, store, events: SILENT_EVENTS, now: () => '2026-01-01T00:00:00Z', owner });
const states = (runId: number) => store.journalOf(runId).map((s) => [s.address, s.action, s.state, s.remoteId ?? null]);

describe('the apply journal', () => {
  it('after a successful apply: one finished run, every step confirmed', async () => {
    const netbox = new FakeTarget('netbox');
    const bound = [bindFake(netbox)];
    const result = await apply(await livePlan(bound, [widget('a', 1), widget('b', 2)]), bound);
    expect(result.status).toBe('applied');
    expect(store.unfinishedApplyRuns('lab')).toEqual([]);
    const run = store.getApplyRun(1)!;
    expect(run).toMatchObject({ cluster: 'lab', kind: 'apply', planId: 'p1', scopes: ['netbox'], pid: 4242, host: 'build-01', outcome: 'applied' });
    expect(states(run.id)).toEqual([
      [addr('a'), 'create', 'confirmed', null],
      [addr('b'), 'create', 'confirmed', null],
    ]);
  });

  it('after a failed apply left in place: the run ends failed; confirmed, refused and never-sent steps are told apart', async () => {
    const netbox = new FakeTarget('netbox');
    netbox.failAt = addr('b');
    const bound = [bindFake(netbox)];
    const doc = await livePlan(bound, [widget('a', 1), widget('b', 2), widget('c', 3)]);
    const result = await applyPlan({ document: doc, planId: 'p1', bound, store, events: SILENT_EVENTS, now: () => '2026-01-01T00:00:00Z', owner, noRollback: true });
    expect(result.status).toBe('failed');
    expect(store.getApplyRun(1)).toMatchObject({ outcome: 'failed', preSnapshotId: result.preApplySnapshotId });
    expect(states(1).map(([a, , s]) => [a, s])).toEqual([
      [addr('a'), 'confirmed'],
      [addr('b'), 'failed'],
      [addr('c'), 'intended'],
    ]);
  });

  it('after a failed apply rolled back: the rollback is a run of its own, and both end rolled-back', async () => {
    const netbox = new FakeTarget('netbox');
    netbox.failAt = addr('b');
    const bound = [bindFake(netbox)];
    const result = await apply(await livePlan(bound, [widget('a', 1), widget('b', 2)]), bound);
    expect(result.status).toBe('rolled-back');
    netbox.failAt = undefined;
    expect(store.getApplyRun(1)).toMatchObject({ kind: 'apply', outcome: 'rolled-back' });
    expect(store.getApplyRun(2)).toMatchObject({ kind: 'rollback', outcome: 'rolled-back', planId: 'p1', preSnapshotId: result.preApplySnapshotId });
    expect(states(2).map(([a, act, s]) => [a, act, s])).toEqual([[addr('a'), 'delete', 'confirmed']]);
    expect(store.unfinishedApplyRuns('lab')).toEqual([]);
  });

  it('an apply that never ends (a killed process) leaves an unfinished run saying how far it got', async () => {
    const netbox = new FakeTarget('netbox');
    netbox.haltAfter = 1;
    const bound = [bindFake(netbox)];
    void apply(await livePlan(bound, [widget('a', 1), widget('b', 2)]), bound);
    await netbox.halted;
    // Answers are journaled lazily (within 100 ms) when no request follows.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(store.unfinishedApplyRuns('lab').map((r) => r.id)).toEqual([1]);
    expect(states(1).map(([a, , s]) => [a, s])).toEqual([
      [addr('a'), 'confirmed'],
      [addr('b'), 'intended'],
    ]);
  });

  it('a plan without changes opens no run', async () => {
    const netbox = new FakeTarget('netbox');
    const bound = [bindFake(netbox)];
    await apply(await livePlan(bound, []), bound);
    expect(store.getApplyRun(1)).toBeUndefined();
  });
});

describe('journalRecorder', () => {
  it('writes the steps of requests that start together, and answers that came in meanwhile, in one transaction', async () => {
    const run = store.startApplyRun({ cluster: 'lab', kind: 'apply', scopes: ['netbox'], pid: 1, host: 'h', startedAt: 't0' });
    store.journalSteps(run.id, ['a', 'b', 'c', 'd'].map((k) => ({ address: addr(k), action: 'create', state: 'intended' as const })), 't0');
    let writes = 0;
    const counting: StateStore = Object.create(store, { journalSteps: { value: (...args: Parameters<StateStore['journalSteps']>) => (writes++, store.journalSteps(...args)) } });
    const recorder = journalRecorder(counting, run.id, () => 't1');
    await Promise.all(['a', 'b', 'c'].map((k) => recorder.sending([{ address: addr(k), action: 'create' }])));
    expect(writes).toBe(1);
    expect(store.journalOf(run.id).map((s) => s.state)).toEqual(['sent', 'sent', 'sent', 'intended']);
    recorder.answered([{ address: addr('a'), action: 'create', remoteId: '7' }], [{ address: addr('b'), action: 'create' }]);
    await recorder.sending([{ address: addr('d'), action: 'create' }]);
    expect(writes).toBe(2);
    expect(store.journalOf(run.id).map((s) => [s.state, s.remoteId ?? null])).toEqual([
      ['confirmed', '7'],
      ['failed', null],
      ['sent', null],
      ['sent', null],
    ]);
    recorder.flush();
    expect(writes).toBe(2);
  });

  it('a journal that cannot be written stops the requests waiting on it', async () => {
    const failing: StateStore = Object.create(store, {
      journalSteps: {
        value: () => {
          throw new Error('state file is busy');
        },
      },
    });
    const recorder = journalRecorder(failing, 1, () => 't1');
    await expect(recorder.sending([{ address: addr('a'), action: 'create' }])).rejects.toThrow('state file is busy');
  });
});
