import type { PlanDocument } from '../../plan/plan-document.js';
import type { DesiredResource, ObservedResource, ResourceChange } from '../../resource/resource.js';
import type { StateStore } from '../../state/index.js';
import { missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, LiveObject, StepFailure, StepResult } from '../../targets/live-target.js';
import { startJournaledRun, type JournaledRun, type RunOwner } from '../journal/journaled-run.js';
import { changesOfDocument, desiredOfChanges } from './changes-of-document.js';
import { checkPlanCurrent } from './check-plan-current.js';
import { readLive, type LiveRead } from './read-live.js';
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
  /** The process the apply journal records as running the apply (default: this one). */
  readonly owner?: RunOwner;
}

export interface ApplyResult {
  readonly planId: string;
  readonly status: 'applied' | 'failed' | 'no-changes';
  /** Changes the plan asked for. */
  readonly total: number;
  readonly applied: readonly StepResult[];
  readonly failed?: StepFailure;
  /** The `applied` snapshot recorded in state (success only). */
  readonly snapshotId?: number;
  /** Server version notes and verification differences. */
  readonly warnings: readonly string[];
}

/**
 * Applies a saved plan through the live targets: every change must have a configured target
 * (a Kubernetes change without one refuses the whole apply before anything is written), the
 * targets are re-read and the plan refused if it is stale, then the changes go to each target
 * in plan order. On success the targets are read back, compared with the plan, and one
 * `applied` snapshot (with remote ids) plus a history event are written in one transaction;
 * resources of targets this plan did not touch are carried over from the previous snapshot.
 * On failure nothing but a history event is written to state.
 */
export async function applyPlan(input: ApplyPlanInput): Promise<ApplyResult> {
  const { document: doc, planId, store, events } = input;
  const changes = changesOfDocument(doc);
  if (changes.length === 0) return { planId, status: 'no-changes', total: 0, applied: [], warnings: [] };

  const used = new Set<BoundTarget>();
  for (const address of [...changes.map((c) => c.address), ...Object.keys(doc.baseline.fingerprints)]) {
    const b = targetFor(input.bound, address);
    if (!b) throw missingTargetError(address);
    used.add(b);
  }
  const bound = input.bound.filter((b) => used.has(b));
  const desired = desiredOfChanges(changes);
  const live = input.live ?? (await readLive(bound, desired, doc.cluster, events));
  checkPlanCurrent(doc, changes, live, store.latestSnapshot(doc.cluster, ['applied', 'restore'])?.id);

  // Write-ahead journal: from here on, every write is on record before it is sent.
  const run = startJournaledRun({ store, cluster: doc.cluster, kind: 'apply', planId, scopes: bound.map((b) => b.scope), changes, now: input.now, ...(input.owner ? { owner: input.owner } : {}) });
  try {
    return await applyJournaled(input, changes, bound, desired, live, run);
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

async function applyJournaled(input: ApplyPlanInput, changes: readonly ResourceChange[], bound: readonly BoundTarget[], desired: readonly DesiredResource[], live: LiveRead, run: JournaledRun): Promise<ApplyResult> {
  const { document: doc, planId, store } = input;
  const events = run.withJournal(input.events);
  const applied: StepResult[] = [];
  for (const segment of segmentsByTarget(changes, bound)) {
    const outcome = await segment.target.target.apply(segment.changes, live.byAddress, events);
    applied.push(...outcome.applied);
    if (outcome.failed) {
      run.finish('failed');
      store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'apply-failed', detail: { plan_id: planId, applied: applied.length, total: changes.length, address: outcome.failed.address, message: outcome.failed.message } });
      return { planId, status: 'failed', total: changes.length, applied, failed: outcome.failed, warnings: live.warnings };
    }
  }

  const after = await readLive(bound, desired, doc.cluster, events);
  const warnings = [...live.warnings, ...verifyApplied(changes, after)];
  const snapshot = store.transaction(() => {
    // Read inside the write transaction: an apply to another fabric of the cluster (other lock scope) may commit meanwhile.
    const previous = store.managedResources(doc.cluster)?.resources ?? [];
    const resources: ObservedResource[] = [...previous.filter((r) => !bound.some((b) => b.handles(r.address))), ...after.owned.map(toObserved)];
    const record = store.saveSnapshot({ cluster: doc.cluster, kind: 'applied', createdAt: input.now(), planId, resources });
    run.finish('applied');
    store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'apply', detail: { plan_id: planId, applied: applied.length, snapshot_id: record.id, targets: bound.map((b) => b.scope) } });
    return record;
  });
  return { planId, status: 'applied', total: changes.length, applied, snapshotId: snapshot.id, warnings };
}

/** Consecutive changes handled by the same target, in plan order. */
function segmentsByTarget(changes: readonly ResourceChange[], bound: readonly BoundTarget[]): { target: BoundTarget; changes: ResourceChange[] }[] {
  const segments: { target: BoundTarget; changes: ResourceChange[] }[] = [];
  for (const c of changes) {
    const target = targetFor(bound, c.address)!;
    const last = segments[segments.length - 1];
    if (last && last.target === target) last.changes.push(c);
    else segments.push({ target, changes: [c] });
  }
  return segments;
}

function toObserved(o: LiveObject): ObservedResource {
  const { owned: _owned, ...resource } = o;
  return resource;
}
