import { StalePlanError } from '../../diag/errors.js';
import type { Attrs, ObservedResource } from '../../resource/resource.js';
import type { StateStore } from '../../state/index.js';
import type { ApplyEvents, LiveObject } from '../../targets/live-target.js';
import type { LiveRead } from '../live/read-live.js';
import { rollBack, type RollbackReport } from '../live/roll-back.js';
import { journaledConvergence, type JournaledConvergence } from '../journal/journaled-convergence.js';
import type { RunOwner } from '../journal/journaled-run.js';
import { convergeToSnapshot, type RestoreOutcome } from './converge-to-snapshot.js';
import { restoreDocument, type RestorePreview } from './plan-restore.js';

export interface RestoreSnapshotInput {
  readonly store: StateStore;
  /** What the user reviewed (and approved). */
  readonly preview: RestorePreview;
  readonly events: ApplyEvents;
  /** ISO time for snapshots and history (the store never reads the clock). */
  readonly now: () => string;
  /** Leave a failed restore's changes in place instead of rolling them back. */
  readonly noRollback?: boolean;
  /** The process the apply journal records as running the restore (default: this one). */
  readonly owner?: RunOwner;
}

export interface RestoreSnapshotResult {
  /**
   * `restored`: every object in scope reads back as the snapshot recorded it; `partial`: no
   * step failed, but some objects are not as recorded (blocked by an object diet does not own,
   * or reading back different); `rolled-back` / `rollback-incomplete`: a step failed and the
   * restore was undone (completely or not); `failed`: a step failed, nothing undone (`noRollback`).
   */
  readonly status: 'restored' | 'partial' | 'rolled-back' | 'rollback-incomplete' | 'failed';
  readonly outcome: RestoreOutcome;
  /** The `restore` snapshot now managed (restored and partial). */
  readonly restoreSnapshotId?: number;
  readonly preApplySnapshotId?: number;
  readonly rollback?: RollbackReport;
  readonly warnings: readonly string[];
}

/**
 * `diet snapshot restore ID`, second half, run under the lock after approval: re-reads the
 * targets and refuses if the way back is no longer the one reviewed; records a `pre-apply`
 * snapshot; converges the objects in scope to the snapshot and reads them back. When no step
 * failed, the result is recorded as a `restore` snapshot (what diet manages from now on:
 * objects of scopes not restored are carried over). When a step failed, the restore itself
 * is rolled back to its pre-apply snapshot, like a failed apply, and state keeps what it had.
 */
export async function restoreSnapshot(input: RestoreSnapshotInput): Promise<RestoreSnapshotResult> {
  const { store, preview, events } = input;
  const cluster = preview.snapshot.cluster;
  let preApply: { id: number; resources: ObservedResource[] } | undefined;
  // Journaled like an apply, as a `restore` run opened right after the pre-apply snapshot.
  const journal = journaledConvergence({ store, cluster, kind: 'restore', scopes: [...preview.scopes], now: input.now, ...(input.owner ? { owner: input.owner } : {}) }, events);
  try {
    return await restoreJournaled(input, journal, (p) => (preApply = p), () => preApply);
  } catch (error) {
    journal.finish('failed');
    throw error;
  }
}

async function restoreJournaled(
  input: RestoreSnapshotInput,
  journal: JournaledConvergence,
  setPreApply: (p: { id: number; resources: ObservedResource[] }) => void,
  getPreApply: () => { id: number; resources: ObservedResource[] } | undefined,
): Promise<RestoreSnapshotResult> {
  const { store, preview, events } = input;
  const cluster = preview.snapshot.cluster;
  const outcome = await convergeToSnapshot({
    cluster,
    snapshot: preview.resources,
    scope: preview.scope,
    bound: preview.bound,
    events: journal.events,
    hooks: {
      beforeWrite: (diff, live) => {
        if (restoreDocument(preview.snapshot, diff, live, preview.scope).digest !== preview.document.digest) {
          throw new StalePlanError('the live objects changed since the restore was shown', 'run `diet snapshot restore` again to review the changes it would make now');
        }
        if (diff.changes.length > 0) {
          const saved = savePreApply(store, cluster, preview, live, input.now());
          setPreApply(saved);
          journal.open(diff.changes, saved.id);
        }
      },
    },
  });
  const preApply = getPreApply();
  const detail = { snapshot_id: preview.snapshot.id, targets: [...preview.scopes], pre_apply_snapshot_id: preApply?.id ?? null, restored: outcome.restored.length, not_restored: outcome.notRestored.length };
  const base = { outcome, ...(preApply ? { preApplySnapshotId: preApply.id } : {}) };

  if (outcome.failed && preApply) {
    const failed = outcome.failed;
    store.appendEvent({ cluster, at: input.now(), kind: 'restore-failed', detail: { ...detail, address: failed.address, message: failed.message } });
    if (input.noRollback) {
      journal.finish('failed');
      return { ...base, status: 'failed', warnings: outcome.warnings };
    }
    // The restore's run stays open during its rollback: a crash there leaves it to recover.
    const rollback = await rollBack({ cluster, preApply, changes: outcome.changes, bound: preview.bound, events });
    journal.finish(rollback.status);
    store.appendEvent({ cluster, at: input.now(), kind: 'rollback', detail: { snapshot_id: preview.snapshot.id, status: rollback.status, pre_apply_snapshot_id: preApply.id, restored: rollback.restored.length, not_restored: rollback.notRestored.length } });
    return { ...base, status: rollback.status, rollback, warnings: [...new Set([...outcome.warnings, ...rollback.warnings])] };
  }

  const record = store.transaction(() => {
    // Read inside the write transaction: an apply to another fabric may commit meanwhile.
    const previous = store.managedResources(cluster);
    const carried = (previous?.resources ?? []).filter((r) => !preview.scope.includes(r.address));
    const resources = [...carried, ...outcome.after.owned.filter((o) => preview.scope.includes(o.address)).map(toObserved)];
    const scopes = [...new Set([...(previous?.record.scopes ?? []), ...preview.scopes])].sort();
    const saved = store.saveSnapshot({ cluster, kind: 'restore', createdAt: input.now(), note: `restore of snapshot ${preview.snapshot.id}`, scopes, resources });
    store.appendEvent({ cluster, at: input.now(), kind: 'restore', detail: { ...detail, restore_snapshot_id: saved.id, status: outcome.status } as Attrs });
    journal.finish('applied');
    return saved;
  });
  return { ...base, status: outcome.status === 'restored' ? 'restored' : 'partial', restoreSnapshotId: record.id, warnings: outcome.warnings };
}

function savePreApply(store: StateStore, cluster: string, preview: RestorePreview, live: LiveRead, at: string): { id: number; resources: ObservedResource[] } {
  const resources = live.owned.filter((o) => preview.bound.some((b) => b.handles(o.address))).map(toObserved);
  const record = store.saveSnapshot({ cluster, kind: 'pre-apply', createdAt: at, note: `before restoring snapshot ${preview.snapshot.id}`, scopes: [...preview.scopes], resources });
  return { id: record.id, resources };
}

function toObserved(o: LiveObject): ObservedResource {
  const { owned: _owned, ...resource } = o;
  return resource;
}
