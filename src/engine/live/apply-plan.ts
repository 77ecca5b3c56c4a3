import type { PlanDocument } from '../../plan/plan-document.js';
import type { ObservedResource, ResourceChange } from '../../resource/resource.js';
import type { StateStore } from '../../state/index.js';
import { ConfigError } from '../../diag/errors.js';
import { fabricOf, missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, LiveObject, StepFailure, StepResult } from '../../targets/live-target.js';
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
 * `applied` snapshot (with remote ids, and which objects were adopted rather than created)
 * plus a history event are written in one transaction; resources of targets this plan did
 * not touch are carried over from the previous snapshot.
 * On failure nothing but a history event is written to state.
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

  const applied: StepResult[] = [];
  for (const segment of segmentsByTarget(changes, bound)) {
    const outcome = await segment.target.target.apply(segment.changes, live.byAddress, events);
    applied.push(...outcome.applied);
    if (outcome.failed) {
      store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'apply-failed', detail: { plan_id: planId, applied: applied.length, total: changes.length, address: outcome.failed.address, message: outcome.failed.message } });
      return { planId, status: 'failed', total: changes.length, applied, failed: outcome.failed, warnings: live.warnings };
    }
  }

  const after = await readLive(bound, desired, doc.cluster, events);
  const warnings = [...live.warnings, ...verifyApplied(changes, after)];
  const snapshot = store.transaction(() => {
    // Read inside the write transaction: an apply to another fabric of the cluster (other lock scope) may commit meanwhile.
    const previous = store.managedResources(doc.cluster)?.resources ?? [];
    const adopted = adoptedAfter(previous, changes);
    const resources: ObservedResource[] = [...previous.filter((r) => !bound.some((b) => b.handles(r.address))), ...after.owned.map((o) => toObserved(o, adopted))];
    const record = store.saveSnapshot({ cluster: doc.cluster, kind: 'applied', createdAt: input.now(), planId, resources });
    store.appendEvent({ cluster: doc.cluster, at: input.now(), kind: 'apply', detail: { plan_id: planId, applied: applied.length, snapshot_id: record.id, targets: bound.map((b) => b.scope) } });
    return record;
  });
  return { planId, status: 'applied', total: changes.length, applied, snapshotId: snapshot.id, warnings };
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

function toObserved(o: LiveObject, adopted: ReadonlySet<string>): ObservedResource {
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
