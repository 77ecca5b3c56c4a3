import { randomUUID } from 'node:crypto';
import type { StateStore } from '../../state/index.js';
import { describeLock, LOCK_HEARTBEAT_MS, LOCK_STALE_AFTER_MS, type LockEnvironment, type LockOwner, type LockStatus } from './lock-status.js';
import { lockedError } from './locked-error.js';

export interface AcquireLockOptions {
  readonly store: StateStore;
  readonly cluster: string;
  readonly scopes: readonly string[];
  readonly owner: LockOwner;
  readonly env: LockEnvironment;
  /** How long to wait for a held lock before giving up; 0 fails at once (`--lock-timeout`). */
  readonly timeoutMs: number;
  /** Called once, when the lock is held by someone else and this call starts waiting. */
  readonly onWait?: (held: readonly LockStatus[], timeoutMs: number) => void;
  readonly pollMs?: number;
  readonly heartbeatMs?: number;
  readonly staleAfterMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A lock this process holds. Release it in a `finally`. */
export interface HeldLock {
  readonly cluster: string;
  readonly token: string;
  /** The scopes held now. */
  scopes(): readonly string[];
  /** Takes more scopes under the same token, waiting as the first acquisition did. */
  extend(scopes: readonly string[]): Promise<void>;
  /** True once a heartbeat found the lock gone: someone broke it while this process ran. */
  readonly lost: boolean;
  /** Stops the heartbeat and deletes the lock; safe to call twice. */
  release(): void;
}

const POLL_MS = 500;

/**
 * Takes the lock on the cluster's scopes: at once when they are free, else retries every
 * `pollMs` until `timeoutMs` has passed, then throws StateLockedError naming the holder.
 * A lock whose holder is known dead (its pid is gone on this host) will never be released,
 * so waiting for it is pointless: that fails at once too. Stale locks are never broken
 * here; `diet lock break` does that on purpose.
 *
 * While held, a timer refreshes the heartbeat every `heartbeatMs` (unref'd: it never keeps
 * the process alive); a failed heartbeat (state busy) is retried at the next tick.
 */
export async function acquireLock(options: AcquireLockOptions): Promise<HeldLock> {
  const token = randomUUID();
  const { store, cluster, owner, env } = options;
  const staleAfterMs = options.staleAfterMs ?? LOCK_STALE_AFTER_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let held: readonly string[] = [];
  let lost = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let released = false;

  const take = async (scopes: readonly string[]): Promise<void> => {
    const started = env.now();
    let waiting = false;
    for (;;) {
      const at = new Date(env.now()).toISOString();
      const result = store.acquireLock({ cluster, scopes: [...held, ...scopes], token, holder: owner.holder, pid: owner.pid, host: owner.host, command: owner.command, at });
      if (result.acquired) {
        held = result.locks.map((l) => l.scope);
        return;
      }
      const conflicts = result.conflicts.map((l) => describeLock(l, env, staleAfterMs));
      const waited = env.now() - started;
      if (waited >= options.timeoutMs || conflicts.some((c) => c.holderDead)) throw lockedError(conflicts, waiting ? waited : 0);
      if (!waiting) options.onWait?.(conflicts, options.timeoutMs);
      waiting = true;
      await sleep(Math.min(options.pollMs ?? POLL_MS, options.timeoutMs - waited));
    }
  };

  await take(options.scopes);
  timer = setInterval(() => {
    try {
      if (store.heartbeatLock(token, new Date(env.now()).toISOString()) === 0) lost = true;
    } catch {
      // State busy for longer than busy_timeout: try again at the next tick.
    }
  }, options.heartbeatMs ?? LOCK_HEARTBEAT_MS);
  timer.unref();

  return {
    cluster,
    token,
    scopes: () => held,
    extend: async (scopes) => {
      if (scopes.every((s) => held.includes(s))) return;
      await take(scopes);
    },
    get lost() {
      return lost;
    },
    release: () => {
      if (released) return;
      released = true;
      clearInterval(timer);
      timer = undefined;
      if (store.releaseLock(token) === 0) lost = true;
    },
  };
}
