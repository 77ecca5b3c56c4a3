// Kubernetes apply benchmark: the 128-GPU example's Hedgehog objects, per managed fabric,
// applied to the local kube-apiserver (scripts/services.sh) by diet and by
// `kubectl apply --server-side` (the kubectl built into .cache/kube/bin) from manifests of
// exactly the objects diet applies. Each run starts from an empty server (reset) in a fresh
// process; median of DIET_BENCH_RUNS runs. Reported as kubectl time / diet time: the server
// runs on the same 2 shared cores, so only the ratio means anything.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { expandSpec } from '../dist/engine/expand-spec.js';
import { applyWebhookDefaults } from '../dist/targets/kubernetes/webhook-defaults.js';
import { kubeEnv, lockKube, services, unlockKube } from '../test/live/kubernetes/kube-instances.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const example = join(here, '..', 'examples', '128gpu');
const runs = Number(process.env.DIET_BENCH_RUNS ?? 3);

services('install', 'a');
services('start', 'a');
const env = kubeEnv('a');
const spec = await expandSpec([example]);
const fabrics = [...new Set(spec.desired.filter((d) => d.target === 'kubernetes').map((d) => d.key.split('/')[0]))].sort();
const work = mkdtempSync(join(tmpdir(), 'diet-kube-bench-'));

/** The manifests kubectl gets: the very objects diet applies (labels and defaults included). */
function manifest(fabric) {
  const docs = spec.desired.filter((d) => d.target === 'kubernetes' && d.key.startsWith(`${fabric}/`)).map((d) => stringify(applyWebhookDefaults(d.attrs)));
  const file = join(work, `${fabric}.yaml`);
  writeFileSync(file, docs.map((d) => `---\n${d}`).join(''));
  return { file, objects: docs.length };
}

function diet(fabric) {
  services('reset', 'a');
  const out = execFileSync(process.execPath, [join(here, 'kube-apply-once.js'), fabric, env.server, env.caFile, example], { encoding: 'utf8', env: { ...process.env, DIET_BENCH_KUBE_TOKEN: env.token }, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(out);
}

function kubectl(file) {
  services('reset', 'a');
  const start = performance.now();
  const r = spawnSync(env.kubectl, ['--kubeconfig', env.kubeconfig, 'apply', '--server-side', '-f', file], { encoding: 'utf8', maxBuffer: 16 << 20 });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`kubectl apply --server-side failed: ${r.stderr.split('\n').slice(0, 5).join('\n')}`);
  return { ms, applied: r.stdout.trim().split('\n').length };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows = [];
await lockKube();
try {
  for (const fabric of fabrics) {
    const { file, objects } = manifest(fabric);
    const d = [];
    const k = [];
    // Alternate the tools so that a change in machine load hits both.
    for (let i = 0; i < runs; i++) {
      const one = diet(fabric);
      if (one.applied !== objects) throw new Error(`diet applied ${one.applied} of ${objects} objects`);
      d.push(one);
      const two = kubectl(file);
      if (two.applied !== objects) throw new Error(`kubectl applied ${two.applied} of ${objects} objects`);
      k.push(two.ms);
    }
    rows.push({ fabric, objects, dietMs: median(d.map((x) => x.totalMs)), dietApplyMs: median(d.map((x) => x.applyMs)), kubectlMs: median(k) });
  }
} finally {
  services('reset', 'a');
  unlockKube();
  rmSync(work, { recursive: true, force: true });
}

const pad = (s, n) => String(s).padStart(n);
console.log(`Kubernetes apply benchmark (median of ${runs} runs each, empty server before every run, ${env.server})`);
console.log('diet = fresh process: expand spec + probe + read + diff + server-side apply (concurrency 8); kubectl = kubectl apply --server-side -f <same objects>\n');
console.log(`${'fabric'.padEnd(10)}${pad('objects', 8)}${pad('diet ms', 10)}${pad('(apply ms)', 12)}${pad('kubectl ms', 12)}${pad('kubectl/diet', 14)}`);
for (const r of rows) console.log(`${r.fabric.padEnd(10)}${pad(r.objects, 8)}${pad(r.dietMs.toFixed(0), 10)}${pad(`(${r.dietApplyMs.toFixed(0)})`, 12)}${pad(r.kubectlMs.toFixed(0), 12)}${pad((r.kubectlMs / r.dietMs).toFixed(2), 14)}`);
const sum = (key) => rows.reduce((s, r) => s + r[key], 0);
console.log(`${'all'.padEnd(10)}${pad(sum('objects'), 8)}${pad(sum('dietMs').toFixed(0), 10)}${pad(`(${sum('dietApplyMs').toFixed(0)})`, 12)}${pad(sum('kubectlMs').toFixed(0), 12)}${pad((sum('kubectlMs') / sum('dietMs')).toFixed(2), 14)}`);
console.log(`\nTarget (PRODUCT.md): faster than kubectl apply --server-side on the same set, i.e. kubectl/diet > 1.`);
