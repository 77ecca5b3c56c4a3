// `npm run bench`: planning time and peak memory for the canonical 128-GPU case and
// synthetic fabrics of growing size, each in a fresh process, median of several runs.
// Figures are compared with PRODUCT.md's targets and with each other (growth ratio),
// never asserted: the machine is shared and noisy.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticSpec } from './synthetic-spec.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const runs = Number(process.env.DIET_BENCH_RUNS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'diet-bench-'));

function measure(paths) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    try {
      const out = execFileSync(process.execPath, [join(here, 'plan-once.js'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
      results.push(JSON.parse(out));
    } catch (e) {
      console.error(`benchmark run failed for ${paths.join(' ')}:\n${String(e.stderr ?? e.message).split('\n').slice(0, 20).join('\n')}`);
      process.exit(1);
    }
  }
  results.sort((a, b) => a.ms - b.ms);
  return results[Math.floor(results.length / 2)];
}

const cases = [{ name: '128-GPU canonical', servers: 155, paths: [join(here, '..', 'examples', '128gpu')], targetMs: 300 }];
for (const servers of [1024, 2048, 4096]) {
  const file = join(work, `synthetic-${servers}.yaml`);
  writeFileSync(file, syntheticSpec(servers));
  cases.push({ name: `synthetic ${servers} servers`, servers, paths: [file], targetMs: servers >= 4096 ? 10_000 : undefined });
}

const rows = cases.map((c) => ({ ...c, ...measure(c.paths) }));
rmSync(work, { recursive: true, force: true });

const pad = (s, n) => String(s).padStart(n);
console.log(`Plan benchmark (median of ${runs} runs, fresh process each; validate + expand + diff + plan document)\n`);
console.log(`${'case'.padEnd(26)}${pad('servers', 8)}${pad('objects', 9)}${pad('cables', 8)}${pad('time ms', 10)}${pad('target', 9)}${pad('time/target', 13)}${pad('peak MiB', 10)}${pad('µs/object', 11)}`);
for (const r of rows) {
  const ratio = r.targetMs ? (r.ms / r.targetMs).toFixed(3) : '-';
  console.log(`${r.name.padEnd(26)}${pad(r.servers, 8)}${pad(r.objects, 9)}${pad(r.cables, 8)}${pad(r.ms.toFixed(0), 10)}${pad(r.targetMs ?? '-', 9)}${pad(ratio, 13)}${pad(r.maxRssMiB.toFixed(0), 10)}${pad(((r.ms * 1000) / r.objects).toFixed(1), 11)}`);
}
const [small, , large] = rows.slice(1);
const growth = large.ms / small.ms;
const objectGrowth = large.objects / small.objects;
console.log(`\nGrowth 1024 → 4096 servers: objects ×${objectGrowth.toFixed(2)}, time ×${growth.toFixed(2)} (linear ≈ ×${objectGrowth.toFixed(2)}; time/object ratio ${(growth / objectGrowth).toFixed(2)})`);
console.log(`Peak memory at 4096 servers: ${large.maxRssMiB.toFixed(0)} MiB of the 1024 MiB target (${(large.maxRssMiB / 1024).toFixed(2)}).`);

// ---------------------------------------------------------------- Kubernetes apply (live server)
// A separate section: it needs the local kube-apiserver (scripts/services.sh install|start kube,
// done by bench/kube-apply.js) and takes the kube lock the live tests use. It runs in its own
// process; a failure is reported and fails the benchmark. DIET_BENCH_SKIP_KUBE=1 leaves it out.
console.log(`\n${'='.repeat(100)}\n`);
if (process.env.DIET_BENCH_SKIP_KUBE === '1') {
  console.log('Kubernetes apply benchmark: left out (DIET_BENCH_SKIP_KUBE=1).');
} else {
  try {
    execFileSync(process.execPath, [join(here, 'kube-apply.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    console.error(`Kubernetes apply benchmark failed:\n${String(e.stderr ?? e.message).split('\n').slice(-20).join('\n')}`);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------- NetBox apply and read (live server)
// A separate section: it needs the local NetBox (scripts/services.sh install|start netbox, done by
// bench/netbox-apply.js) and takes the NetBox lock the live tests use. It runs in its own process;
// a failure is reported and fails the benchmark. DIET_BENCH_SKIP_NETBOX=1 leaves it out. The
// one-object-per-request baseline alone takes several minutes on a 2-core machine.
console.log(`\n${'='.repeat(100)}\n`);
if (process.env.DIET_BENCH_SKIP_NETBOX === '1') {
  console.log('NetBox apply benchmark: left out (DIET_BENCH_SKIP_NETBOX=1).');
} else {
  try {
    execFileSync(process.execPath, [join(here, 'netbox-apply.js')], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    console.error(`NetBox apply benchmark failed:\n${String(e.stderr ?? e.message).split('\n').slice(-20).join('\n')}`);
    process.exitCode = 1;
  }
}
