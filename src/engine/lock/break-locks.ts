import { StateLockedError } from '../../diag/errors.js';
import type { StateStore } from '../../state/index.js';
import { formatDuration } from '../duration-text.js';
import { describeLock, LOCK_STALE_AFTER_MS, type LockEnvironment, type LockStatus } from './lock-status.js';

export interface BreakLocksOptions {
  readonly cluster: string;
  /** Only this scope (`netbox`, `kubernetes/<fabric>`); all of the cluster's otherwise. */
  readonly scope?: string;
  /** Break live locks too. */
  readonly force: boolean;
  readonly env: LockEnvironment;
  /** Who breaks them, for the history event. */
  readonly by: string;
  readonly staleAfterMs?: number;
}

export interface BreakLocksResult {
  /** The locks that were listed and broken. */
  readonly broken: readonly LockStatus[];
  /** Rows actually deleted: fewer when a holder released (or re-took) its lock meanwhile. */
  readonly removed: number;
}

/**
 * `diet lock break`: removes the cluster's stale locks. A live lock (its holder may still be
 * applying) is refused — nothing is broken then — unless `force`: two applies at once
 * could interleave their writes. Only rows still carrying the token they were listed with
 * are deleted, and the break is recorded in the history.
 */
export function breakLocks(store: StateStore, options: BreakLocksOptions): BreakLocksResult {
  const statuses = store
    .listLocks(options.cluster)
    .filter((l) => options.scope === undefined || l.scope === options.scope)
    .map((l) => describeLock(l, options.env, options.staleAfterMs ?? LOCK_STALE_AFTER_MS));
  if (statuses.length === 0) return { broken: [], removed: 0 };
  const live = statuses.filter((s) => !s.stale);
  if (live.length > 0 && !options.force) {
    const { lock, heartbeatAgeMs } = live[0];
    const beat = heartbeatAgeMs === null ? '' : `, last heartbeat ${formatDuration(heartbeatAgeMs)} ago`;
    throw new StateLockedError(
      `refusing to break the lock on cluster ${lock.cluster} (${live.map((s) => s.lock.scope).join(', ')}): it is live, held by ${lock.holder}, pid ${lock.pid} on ${lock.host}${beat}, running \`${lock.command}\``,
      'wait for that command to finish; if you are sure it is not running (e.g. its host is gone), pass --force',
    );
  }
  const at = new Date(options.env.now()).toISOString();
  const removed = store.transaction(() => {
    const n = store.breakLocks(statuses.map((s) => s.lock));
    store.appendEvent({
      cluster: options.cluster,
      at,
      kind: 'lock-break',
      detail: { by: options.by, forced: live.length > 0, locks: statuses.map((s) => ({ scope: s.lock.scope, holder: s.lock.holder, pid: s.lock.pid, host: s.lock.host, command: s.lock.command, started_at: s.lock.startedAt, stale: s.staleReason ?? null })) },
    });
    return n;
  });
  return { broken: statuses, removed };
}
