// `npm run bench`, NetBox section: the 128-GPU example applied to an empty local NetBox 4.7
// by diet (read, diff, bulk apply) and by a baseline client in this same script that writes one
// object per request, in the same order, as the Terraform provider and the Ansible modules do
// (template interfaces: one lookup and one PATCH each). Same server, reset before each run;
// the result is a ratio because the machine is shared and noisy. Then diet's live read of what
// it applied against the raw paged list API (limit=1000, following `next`) for the same objects.
//
// Needs the local NetBox (scripts/services.sh install|start netbox, done here) and takes the lock
// the live tests use. DIET_BENCH_NETBOX_READS sets the read repetitions (median, default 3).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandSpec } from '../dist/engine/expand-spec.js';
import { diffResources } from '../dist/plan/diff-resources.js';
import { formatAddress } from '../dist/resource/address.js';
import { createNetboxTarget } from '../dist/targets/netbox/create-netbox-target.js';
import { netboxDispatcher } from '../dist/targets/netbox/netbox-dispatcher.js';
import { NETBOX_ENDPOINTS } from '../dist/targets/netbox/netbox-endpoints.js';
import { toNetboxPayload } from '../dist/targets/netbox/netbox-payload.js';
import { resourceSchema } from '../dist/targets/resource-schemas.js';
import { SILENT_EVENTS } from '../dist/targets/live-target.js';
import { lockNetbox, netboxEnv, services, unlockNetbox } from '../test/live/netbox/netbox-instance.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const reads = Number(process.env.DIET_BENCH_NETBOX_READS ?? 3);
const example = join(here, '..', 'examples', '128gpu');

services('install');
services('start');
const nb = netboxEnv();
const config = { url: nb.url, token: nb.token, verifyTls: true, timeoutMs: 120_000 };
const spec = await expandSpec([example]);
const desired = spec.desired.filter((d) => d.target === 'netbox');
const cluster = spec.model.name;
// The baseline and the raw reads use the same connection pool settings as diet (idle keep-alive
// connections closed before gunicorn closes them), a new pool per run: `services('reset')` blocks
// the event loop while it replaces NetBox's workers, so an old pool could not drop their
// connections in time.

async function remainingChanges() {
  const live = await createNetboxTarget(config).read({ cluster, desired });
  return diffResources(desired, live.filter((o) => o.owned), { schemas: resourceSchema }).filter((c) => c.action !== 'noop').length;
}

/** diet as `diet apply` runs it against NetBox: probe, read, diff, bulk apply. */
async function dietApply() {
  const target = createNetboxTarget(config);
  const t0 = performance.now();
  await target.probe();
  const live = await target.read({ cluster, desired });
  const changes = diffResources(desired, live.filter((o) => o.owned), { schemas: resourceSchema });
  const outcome = await target.apply(changes, new Map(live.map((o) => [o.address, o])), SILENT_EVENTS);
  const ms = performance.now() - t0;
  if (outcome.failed) throw new Error(`diet apply failed: ${outcome.failed.message}`);
  return { ms, requests: target.http.requestCount, objects: outcome.applied.length };
}

