import type { LockRecord } from '../../state/index.js';

/** What deciding staleness needs from the outside world; the CLI provides the real one. */
export interface LockEnvironment {
  /** Milliseconds since the epoch. */
  now(): number;
  /** This machine's host name: a holder's pid can only be checked on its own host. */
  readonly host: string;
  /** Whether a process with this pid exists on this host. */
  isAlive(pid: number): boolean;
}

/** Who takes a lock: shown to whoever finds it held. */
export interface LockOwner {
  /** `user@host`. */
  readonly holder: string;
  readonly pid: number;
  readonly host: string;
  readonly command: string;
}

/** The holder refreshes its heartbeat this often while it runs. */
export const LOCK_HEARTBEAT_MS = 5_000;
/**
 * A lock whose heartbeat is older than this is stale. Generous against the heartbeat
 * interval: a holder busy with a long synchronous step (planning a 100k-object fabric,
 * saving its snapshot) cannot beat meanwhile.
 */
export const LOCK_STALE_AFTER_MS = 60_000;

export interface LockStatus {
  readonly lock: LockRecord;
  /** Since the lock was taken; null when the time is unreadable. */
  readonly ageMs: number | null;
  readonly heartbeatAgeMs: number | null;
  readonly stale: boolean;
  /** Why it is stale, e.g. `pid 4242 is not running on build-01`. */
  readonly staleReason?: string;
  /** The holder is on this host and its pid is gone: it will never be released. */
  readonly holderDead: boolean;
}

/**
 * Whether a lock is still held by a running command: stale when its holder's pid is gone
 * (checked only on the holder's own host) or when it has not sent a heartbeat for
 * `staleAfterMs`. A recycled pid can make a dead holder look alive; the heartbeat age
 * still catches it.
 */
export function describeLock(lock: LockRecord, env: LockEnvironment, staleAfterMs: number = LOCK_STALE_AFTER_MS): LockStatus {
  const now = env.now();
  const ageMs = elapsed(lock.startedAt, now);
  const heartbeatAgeMs = elapsed(lock.heartbeatAt, now);
  const holderDead = lock.host === env.host && !env.isAlive(lock.pid);
  let staleReason: string | undefined;
  if (holderDead) staleReason = `pid ${lock.pid} is not running on ${lock.host}`;
  else if (heartbeatAgeMs === null) staleReason = `its heartbeat time ${JSON.stringify(lock.heartbeatAt)} is unreadable`;
  else if (heartbeatAgeMs > staleAfterMs) staleReason = `no heartbeat for ${Math.floor(heartbeatAgeMs / 1000)}s (stale after ${Math.floor(staleAfterMs / 1000)}s)`;
  return { lock, ageMs, heartbeatAgeMs, stale: staleReason !== undefined, holderDead, ...(staleReason !== undefined ? { staleReason } : {}) };
}

function elapsed(iso: string, now: number): number | null {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? null : now - at;
}
