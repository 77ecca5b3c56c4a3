// Two diet clusters in one (in-memory) NetBox: cluster `lab` applies the lab example, then
// cluster `lab-b` (same lab, own device names) joins the catalog objects lab created instead of
// colliding on them. What is checked here is what goes over the wire: every write of a shared
// object keeps the other cluster's tag (PATCH bodies and the fake's stored objects), a joined
// device type's unchanged interface templates make the new switches' ports PATCHes, never
// duplicate POSTs, and a shared object a cluster no longer wants is released, not deleted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StalePlanError, TargetError } from '../../../src/diag/errors.js';
import { applyPlan } from '../../../src/engine/live/apply-plan.js';
import { planAgainstState } from '../../../src/engine/plan-spec.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { FakeNetbox } from '../../support/fake-netbox.js';
import { boundTo, planAndApply as planAndApplyTo, planLive as planLiveOn, specOf } from '../../support/fake-netbox-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-shared-'));
const lab = readFileSync(new URL('../../../examples/lab/lab.yaml', import.meta.url), 'utf8');
const labB = lab
  .replace('  name: lab\n', '  name: lab-b\n')
  .replace('  description: small lab fabric\n', '  description: small lab fabric\n  naming: {server: "b-server-{index:03d}", leaf: "b-leaf-{index:02d}", spine: "b-spine-{index:02d}"}\n');
const labBOtherSiteName = labB.replace('  description: small lab fabric\n', '  description: small lab fabric\n  site: {name: Hedgehog B, slug: hedgehog}\n');
// Cluster lab without its spine (and the leaves' uplinks to it): it no longer wants the role `spine`.
const spineClass = lab.slice(lab.indexOf('    - id: spine\n'));
const labWithoutSpine = lab.replace(spineClass, '').replace('        - {name: uplinks, type: uplink, ports: "29-32", breakout: 1x100g}\n', '');
const CATALOG = ['netbox.dcim.site[hedgehog]', 'netbox.dcim.manufacturer[celestica]', 'netbox.dcim.device_role[spine]', 'netbox.dcim.device_type[celestica-ds3000]'];

let fake: FakeNetbox;
let stores: Record<string, StateStore>;
let patches: { path: string; body: Record<string, unknown>[] }[];

const spec = specOf;
const bound = () => boundTo(fake);
const planLive = (text: string) => specOf(text).then((s) => planLiveOn(fake, stores[s.model.name], text));
const planAndApply = (text: string) => specOf(text).then((s) => planAndApplyTo(fake, stores[s.model.name], text));

const tagId = (slug: string) => fake.all('tag').find((t) => t.slug === slug)!.id;
const tagSlugs = (o: Record<string, unknown>) => (o.tags as number[]).map((id) => fake.tables.get('tag')!.get(id)!.slug).sort();
const bySlug = (table: string, slug: string) => fake.all(table).find((o) => o.slug === slug)!;
const patchesTo = (path: string) => patches.filter((p) => p.path === path).flatMap((p) => p.body);