/** One object per request, sequentially, in plan order. */
async function baselineApply() {
  const changes = diffResources(desired, [], { schemas: resourceSchema }).filter((c) => c.action === 'create');
  const ids = new Map();
  const dispatcher = netboxDispatcher(true);
  let requests = 0;
  const call = async (method, path, body) => {
    requests++;
    const r = await fetch(`${nb.url}${path}`, { method, dispatcher, headers: { Authorization: `Token ${nb.token}`, 'Content-Type': 'application/json', Accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await r.json();
    if (!r.ok) throw new Error(`baseline ${method} ${path} -> ${r.status}: ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  const t0 = performance.now();
  for (const c of changes) {
    const path = NETBOX_ENDPOINTS[c.type].path;
    const payload = toNetboxPayload(c.type, c.after, (a) => ids.get(a));
    if (c.type === 'dcim.interface' && !('type' in c.after)) {
      // Made by NetBox from the device type's templates: look it up, then update it.
      const device = ids.get(formatAddress('netbox', 'dcim.device', c.after.device));
      const found = await call('GET', `${path}?device_id=${device}&name=${encodeURIComponent(c.after.name)}&brief=1`);
      await call('PATCH', `${path}${found.results[0].id}/`, payload);
      ids.set(c.address, found.results[0].id);
    } else {
      ids.set(c.address, (await call('POST', path, payload)).id);
    }
  }
  return { ms: performance.now() - t0, requests, objects: changes.length };
}

/** The same owned objects through the raw list API: sequential pages of 1000, full objects. */
async function rawRead(tag) {
  const dispatcher = netboxDispatcher(true);
  const get = async (path) => {
    const r = await fetch(`${nb.url}${path}`, { dispatcher, headers: { Authorization: `Token ${nb.token}`, Accept: 'application/json' } });
    if (!r.ok) throw new Error(`raw GET ${path} -> ${r.status}`);
    return r.json();
  };
  const all = async (path) => {
    const out = [];
    for (let next = `${nb.url}${path}${path.includes('?') ? '&' : '?'}limit=1000`; next; ) {
      const page = await get(next.slice(nb.url.length));
      out.push(...page.results);
      next = page.next;
    }
    return out;
  };
  const t0 = performance.now();
  let objects = (await all(`/api/extras/tags/?slug=${tag}`)).length;
  const types = [];
  for (const path of ['/api/dcim/sites/', '/api/dcim/manufacturers/', '/api/dcim/device-roles/', '/api/dcim/device-types/', '/api/dcim/devices/', '/api/dcim/interfaces/', '/api/dcim/cables/']) {
    const list = await all(`${path}?tag=${tag}`);
    objects += list.length;
    if (path === '/api/dcim/device-types/') types.push(...list.map((t) => t.id));
  }
  objects += (await all(`/api/dcim/interface-templates/?${types.map((id) => `device_type_id=${id}`).join('&')}`)).length;
  return { ms: performance.now() - t0, objects };
}

async function dietRead() {
  const target = createNetboxTarget(config);
  const t0 = performance.now();
  const live = await target.read({ cluster, desired });
  return { ms: performance.now() - t0, objects: live.filter((o) => o.owned).length, requests: target.http.requestCount };
}

const median = (runs) => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)];

await lockNetbox();
try {
  console.log(`NetBox apply benchmark: 128-GPU example (${desired.length} NetBox objects) applied to an empty NetBox ${nb.url}\n`);
  services('reset');
  const diet = await dietApply();
  console.log(`diet apply: ${(diet.ms / 1000).toFixed(1)} s, ${diet.requests} requests`);
  const left = await remainingChanges();
  if (left !== 0) throw new Error(`after diet's apply a plan still has ${left} changes`);
  const tag = `diet-${cluster}`;
  const dietReads = [];
  const rawReads = [];
  for (let i = 0; i < reads; i++) {
    dietReads.push(await dietRead());
    rawReads.push(await rawRead(tag));
  }
  services('reset');
  console.log(`reads: diet ${dietReads.map((r) => r.ms.toFixed(0)).join(', ')} ms; raw ${rawReads.map((r) => r.ms.toFixed(0)).join(', ')} ms`);
  const base = await baselineApply();
  console.log(`baseline apply: ${(base.ms / 1000).toFixed(1)} s, ${base.requests} requests\n`);
  const baseLeft = await remainingChanges();
  if (baseLeft !== 0) throw new Error(`after the baseline's apply a plan still has ${baseLeft} changes`);
  services('reset');

  const s = (ms) => (ms / 1000).toFixed(1);
  console.log(`${'client'.padEnd(44)}${'time s'.padStart(9)}${'requests'.padStart(10)}${'objects/s'.padStart(11)}`);
  console.log(`${'diet (probe + read + diff + bulk apply)'.padEnd(44)}${s(diet.ms).padStart(9)}${String(diet.requests).padStart(10)}${((diet.objects * 1000) / diet.ms).toFixed(1).padStart(11)}`);
  console.log(`${'baseline: one object per request'.padEnd(44)}${s(base.ms).padStart(9)}${String(base.requests).padStart(10)}${((base.objects * 1000) / base.ms).toFixed(1).padStart(11)}`);
  console.log(`\nSpeed-up diet vs one-per-request: ×${(base.ms / diet.ms).toFixed(2)} (target ≥ ×10)`);
  const dr = median(dietReads);
  const rr = median(rawReads);
  console.log(`\nLive read of the applied objects (median of ${reads}): diet ${dr.ms.toFixed(0)} ms (${dr.objects} owned objects, ${dr.requests} requests) vs raw paged list API ${rr.ms.toFixed(0)} ms (${rr.objects} objects)`);
  console.log(`Read time ratio diet / raw: ${(dr.ms / rr.ms).toFixed(2)} (target ≤ 1.5)`);
} finally {
  unlockNetbox();
}
