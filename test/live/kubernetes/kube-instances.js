// The real kube-apiservers diet's live Kubernetes tests and benchmark use, driven through
// scripts/services.sh (plain JS so bench/ can use it too).
//
//   a: the project's server (.cache/kube, https://127.0.0.1:6443), started by `services.sh start kube`
//   b: a second, independent etcd + kube-apiserver with its own CA and tokens
//      (.cache/kube-b, https://127.0.0.1:6444), for "two fabrics, two endpoints"; it reuses
//      a's binaries through hard links, so it costs one start (about 10 s) and no build.
//
// A lock directory serializes users that reset or fill the servers (test files, the benchmark).
import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { acquireDirectoryLock, releaseDirectoryLock } from '../directory-lock.js';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVICES = join(ROOT, 'scripts', 'services.sh');
const CACHE = join(ROOT, '.cache');

/** @type {Record<'a' | 'b', Record<string, string>>} environment of scripts/services.sh per instance */
export const INSTANCES = {
  a: {},
  b: { DIET_CACHE: join(CACHE, 'kube-b'), DIET_KUBE_PORT: '6444', DIET_KUBE_ETCD_PORT: '12381', DIET_KUBE_ETCD_PEER_PORT: '12382' },
};

/**
 * Runs `scripts/services.sh <action> kube` for an instance; throws an Error with the script's
 * own output (its last lines) when it fails.
 * @param {'install' | 'start' | 'stop' | 'status' | 'reset' | 'env'} action
 * @param {'a' | 'b'} instance
 * @returns {string} stdout
 */
export function services(action, instance = 'a') {
  try {
    return execFileSync(SERVICES, [action, 'kube'], { cwd: ROOT, env: { ...process.env, ...INSTANCES[instance] }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 << 20 });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    throw new Error(`scripts/services.sh ${action} kube (instance ${instance}) failed (exit ${e.status ?? e.signal}):\n${out || e.message}`);
  }
}

/** Gives instance b hard links to a's binaries (a hard link keeps services.sh's pid checks working). */
export function prepareSecondInstance() {
  const from = join(CACHE, 'kube', 'bin');
  const to = join(INSTANCES.b.DIET_CACHE, 'kube', 'bin');
  mkdirSync(to, { recursive: true });
  for (const name of ['etcd', 'kube-apiserver', 'kubectl']) {
    const src = join(from, name);
    const dst = join(to, name);
    if (existsSync(dst) && statSync(dst).ino === statSync(src).ino) continue;
    rmSync(dst, { force: true });
    linkSync(src, dst);
  }
}

/**
 * Client settings of an instance, from `services.sh env kube`.
 * @param {'a' | 'b'} instance
 */
export function kubeEnv(instance = 'a') {
  const vars = {};
  for (const m of services('env', instance).matchAll(/^export (\w+)=(.*)$/gm)) vars[m[1]] = m[2];
  return {
    server: vars.DIET_KUBE_SERVER,
    token: vars.DIET_KUBE_TOKEN,
    tokenNoPerm: vars.DIET_KUBE_TOKEN_NOPERM,
    caFile: vars.DIET_KUBE_CA_FILE,
    ca: readFileSync(vars.DIET_KUBE_CA_FILE, 'utf8'),
    kubeconfig: vars.DIET_KUBE_KUBECONFIG,
    kubectl: vars.DIET_KUBECTL,
  };
}

const LOCK = join(CACHE, 'kube-live.lock');

/**
 * Waits until this process holds the kube lock (a dead holder's lock is taken over).
 * @param {number} timeoutMs
 */
export async function lockKube(timeoutMs = 540_000) {
  await acquireDirectoryLock(LOCK, { name: 'kube', timeoutMs, pollMs: 250 });
}

export function unlockKube() {
  releaseDirectoryLock(LOCK);
}