beforeEach(async () => {
  fake = new FakeNetbox();
  await fake.start();
  patches = [];
  fake.faultFor = (method, path, body) => {
    if (method === 'PATCH') patches.push({ path, body: body as Record<string, unknown>[] });
    return undefined;
  };
  stores = { lab: openStateStore(join(mkdtempSync(join(dir, 'a-')), 'state.db')), 'lab-b': openStateStore(join(mkdtempSync(join(dir, 'b-')), 'state.db')) };
  expect((await planAndApply(lab)).result.status).toBe('applied');
});
afterEach(async () => {
  for (const s of Object.values(stores)) s.close();
  await fake.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('two diet clusters sharing one NetBox', () => {
  it('lab-b wanting the shared site under another name is refused, naming cluster lab and the difference; nothing is written', async () => {
    const devices = fake.all('device').length;
    const writes = fake.requests.filter((r) => r.method !== 'GET').length;
    const error = await planAndApply(labBOtherSiteName).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).message).toBe('netbox.dcim.site[hedgehog] belongs to diet cluster lab (tag diet-lab) and differs from this spec in name; diet shares it only as it is');
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expect(fake.all('device')).toHaveLength(devices);
    expect(tagSlugs(bySlug('site', 'hedgehog'))).toEqual(['diet-lab']);
  });

  it("lab-b joins lab's catalog objects: same objects, PATCHed with both tags, nothing created twice", async () => {
    const before = { site: bySlug('site', 'hedgehog').id, maker: bySlug('manufacturer', 'celestica').id, spine: bySlug('role', 'spine').id, type: bySlug('dtype', 'celestica-ds3000').id };
    const templates = fake.all('itemplate').length;
    fake.requests.length = 0;
    const { document, result } = await planAndApply(labB);
    expect(result.status).toBe('applied');
    const adopted = document.resource_changes.filter((c) => c.ownership === 'adopt').map((c) => c.address);
    expect(adopted).toEqual(expect.arrayContaining(CATALOG));
    expect(adopted.every((a) => /^netbox\.dcim\.(site|manufacturer|device_role|device_type)\[/.test(a))).toBe(true);
    expect(document.resource_changes.filter((c) => c.type === 'dcim.interface_template')).toEqual([]);

    // Same objects, both clusters' tags on each, and the PATCH itself carried lab's tag.
    expect({ site: bySlug('site', 'hedgehog').id, maker: bySlug('manufacturer', 'celestica').id, spine: bySlug('role', 'spine').id, type: bySlug('dtype', 'celestica-ds3000').id }).toEqual(before);
    for (const o of [bySlug('site', 'hedgehog'), bySlug('manufacturer', 'celestica'), bySlug('role', 'spine'), bySlug('dtype', 'celestica-ds3000')]) expect(tagSlugs(o)).toEqual(['diet-lab', 'diet-lab-b']);
    const typePatch = patchesTo('/api/dcim/device-types/').find((b) => b.id === before.type)!;
    expect(typePatch.tags).toEqual(expect.arrayContaining([tagId('diet-lab-b'), { slug: 'diet-lab' }]));
    expect(fake.all('dtype').filter((t) => t.slug === 'celestica-ds3000')).toHaveLength(1);
    expect(fake.all('itemplate')).toHaveLength(templates);
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === '/api/dcim/interface-templates/')).toBe(false);
  });

  it("a joined device type whose templates all match: lab-b's new switches get their ports from the templates, PATCHed once each, not POSTed again", async () => {
    const { result } = await planAndApply(labB);
    expect(result.failed).toBeUndefined();
    expect(result.status).toBe('applied');
    const leaf = fake.all('device').find((d) => d.name === 'b-leaf-01')!;
    expect(tagSlugs(leaf)).toEqual(['diet-lab-b']);
    const ports = fake.all('iface').filter((i) => i.device === leaf.id);
    const names = ports.map((i) => String(i.name));
    expect(new Set(names).size).toBe(names.length);
    const templates = fake.all('itemplate').filter((t) => t.device_type === leaf.device_type).length;
    expect(templates).toBeGreaterThan(0);
    // E1/29 is an uplink port (1x100g) lab-b wants: the template-made interface, tagged by a PATCH.
    const uplink = ports.filter((i) => i.name === 'E1/29');
    expect(uplink).toHaveLength(1);
    expect(tagSlugs(uplink[0])).toEqual(['diet-lab-b']);
    expect(patchesTo('/api/dcim/interfaces/').some((b) => b.id === uplink[0].id)).toBe(true);
    // No POSTed interface bears a template's name on b-leaf-01 (only breakout lanes are created).
    const templateNames = new Set(fake.all('itemplate').filter((t) => t.device_type === leaf.device_type).map((t) => String(t.name)));
    expect(names.filter((n) => templateNames.has(n))).toHaveLength(templates);
  });

  it("neither cluster sees the other's tag as drift", async () => {
    await planAndApply(labB);
    expect((await planLive(lab)).document.resource_changes).toEqual([]);
    expect((await planLive(labB)).document.resource_changes).toEqual([]);
  });

  it("an update of a shared object's tags keeps the other cluster's tag", async () => {
    await planAndApply(labB);
    // A tag added by hand to the shared site is drift for lab, which created the site.
    fake.tables.get('tag')!.set(800, { id: 800, name: 'rack-a', slug: 'rack-a', color: '9e9e9e', description: '' });
    const site = bySlug('site', 'hedgehog');
    site.tags = [...(site.tags as number[]), 800];
    patches.length = 0;
    const { document, result } = await planAndApply(lab);
    expect(result.status).toBe('applied');
    expect(document.resource_changes.map((c) => `${c.action} ${c.address} ${c.ownership ?? ''}`.trim())).toEqual(['update netbox.dcim.site[hedgehog]']);
    expect(patchesTo('/api/dcim/sites/')).toEqual([{ id: site.id, tags: [tagId('diet-lab'), { slug: 'diet-lab-b' }] }]);
    expect(tagSlugs(bySlug('site', 'hedgehog'))).toEqual(['diet-lab', 'diet-lab-b']);
    expect((await planLive(labB)).document.resource_changes).toEqual([]);
  });

  it('a plan against state that would delete a shared role is refused before anything is written', async () => {
    await planAndApply(labB);
    const planned = planAgainstState(await spec(labWithoutSpine), stores.lab, (a) => a.startsWith('netbox.'));
    expect(planned.document.resource_changes.find((c) => c.address === 'netbox.dcim.device_role[spine]')?.action).toBe('delete');
    const writes = fake.requests.filter((r) => r.method !== 'GET').length;
    const error = await applyPlan({ document: planned.document, planId: planned.planId, bound: bound(), store: stores.lab, events: SILENT_EVENTS, now: () => 't' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as StalePlanError).message).toBe('the plan would delete netbox.dcim.device_role[spine], which diet cluster lab-b uses too (tag diet-lab-b)');
    expect(fake.requests.filter((r) => r.method !== 'GET').length).toBe(writes);
    expect(fake.all('device').some((d) => d.name === 'spine-01')).toBe(true);
  });

  it('lab dropping its spine releases the shared role through a PATCH that keeps only lab-b tag; both plans are empty after', async () => {
    await planAndApply(labB);
    const spine = bySlug('role', 'spine');
    patches.length = 0;
    const { document, result } = await planAndApply(labWithoutSpine);
    expect(result.status).toBe('applied');
    expect(document.resource_changes.find((c) => c.address === 'netbox.dcim.device_role[spine]')).toMatchObject({ action: 'update', ownership: 'release' });
    expect(document.resource_changes.find((c) => c.address === 'netbox.dcim.device[spine-01]')?.action).toBe('delete');
    expect(patchesTo('/api/dcim/device-roles/')).toEqual([{ id: spine.id, tags: [{ slug: 'diet-lab-b' }] }]);
    expect(fake.tables.get('role')!.get(spine.id)).toBeDefined();
    expect(tagSlugs(bySlug('role', 'spine'))).toEqual(['diet-lab-b']);
    expect(fake.all('device').map((d) => d.name)).not.toContain('spine-01');
    expect(fake.all('device').map((d) => d.name)).toContain('b-spine-01');
    expect((await planLive(labWithoutSpine)).document.resource_changes).toEqual([]);
    expect((await planLive(labB)).document.resource_changes).toEqual([]);
  });

  it("a failed join is rolled back: the shared objects keep lab's tag and lose only lab-b's", async () => {
    const record = fake.faultFor;
    fake.faultFor = (method, path, body) => record?.(method, path, body) ?? (method === 'POST' && path === '/api/dcim/devices/' ? { status: 500, body: { detail: 'injected' } } : undefined);
    const { result } = await planAndApply(labB);
    expect(result.status, JSON.stringify((result as any).rollback, null, 1).slice(0, 3000)).toBe('rolled-back');
    for (const address of CATALOG) {
      const [table, slug] = address === CATALOG[0] ? ['site', 'hedgehog'] : address === CATALOG[1] ? ['manufacturer', 'celestica'] : address === CATALOG[2] ? ['role', 'spine'] : ['dtype', 'celestica-ds3000'];
      expect(tagSlugs(bySlug(table, slug)), address).toEqual(['diet-lab']);
    }
    fake.faultFor = record;
    expect((await planLive(lab)).document.resource_changes).toEqual([]);
  });
});
