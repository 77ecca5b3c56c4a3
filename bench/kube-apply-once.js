// One measured diet apply of one fabric of the 128-GPU example, in a fresh process, the way
// `diet apply` does it without state: expand the spec, probe, read the fabric's live objects,
// diff, server-side apply. Prints {totalMs, applyMs, objects, applied} as JSON.
//   node bench/kube-apply-once.js <fabric> <server> <caFile>   (token in DIET_BENCH_KUBE_TOKEN)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { expandSpec } from '../dist/engine/expand-spec.js';
import { diffResources } from '../dist/plan/diff-resources.js';
import { createKubernetesTarget } from '../dist/targets/kubernetes/live/create-kubernetes-target.js';
import { SILENT_EVENTS } from '../dist/targets/live-target.js';
import { resourceSchema } from '../dist/targets/resource-schemas.js';

const [fabric, server, caFile, example] = process.argv.slice(2);
const start = performance.now();
const spec = await expandSpec([example]);
const desired = spec.desired.filter((d) => d.target === 'kubernetes' && d.key.startsWith(`${fabric}/`));
const target = createKubernetesTarget({ fabric, server, token: process.env.DIET_BENCH_KUBE_TOKEN ?? '', ca: readFileSync(caFile, 'utf8'), verifyTls: true, timeoutMs: 30_000, namespace: 'default' });
await target.probe();
const live = await target.read({ cluster: spec.model.name, desired });
const changes = diffResources(desired, live, { schemas: resourceSchema });
const applyStart = performance.now();
const outcome = await target.apply(changes, new Map(live.map((o) => [o.address, o])), SILENT_EVENTS);
const end = performance.now();
target.close();
if (outcome.failed) {
  console.error(`apply failed: ${outcome.failed.address}: ${outcome.failed.message}`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ totalMs: end - start, applyMs: end - applyStart, objects: desired.length, applied: outcome.applied.length }));
