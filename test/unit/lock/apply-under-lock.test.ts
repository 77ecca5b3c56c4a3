import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateLockedError } from '../../../src/diag/errors.js';
import { lockEnvironment } from '../../../src/cli/lock-environment.js';
import { applyPlan, type ApplyResult } from '../../../src/engine/live/apply-plan.js';
import { readLive } from '../../../src/engine/live/read-live.js';
import { acquireLock } from '../../../src/engine/lock/acquire-lock.js';
import { lockScopesOf } from '../../../src/engine/lock/lock-scopes.js';
import { createPlan } from '../../../src/plan/create-plan.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { toPlanDocument, type PlanDocument } from '../../../src/plan/plan-document.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { bindFake, FakeTarget } from '../../support/fake-target.js';
import { makeTempDir } from '../state/state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
});
afterEach(() => tmp.cleanup());

const env = lockEnvironment();
const widget = (key: string, size: number): DesiredResource => ({ address: `netbox.test.widget[${key}]`, target: 'netbox', type: 'test.widget', key, attrs: { name: key, size }, dependsOn: [] });

/** A plan against the live objects, as `diet plan --refresh live` makes it. */
async function livePlan(bound: readonly BoundTarget[], desired: readonly DesiredResource[]): Promise<PlanDocument> {
  const live = await readLive(bound, desired, 'lab', SILENT_EVENTS);
  const fingerprints = Object.fromEntries(live.owned.map((o) => [o.address, o.fingerprint!]));
  const changes = diffResources(desired, live.owned, { schemas: resourceSchema });
  return toPlanDocument(createPlan({ cluster: 'lab', changes, topology: {}, baseline: { kind: 'live', fingerprints }, dietVersion: 'test', specDigest: 'sha256:test' }));
}

/** What `diet apply` does around the engine: lock the plan's scopes, apply, release in `finally`. */
async function lockedApply(store: StateStore, bound: readonly BoundTarget[], doc: PlanDocument, timeoutMs: number, onWait?: () => void): Promise<ApplyResult> {
  const lock = await acquireLock({ store, cluster: doc.cluster, scopes: lockScopesOf(doc.resource_changes.map((c) => c.address)), owner: { holder: `t@${env.host}`, pid: process.pid, host: env.host, command: 'diet apply' }, env, timeoutMs, pollMs: 5, ...(onWait ? { onWait } : {}) });
  try {
    return await applyPlan({ document: doc, planId: doc.digest.slice(0, 12), bound, store, events: SILENT_EVENTS, now: () => new Date().toISOString() });
  } finally {
    lock.release();
  }
}

describe('two applies on the same cluster at once (two stores on one state file)', () => {
  it('the second fails with the lock message while the first runs, and nothing of it is written', async () => {
    const fake = new FakeTarget('netbox');
    const bound = [bindFake(fake)];
    const doc = await livePlan(bound, [widget('a', 1), widget('b', 2)]);
    const first = openStateStore(path);
    const second = openStateStore(path);
    let open!: () => void;
    fake.gate = new Promise((resolve) => (open = resolve));
    try {
      const running = lockedApply(first, bound, doc, 0);
      await fake.applyStarted;
      const refused = await lockedApply(second, bound, doc, 0).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(StateLockedError);
      expect((refused as Error).message).toMatch(/^cluster lab is locked \(netbox\) by t@.*, pid \d+ on .*, for \d+s running `diet apply`$/);
      open();
      expect((await running).status).toBe('applied');
      expect(fake.applied).toHaveLength(1);
      expect(second.listSnapshots('lab').map((s) => s.kind)).toEqual(['applied', 'pre-apply']);
      expect(second.listLocks()).toEqual([]);
    } finally {
      first.close();
      second.close();
    }
  });

  it('with --lock-timeout the second waits, then applies against what the first left (its stale plan is refused)', async () => {
    const fake = new FakeTarget('netbox');
    const bound = [bindFake(fake)];
    const desired = [widget('a', 1), widget('b', 2)];
    const doc = await livePlan(bound, desired);
    const first = openStateStore(path);
    const second = openStateStore(path);
    let open!: () => void;
    fake.gate = new Promise((resolve) => (open = resolve));
    try {
      const running = lockedApply(first, bound, doc, 0);
      await fake.applyStarted;
      // The same plan made before the first apply: once it gets the lock it must find it stale.
      const waiting = lockedApply(second, bound, doc, 600_000, () => open());
      expect((await running).status).toBe('applied');
      await expect(waiting).rejects.toThrow(/^the plan is stale: netbox\.test\.widget\[a\] appeared/);
      // A plan made now, under no lock: nothing left to do.
      const fresh = await livePlan(bound, desired);
      expect(fresh.resource_changes).toEqual([]);
      const next = await lockedApply(second, bound, await livePlan(bound, [widget('a', 1), widget('b', 3)]), 600_000);
      expect(next.status).toBe('applied');
      expect(fake.owned().map((o) => o.attrs.size)).toEqual([1, 3]);
    } finally {
      first.close();
      second.close();
    }
  });
});
