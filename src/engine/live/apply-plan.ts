import type { PlanDocument } from '../../plan/plan-document.js';
import type { Attrs, DesiredResource, ObservedResource, ResourceChange } from '../../resource/resource.js';
import type { StateStore } from '../../state/index.js';
import { ConfigError } from '../../diag/errors.js';
import { fabricOf, missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, LiveObject, StepFailure, StepResult } from '../../targets/live-target.js';
import { journaledConvergence } from '../journal/journaled-convergence.js';
import { startJournaledRun, type JournaledRun, type RunOwner } from '../journal/journaled-run.js';
import { changesOfDocument, desiredOfChanges } from './changes-of-document.js';
import { checkPlanCurrent } from './check-plan-current.js';
import { readLive, type LiveRead } from './read-live.js';
import { rollBack, type RollbackReport } from './roll-back.js';
import { applySegment, segmentsByTarget } from './target-segments.js';
import { verifyApplied } from './verify-applied.js';

export interface ApplyPlanInput {
  readonly document: PlanDocument;
  readonly planId: string;
  readonly bound: readonly BoundTarget[];
  readonly store: StateStore;
  readonly events: ApplyEvents;
  /** ISO time for the snapshot and history records (the store never reads the clock). */
  readonly now: () => string;
  /** A read made for this very plan moments ago in the same process; saves reading again. */
  readonly live?: LiveRead;
  /** Leave a failed apply's changes in place instead of rolling them back (`--no-rollback`). */
  readonly noRollback?: boolean;
  /** The process the apply journal records as running the apply (default: this one). */
  readonly owner?: RunOwner;
}

export interface ApplyResult {
  readonly planId: string;
  /**
   * `failed`: a step failed and its changes were left in place (`noRollback`);
   * `rolled-back`: a step failed and everything the plan touched is back as it was;
   * `rollback-incomplete`: a step failed and the rollback could not restore everything.
   */
  readonly status: 'applied' | 'failed' | 'no-changes' | 'rolled-back' | 'rollback-incomplete';
  /** Changes the plan asked for. */
  readonly total: number;
  readonly applied: readonly StepResult[];
  readonly failed?: StepFailure;
  /** The `applied` snapshot recorded in state (success only). */
  readonly snapshotId?: number;
  /** The `pre-apply` snapshot taken before the first write: what a rollback or `diet snapshot restore` returns to. */
  readonly preApplySnapshotId?: number;
  /** What the rollback after a failed step did. */
  readonly rollback?: RollbackReport;
  /** Server version notes and verification differences. */
  readonly warnings: readonly string[];
}

/**
 * Applies a saved plan through the live targets: every change must have a configured target
 * (a Kubernetes change without one refuses the whole apply before anything is written), the
 * targets are re-read and the plan refused if it is stale, then the changes go to each target
 * in plan order. On success the targets are read back, compared with the plan, and one
 * `applied` snapshot (with remote ids, and which objects were adopted rather than created)
 * plus a history event are written in one transaction; resources of targets this plan did
 * not touch are carried over from the previous snapshot.
 *
 * Before the first write, a `pre-apply` snapshot records what diet owns in the targets. When a
 * step fails, the objects the plan touched are converged back to it (unless `noRollback`), and
 * only history events are written: the latest applied snapshot stays the one before, so state
 * never claims objects of an apply that did not complete.
 */
export async function applyPlan(input: ApplyPlanInput): Promise<ApplyResult> {
  const { document: doc, planId, store, events } = input;
  const changes = changesOfDocument(doc);
  if (changes.length === 0) return { planId, status: 'no-changes', total: 0, applied: [], warnings: [] };

  const used = new Set<BoundTarget>();
  for (const address of [...changes.map((c) => c.address), ...Object.keys(doc.baseline.fingerprints)]) {
    const b = targetFor(input.bound, address);
    if (!b) throw missingTargetOf(address, changes);
    used.add(b);
  }
  const bound = input.bound.filter((b) => used.has(b));
  const desired = desiredOfChanges(changes);
  const live = input.live ?? (await readLive(bound, desired, doc.cluster, events));
  checkPlanCurrent(doc, changes, live, store.latestSnapshot(doc.cluster, ['applied', 'restore'])?.id);

  const preApply = savePreApplySnapshot(store, doc.cluster, planId, bound, live, changes, input.now());
  // Write-ahead journal: from here on, every write is on record before it is sent.
  const run = startJournaledRun({ store, cluster: doc.cluster, kind: 'apply', planId, preSnapshotId: preApply.id, scopes: bound.map((b) => b.scope), changes, now: input.now, ...(input.owner ? { owner: input.owner } : {}) });
  try {
    return await applyJournaled(input, changes, bound, desired, live, preApply, run);
  } catch (error) {
    // The process is alive and knows the apply stopped: not an interrupted run to recover.
    try {
      run.finish('failed');
    } catch {
      // State unwritable: the run stays open and `diet apply --recover` sorts it out; the first error matters more.
    }
    throw error;
  }
}

