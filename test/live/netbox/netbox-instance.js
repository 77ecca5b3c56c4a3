// The real NetBox diet's live NetBox tests and benchmark use, driven through
// scripts/services.sh (plain JS so bench/ can use it too). The script's own overrides
// (DIET_CACHE, DIET_NETBOX_PORT, …) pass through, so a run can use a private instance.
//
// A lock directory serializes users that reset or fill NetBox (test files, the benchmark):
// each holds it from its reset to its last request.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { acquireDirectoryLock, releaseDirectoryLock } from '../directory-lock.js';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVICES = join(ROOT, 'scripts', 'services.sh');
const CACHE = process.env.DIET_CACHE ?? join(ROOT, '.cache');
const LOCK = join(CACHE, 'netbox-live.lock');

/**
 * Runs `scripts/services.sh <action> netbox`; throws an Error carrying the script's own
 * output (its last lines) when it fails, so a live test run fails with the reason.
 * @param {'install' | 'start' | 'stop' | 'status' | 'reset' | 'env'} action
 * @returns {string} stdout
 */
export function services(action) {
  try {
    return execFileSync(SERVICES, [action, 'netbox'], { cwd: ROOT, env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 << 20 });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`scripts/services.sh ${action} netbox failed (exit ${e.status ?? e.signal}):\n${out || e.message}`);
  }
}

/** URL and token of the local NetBox, from `services.sh env netbox`. */
export function netboxEnv() {
  const vars = {};
  for (const m of services('env').matchAll(/^export (\w+)=(.*)$/gm)) vars[m[1]] = m[2];
  return { url: vars.DIET_NETBOX_URL, token: vars.DIET_NETBOX_TOKEN };
}

/**
 * Waits until this process holds the NetBox lock (a dead holder's lock is taken over).
 * @param {number} timeoutMs
 */
export async function lockNetbox(timeoutMs = 3_600_000) {
  await acquireDirectoryLock(LOCK, { name: 'NetBox', timeoutMs });
}

export function unlockNetbox() {
  releaseDirectoryLock(LOCK);
}

/** Takes the lock and empties NetBox: the calling test file starts from nothing. */
export async function freshNetbox() {
  await lockNetbox();
  services('reset');
}
