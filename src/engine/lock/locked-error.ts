import { StateLockedError } from '../../diag/errors.js';
import { formatDuration } from '../duration-text.js';
import type { LockStatus } from './lock-status.js';

/**
 * The one-line refusal when a lock is in the way: the cluster and scopes, who holds it
 * (user@host, pid, host), for how long and doing what; stale locks say why, and the hint
 * names the commands to look at and break it.
 */
export function lockedError(held: readonly LockStatus[], waitedMs = 0): StateLockedError {
  const first = held[0];
  const { lock } = first;
  const scopes = held.filter((s) => s.lock.token === lock.token).map((s) => s.lock.scope);
  const others = held.filter((s) => s.lock.token !== lock.token).length;
  const age = first.ageMs === null ? '' : ` for ${formatDuration(first.ageMs)}`;
  const waited = waitedMs > 0 ? `, still after waiting ${formatDuration(waitedMs)}` : '';
  const more = others > 0 ? ` (and ${others} more lock${others === 1 ? '' : 's'})` : '';
  const stale = first.stale ? `; the lock is stale: ${first.staleReason}` : '';
  const message = `cluster ${lock.cluster} is locked (${scopes.join(', ')}) by ${lock.holder}, pid ${lock.pid} on ${lock.host},${age} running \`${lock.command}\`${more}${waited}${stale}`;
  const hint = first.stale
    ? `check with \`diet lock status --cluster ${lock.cluster}\`, then break it with \`diet lock break --cluster ${lock.cluster}\` and retry`
    : `wait for it to finish (pass --lock-timeout 5m to wait); \`diet lock status --cluster ${lock.cluster}\` shows it, \`diet lock break --cluster ${lock.cluster}\` removes it once it is stale`;
  return new StateLockedError(message, hint);
}
