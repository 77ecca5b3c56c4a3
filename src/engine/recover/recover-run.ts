import { StateError } from '../../diag/errors.js';
import { diffResources } from '../../plan/diff-resources.js';
import { readPlanDocument } from '../../plan/read-plan-document.js';
import { parseAddress } from '../../resource/address.js';
import type { ObservedResource, ResourceChange } from '../../resource/resource.js';
import type { ApplyRunRecord, StateStore } from '../../state/index.js';
import { missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, LiveObject, StepFailure, StepResult } from '../../targets/live-target.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import type { RunStatus } from '../journal/interrupted-runs.js';
import { journaledConvergence } from '../journal/journaled-convergence.js';
import { startJournaledRun, type JournaledRun, type RunOwner } from '../journal/journaled-run.js';
import { changesOfDocument, desiredOfChanges } from '../live/changes-of-document.js';
import { collisionError } from '../live/collision-error.js';
import { readLive, type LiveRead } from '../live/read-live.js';
import { applySegment, segmentsByTarget } from '../live/target-segments.js';
import { convergeToSnapshot } from '../restore/converge-to-snapshot.js';
import { recoveryObjects, type RecoveryObject } from './recovery-objects.js';

/** `rollback`: back to the run's pre-apply snapshot · `complete`: make the rest of its plan. */
export type RecoverMode = 'rollback' | 'complete';

/** What the user is shown before recovery writes anything. */
export interface RecoveryPreview {
  readonly mode: RecoverMode;
  /** The interrupted run being recovered. */
  readonly subject: ApplyRunRecord;
  /** Other open runs it replaces (an earlier recovery or rollback that was interrupted too). */
  readonly superseded: readonly ApplyRunRecord[];
  readonly objects: readonly RecoveryObject[];
  /** The changes recovery is about to make, in apply order. */
  readonly changes: readonly ResourceChange[];
  /** Addresses an object diet does not own holds now: left alone. */
  readonly blocked: readonly LiveObject[];
}

export interface RecoverInput {
  readonly store: StateStore;
  readonly cluster: string;
  /** The cluster's interrupted runs (`interruptedRuns`), oldest first; at least one. */
  readonly interrupted: readonly RunStatus[];
  readonly mode: RecoverMode;
  readonly bound: readonly BoundTarget[];
  readonly events: ApplyEvents;
  readonly now: () => string;
  readonly owner?: RunOwner;
  /** Called once the situation is known, before the first write; throwing stops with nothing written. */
  readonly approve?: (preview: RecoveryPreview) => void | Promise<void>;
}

export interface RecoverResult {
  /** `recovered`: live now matches the goal and state records it; `incomplete`: the interrupted run stays open. */
  readonly status: 'recovered' | 'incomplete';
  readonly preview: RecoveryPreview;
  /** The run that journaled the recovery's own writes. */
  readonly runId?: number;
  readonly applied: readonly StepResult[];
  readonly failed?: StepFailure;
  /** Objects in scope that are still not what the goal says, one line each. */
  readonly remaining: readonly string[];
  /** The `applied` (complete) or `restore` (rollback) snapshot recorded on success. */
  readonly snapshotId?: number;
  readonly warnings: readonly string[];
}

/**
 * Recovers an interrupted apply from its journal: re-reads the live targets of its plan, tells
 * per object what the journal says and what live shows, then either rolls every object the
 * plan touched back to the run's pre-apply snapshot or completes the plan (its desired side
 * diffed against live again, deletes as absence). The recovery journals its own writes as a
 * `recover` run. On success one transaction records the snapshot of what diet now owns in
 * those targets, finishes the interrupted run as `recovered` (other open runs of the cluster
 * as `superseded`) and appends a `recover` event; otherwise the interrupted run stays open,
 * so `diet apply --recover` can be run again.
 */
