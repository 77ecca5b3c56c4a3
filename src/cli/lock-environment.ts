import { hostname, userInfo } from 'node:os';
import type { LockEnvironment, LockOwner } from '../engine/lock/lock-status.js';

/** The real clock, host name and process table, for deciding whether a lock is stale. */
export function lockEnvironment(): LockEnvironment {
  return { now: () => Date.now(), host: hostname(), isAlive: processIsAlive };
}

/** This process as a lock holder: `user@host`, pid, host and the command line (no credentials are ever on it). */
export function lockOwner(argv: readonly string[] = process.argv.slice(2)): LockOwner {
  const host = hostname();
  const command = `diet ${argv.join(' ')}`;
  return { holder: `${userName()}@${host}`, pid: process.pid, host, command: command.length > 200 ? `${command.slice(0, 197)}...` : command };
}

/** Signal 0 checks existence without sending anything; EPERM means it exists under another user. */
export function processIsAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.LOGNAME ?? 'unknown';
  }
}
