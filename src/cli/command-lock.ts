import { formatDuration, parseDuration } from '../engine/duration-text.js';
import { acquireLock, type HeldLock } from '../engine/lock/acquire-lock.js';
import { lockScopesOf } from '../engine/lock/lock-scopes.js';
import type { StateStore } from '../state/index.js';
import { lockEnvironment, lockOwner } from './lock-environment.js';
import type { Output } from './output.js';

/**
 * The state lock of a command that writes to live targets (`diet apply`, `diet snapshot
 * create`): the scopes of the given addresses, waiting up to `--lock-timeout` (default 0:
 * fail at once with the holder named). With `held`, the same lock is extended to any scope
 * it does not cover yet. No addresses and nothing held: nothing to lock.
 */
export async function lockForCommand(store: StateStore, output: Output, cluster: string, addresses: Iterable<string>, lockTimeout: string | undefined, held?: HeldLock): Promise<HeldLock | undefined> {
  return lockScopesForCommand(store, output, cluster, lockScopesOf(addresses), lockTimeout, held);
}

/** As `lockForCommand`, for a command that knows the scopes themselves (`diet snapshot restore`). */
export async function lockScopesForCommand(store: StateStore, output: Output, cluster: string, scopes: readonly string[], lockTimeout: string | undefined, held?: HeldLock): Promise<HeldLock | undefined> {
  const timeoutMs = parseDuration(lockTimeout ?? '0', '--lock-timeout');
  if (held) {
    await held.extend(scopes);
    return held;
  }
  if (scopes.length === 0) return undefined;
  return acquireLock({
    store,
    cluster,
    scopes,
    owner: lockOwner(),
    env: lockEnvironment(),
    timeoutMs,
    onWait: (conflicts, timeout) => {
      if (output.quiet) return;
      const { lock } = conflicts[0];
      output.err(`Waiting up to ${formatDuration(timeout)} for the lock on cluster ${cluster} (${conflicts.map((c) => c.lock.scope).join(', ')}), held by ${lock.holder}, pid ${lock.pid} on ${lock.host}…`);
    },
  });
}

/** Releases the lock; says so when someone broke it while the command ran. */
export function releaseCommandLock(lock: HeldLock | undefined, output: Output): void {
  if (!lock) return;
  lock.release();
  if (lock.lost) output.err(`warning: the lock on cluster ${lock.cluster} was broken by someone else while this command ran (see \`diet state history\`)`);
}