export async function recoverRun(input: RecoverInput): Promise<RecoverResult> {
  const { store, cluster } = input;
  const { subject, superseded } = pickSubject(input.interrupted.map((s) => s.run));
  if (input.mode === 'complete' && subject.planId === undefined) {
    throw new StateError(`run ${subject.id} (${subject.kind}) has no plan to complete`, 'roll it back with `diet apply --recover`, then run the command it came from again (e.g. `diet snapshot restore`)');
  }
  const changes = subject.planId === undefined ? journaledChanges(store, subject) : planChanges(store, subject);
  const addresses = new Set(changes.map((c) => c.address));
  const bound = boundFor(input.bound, changes);
  const steps = store.journalOf(subject.id);
  const base = { store, cluster, planId: subject.planId, ...(subject.preSnapshotId !== undefined ? { preSnapshotId: subject.preSnapshotId } : {}), scopes: bound.map((b) => b.scope), now: input.now, ...(input.owner ? { owner: input.owner } : {}) };
  const previewOf = (live: LiveRead, planned: readonly ResourceChange[], blocked: readonly LiveObject[]): RecoveryPreview => ({ mode: input.mode, subject, superseded, objects: recoveryObjects(changes, steps, live.byAddress), changes: planned, blocked });

  let preview: RecoveryPreview | undefined;
  let run: JournaledRun | undefined;
  let outcome: { applied: readonly StepResult[]; failed?: StepFailure; after: LiveRead; remaining: readonly string[]; warnings: readonly string[] };
  try {
    if (input.mode === 'rollback') {
      const pre = subject.preSnapshotId === undefined ? undefined : store.getSnapshot(subject.preSnapshotId);
      if (!pre) throw new StateError(`run ${subject.id} has no pre-apply snapshot to roll back to`, 'complete it instead: `diet apply --recover --complete`');
      const journaled = journaledConvergence({ ...base, kind: 'recover' }, input.events);
      const result = await convergeToSnapshot({
        cluster,
        snapshot: pre.resources,
        scope: { includes: (a) => addresses.has(a) },
        bound,
        events: journaled.events,
        hooks: {
          beforeWrite: async (diff, live) => {
            preview = previewOf(live, diff.changes, diff.blocked);
            await input.approve?.(preview);
            journaled.hooks.beforeWrite!(diff, live);
            run = journaled.run();
          },
        },
      });
      outcome = { applied: result.applied, ...(result.failed ? { failed: result.failed } : {}), after: result.after, remaining: result.notRestored.map((n) => `${n.address}: ${n.message}`), warnings: result.warnings };
    } else {
      const desired = desiredOfChanges(changes.filter((c) => c.action !== 'delete'));
      const live = await readLive(bound, desired, cluster, input.events);
      const planned = completion(changes, live);
      const collisions = live.collisions.filter((o) => addresses.has(o.address));
      preview = previewOf(live, planned, collisions);
      if (collisions.length > 0) throw collisionError(collisions, cluster);
      await input.approve?.(preview);
      run = startJournaledRun({ ...base, kind: 'recover', changes: planned });
      const events = run.withJournal(input.events);
      const applied: StepResult[] = [];
      let failed: StepFailure | undefined;
      for (const segment of segmentsByTarget(planned, bound)) {
        const result = await applySegment(segment, live.byAddress, events);
        applied.push(...result.applied);
        failed = result.failed;
        if (failed) break;
      }
      const after = planned.length === 0 ? live : await readLive(bound, desired, cluster, input.events);
      const remaining = completion(changes, after).map((c) => `${c.address}: still to ${c.action}`);
      outcome = { applied, ...(failed ? { failed } : {}), after, remaining, warnings: [...new Set([...live.warnings, ...after.warnings])] };
    }
  } catch (error) {
    run?.finish('failed');
    throw error;
  }

  const ok = !outcome.failed && outcome.remaining.length === 0;
  const result = { preview: preview!, ...(run ? { runId: run.id } : {}), applied: outcome.applied, ...(outcome.failed ? { failed: outcome.failed } : {}), remaining: outcome.remaining, warnings: outcome.warnings };
  const detail = { run_id: subject.id, plan_id: subject.planId ?? null, mode: input.mode, recover_run_id: run?.id ?? null, applied: outcome.applied.length, superseded: superseded.map((r) => r.id) };
  if (!ok) {
    store.transaction(() => {
      run?.finish(input.mode === 'rollback' ? 'rollback-incomplete' : 'failed');
      store.appendEvent({ cluster, at: input.now(), kind: 'recover-failed', detail: { ...detail, remaining: outcome.remaining.slice(0, 20), message: outcome.failed?.message ?? null } });
    });
    return { status: 'incomplete', ...result };
  }
  const snapshotId = store.transaction(() => {
    const previous = store.managedResources(cluster)?.resources ?? [];
    const resources: ObservedResource[] = [...previous.filter((r) => !bound.some((b) => b.handles(r.address))), ...outcome.after.owned.map(toObserved)];
    const kind = input.mode === 'complete' ? 'applied' : 'restore';
    const note = input.mode === 'complete' ? `completed interrupted run ${subject.id}` : `rolled back interrupted run ${subject.id}`;
    const record = store.saveSnapshot({ cluster, kind, createdAt: input.now(), note, ...(subject.planId ? { planId: subject.planId } : {}), scopes: bound.map((b) => b.scope), resources });
    run?.finish(input.mode === 'complete' ? 'applied' : 'rolled-back');
    store.finishApplyRun(subject.id, 'recovered', input.now());
    for (const r of superseded) store.finishApplyRun(r.id, 'superseded', input.now());
    store.appendEvent({ cluster, at: input.now(), kind: 'recover', detail: { ...detail, snapshot_id: record.id } });
    return record.id;
  });
  return { status: 'recovered', ...result, snapshotId };
}

