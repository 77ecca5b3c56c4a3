import { StateError } from '../../diag/errors.js';
import type { ApplyRunRecord, LockRecord, StateStore } from '../../state/index.js';
import { describeLock, LOCK_STALE_AFTER_MS, type LockEnvironment } from '../lock/lock-status.js';

export interface RunStatus {
  readonly run: ApplyRunRecord;
  /** Its process is gone: the run will never finish by itself. */
  readonly interrupted: boolean;
  /** Why it counts as interrupted, e.g. `pid 4242 is not running on build-01`. */
  readonly reason?: string;
}

/**
 * Whether each unfinished run is still going. A run is only open while its process holds the
 * apply lock (applies journal under the lock and finish before releasing it), so a run is
 * interrupted when its pid is gone on this host, or when no live lock of its pid and host is
 * left (killed on another host, or its lock went stale or was broken).
 */
export function describeRuns(runs: readonly ApplyRunRecord[], locks: readonly LockRecord[], env: LockEnvironment, staleAfterMs = LOCK_STALE_AFTER_MS): RunStatus[] {
  return runs.map((run) => {
    if (run.host === env.host && !env.isAlive(run.pid)) return { run, interrupted: true, reason: `pid ${run.pid} is not running on ${run.host}` };
    const held = locks.filter((l) => l.cluster === run.cluster && l.pid === run.pid && l.host === run.host).map((l) => describeLock(l, env, staleAfterMs));
    if (held.length === 0) return { run, interrupted: true, reason: `pid ${run.pid} on ${run.host} holds no lock of cluster ${run.cluster} any more` };
    const stale = held.find((h) => h.stale);
    if (stale) return { run, interrupted: true, reason: `its lock is stale: ${stale.staleReason}` };
    return { run, interrupted: false };
  });
}

/** The cluster's runs that were interrupted, oldest first. */
export function interruptedRuns(store: StateStore, cluster: string, env: LockEnvironment): RunStatus[] {
  const open = store.unfinishedApplyRuns(cluster);
  if (open.length === 0) return [];
  return describeRuns(open, store.listLocks(cluster), env).filter((s) => s.interrupted);
}

/**
 * Planning or applying over an interrupted apply would build on objects in an unknown state
 * (some written, some not, one maybe half-sent): refused until `diet apply --recover` ran.
 */
export function refuseWhileInterrupted(store: StateStore, cluster: string, env: LockEnvironment): void {
  const [first, ...more] = interruptedRuns(store, cluster, env);
  if (!first) return;
  const { run } = first;
  const also = more.length > 0 ? ` (and ${more.length} more)` : '';
  throw new StateError(
    `cluster ${cluster} has an interrupted ${run.kind}: run ${run.id}${run.planId ? ` of plan ${run.planId}` : ''}, started ${run.startedAt} by pid ${run.pid} on ${run.host}, never finished (${first.reason})${also}`,
    'run `diet apply --recover` to roll it back to the state before it (or `diet apply --recover --complete` to finish it)',
  );
}
