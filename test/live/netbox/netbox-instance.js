// The real NetBox diet's live NetBox tests and benchmark use, driven through
// scripts/services.sh (plain JS so bench/ can use it too). The script's own overrides
// (DIET_CACHE, DIET_NETBOX_PORT, …) pass through, so a run can use a private instance.
//
// A lock directory serializes users that reset or fill NetBox (test files, the benchmark):
// each holds it from its reset to its last request.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

function holder() {
  try {
    return Number(readFileSync(join(LOCK, 'pid'), 'utf8'));
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
 * Waits until this process holds the NetBox lock (a directory; a dead holder's lock is taken over).
 * @param {number} timeoutMs
 */
export async function lockNetbox(timeoutMs = 3_600_000) {
  const deadline = Date.now() + timeoutMs;
  mkdirSync(CACHE, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
    }
    const pid = holder();
    if (pid === process.pid) return;
    const orphaned = pid === undefined && Date.now() - (statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000;
    if (orphaned || (pid !== undefined && !alive(pid))) rmSync(LOCK, { recursive: true, force: true });
    if (Date.now() > deadline) throw new Error(`the NetBox test lock ${LOCK} is still held by pid ${pid} after ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function unlockNetbox() {
  if (holder() === process.pid) rmSync(LOCK, { recursive: true, force: true });
}

/** Takes the lock and empties NetBox: the calling test file starts from nothing. */
export async function freshNetbox() {
  await lockNetbox();
  services('reset');
}