/**
 * The run to recover is the oldest apply (or restore) left open; open rollback and recover
 * runs are attempts to clean up after it and are superseded by this recovery.
 */
function pickSubject(runs: readonly ApplyRunRecord[]): { subject: ApplyRunRecord; superseded: ApplyRunRecord[] } {
  const subject = runs.find((r) => r.kind === 'apply' || r.kind === 'restore') ?? runs[0];
  if (!subject) throw new StateError('there is no interrupted run to recover');
  return { subject, superseded: runs.filter((r) => r !== subject) };
}

function planChanges(store: StateStore, run: ApplyRunRecord): ResourceChange[] {
  const record = run.planId === undefined ? undefined : store.getPlan(run.planId);
  if (!record) throw new StateError(`run ${run.id} (${run.kind}) has no stored plan${run.planId ? ` (${run.planId} is gone)` : ''}: diet cannot tell which objects it touched`, 'inspect with `diet diff` and repair by hand, then mark it with `diet apply --recover` again once a plan is available');
  return changesOfDocument(readPlanDocument(record.document)).filter((c) => c.action !== 'noop');
}

/**
 * A run without a plan (a snapshot restore): what it meant to write is its journal's list of
 * intended steps; what they were before is in its pre-apply snapshot. What it aimed for is
 * not recorded, so such a run can only be rolled back.
 */
function journaledChanges(store: StateStore, run: ApplyRunRecord): ResourceChange[] {
  const pre = new Map((run.preSnapshotId === undefined ? [] : (store.getSnapshot(run.preSnapshotId)?.resources ?? [])).map((r) => [r.address, r]));
  return store.journalOf(run.id).flatMap((s): ResourceChange[] => {
    const parts = parseAddress(s.address);
    if (!parts) return [];
    const before = pre.get(s.address);
    return [{ address: s.address, target: parts.target, type: parts.type, key: parts.key, action: s.action as ResourceChange['action'], ...(before ? { before: before.attrs } : {}), attrChanges: [], dependsOn: before?.dependsOn ?? [] }];
  });
}

/** The configured targets of the plan's addresses; each address needs one. */
function boundFor(all: readonly BoundTarget[], changes: readonly ResourceChange[]): BoundTarget[] {
  const used = new Set<BoundTarget>();
  for (const c of changes) {
    const b = targetFor(all, c.address);
    if (!b) throw missingTargetError(c.address);
    used.add(b);
  }
  return all.filter((b) => used.has(b));
}

/** The rest of the plan: its desired side (deletes as absence) against what diet owns live at its addresses. */
function completion(changes: readonly ResourceChange[], live: Pick<LiveRead, 'owned'>): ResourceChange[] {
  const addresses = new Set(changes.map((c) => c.address));
  const desired = desiredOfChanges(changes.filter((c) => c.action !== 'delete'));
  const owned = live.owned.filter((o) => addresses.has(o.address));
  return diffResources(desired, owned, { schemas: resourceSchema }).filter((c) => c.action !== 'noop');
}

function toObserved(o: LiveObject): ObservedResource {
  const { owned: _owned, ...resource } = o;
  return resource;
}
