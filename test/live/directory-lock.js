// A lock between test processes that share a live server: a directory holding the
// holder's pid. A holder that died (or never wrote its pid) is replaced, so an aborted
// run does not block the next one. Plain JS so bench/ can use it too.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function holder(lock) {
  try {
    return Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return undefined;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
}

/**
 * Waits until this process holds the lock directory `lock`.
 * @param {string} lock
 * @param {{ name: string, timeoutMs: number, pollMs?: number }} options
 */
export async function acquireDirectoryLock(lock, { name, timeoutMs, pollMs = 500 }) {
  const deadline = Date.now() + timeoutMs;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const pid = holder(lock);
    if (pid === process.pid) return;
    const orphaned = pid === undefined && Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000;
    if (orphaned || (pid !== undefined && !alive(pid))) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`the ${name} test lock ${lock} is still held by pid ${pid} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Releases the lock if this process holds it. @param {string} lock */
export function releaseDirectoryLock(lock) {
  if (holder(lock) === process.pid) rmSync(lock, { recursive: true, force: true });
}
