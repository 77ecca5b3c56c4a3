// One measured planning run in a fresh process: validate + expand + diff against
// (empty) state + plan document. Prints {ms, maxRssMiB, objects} as JSON.
import { performance } from 'node:perf_hooks';
import { expandSpec } from '../dist/engine/expand-spec.js';
import { planAgainstState } from '../dist/engine/plan-spec.js';

const paths = process.argv.slice(2);
const start = performance.now();
const spec = await expandSpec(paths);
const planned = planAgainstState(spec, undefined);
const ms = performance.now() - start;
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms, maxRssMiB, objects: spec.desired.length, cables: spec.summary.cables, bytes: planned.text.length }));