async function applyJournaled(
  input: ApplyPlanInput,
  changes: readonly ResourceChange[],
  bound: readonly BoundTarget[],
  desired: readonly DesiredResource[],
  live: LiveRead,
  preApply: { id: number; resources: ObservedResource[] },
  run: JournaledRun,
): Promise<ApplyResult> {
  const { document: doc, planId, store } = input;
  const events = run.withJournal(input.events);
  const applied: StepResult[] = [];
  for (const segment of segmentsByTarget(changes, bound)) {
    const outcome = await applySegment(segment, live.byAddress, events);
    applied.push(...outcome.applied);
    if (outcome.failed) {
      const failed = outcome.failed;
      store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'apply-failed', detail: { plan_id: planId, applied: applied.length, total: changes.length, address: failed.address, message: failed.message, pre_apply_snapshot_id: preApply.id } });
      const base = { planId, total: changes.length, applied, failed, preApplySnapshotId: preApply.id };
      if (input.noRollback) {
        run.finish('failed');
        return { ...base, status: 'failed', warnings: live.warnings };
      }
      // The rollback is journaled as a run of its own; the apply's run stays open until it is
      // done, so a crash during the rollback still leaves the apply to recover.
      const journaled = journaledConvergence({ store, cluster: doc.cluster, kind: 'rollback', planId, preSnapshotId: preApply.id, scopes: bound.map((b) => b.scope), now: input.now, ...(input.owner ? { owner: input.owner } : {}) }, input.events);
      const rollback = await rollBack({ cluster: doc.cluster, preApply, changes, bound, events: journaled.events, hooks: journaled.hooks });
      store.transaction(() => {
        journaled.finish(rollback.status);
        run.finish(rollback.status);
        store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'rollback', detail: rollbackDetail(planId, rollback) });
      });
      return { ...base, status: rollback.status, rollback, warnings: [...new Set([...live.warnings, ...rollback.warnings])] };
    }
  }

  const after = await readLive(bound, desired, doc.cluster, events);
  const warnings = [...live.warnings, ...verifyApplied(changes, after)];
  const snapshot = store.transaction(() => {
    // Read inside the write transaction: an apply to another fabric of the cluster (other lock scope) may commit meanwhile.
    const managed = store.managedResources(doc.cluster);
    const previous = managed?.resources ?? [];
    const adopted = adoptedAfter(previous, changes);
    const scopes = [...(managed?.record.scopes ?? []), ...bound.map((b) => b.scope)];
    const resources: ObservedResource[] = [...previous.filter((r) => !bound.some((b) => b.handles(r.address))), ...after.owned.map((o) => toObserved(o, adopted))];
    const record = store.saveSnapshot({ cluster: doc.cluster, kind: 'applied', createdAt: input.now(), planId, scopes, resources });
    run.finish('applied');
    store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'apply', detail: { plan_id: planId, applied: applied.length, snapshot_id: record.id, targets: bound.map((b) => b.scope) } });
    return record;
  });
  return { planId, status: 'applied', total: changes.length, applied, snapshotId: snapshot.id, preApplySnapshotId: preApply.id, warnings };
}

/**
 * Why an address has no target. A fabric whose changes are all deletes is one the spec no
 * longer wants anything of (typically removed from it): say so, and how to proceed.
 */
function missingTargetOf(address: string, changes: readonly ResourceChange[]): ConfigError {
  const fabric = fabricOf(address);
  const ofFabric = fabric === undefined ? [] : changes.filter((c) => fabricOf(c.address) === fabric);
  if (ofFabric.length === 0 || ofFabric.some((c) => c.action !== 'delete')) return missingTargetError(address);
  const n = ofFabric.length;
  return new ConfigError(
    `the plan deletes ${n} Kubernetes object${n === 1 ? '' : 's'} of fabric ${fabric} (e.g. ${ofFabric[0].address}), which the spec no longer wants, but the configuration has no fabrics.${fabric}.kubernetes`,
    `add fabrics.${fabric}.kubernetes (server, tokenEnv, caFile) back to the configuration and apply the plan again (afterwards it can go); to keep the objects, put fabric ${fabric} back into the spec and make a new plan`,
  );
}

/**
 * What diet owns in the targets about to be written, as read for the stale check (so the
 * snapshot is exactly what the plan was checked against), plus the objects the plan adopts as
 * they are before diet's marker: recorded before the first write.
 */
function savePreApplySnapshot(store: StateStore, cluster: string, planId: string, bound: readonly BoundTarget[], live: LiveRead, changes: readonly ResourceChange[], at: string): { id: number; resources: ObservedResource[] } {
  const adopting = new Set(changes.filter((c) => c.ownership === 'adopt').map((c) => c.address));
  const taken = [...live.owned, ...live.collisions.filter((o) => adopting.has(o.address))];
  const resources = taken.filter((o) => bound.some((b) => b.handles(o.address))).map((o) => toObserved(o));
  const record = store.saveSnapshot({ cluster, kind: 'pre-apply', createdAt: at, planId, scopes: bound.map((b) => b.scope), resources });
  return { id: record.id, resources };
}

function rollbackDetail(planId: string, r: RollbackReport): Attrs {
  const notRestored = r.notRestored.slice(0, 20).map((n) => ({ address: n.address, reason: n.reason, message: n.message }));
  return { plan_id: planId, status: r.status, pre_apply_snapshot_id: r.preApplySnapshotId, restored: r.restored.length, not_restored: r.notRestored.length, first_not_restored: notRestored };
}

function toObserved(o: LiveObject, adopted: ReadonlySet<string> = new Set()): ObservedResource {
  const { owned: _owned, ...resource } = o;
  return adopted.has(o.address) ? { ...resource, adopted: true } : resource;
}

/** What state records as adopted after this apply: what it recorded before, plus adoptions, minus releases and recreations. */
function adoptedAfter(previous: readonly ObservedResource[], changes: readonly ResourceChange[]): Set<string> {
  const adopted = new Set(previous.filter((r) => r.adopted).map((r) => r.address));
  for (const c of changes) {
    if (c.ownership === 'adopt') adopted.add(c.address);
    // Created anew (the adopted object was deleted by hand meanwhile): diet's own from now on.
    if (c.ownership === 'release' || c.action === 'delete' || c.action === 'create' || c.action === 'replace') adopted.delete(c.address);
  }
  return adopted;
}
