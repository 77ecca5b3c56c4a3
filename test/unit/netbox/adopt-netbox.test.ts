// Adoption against the in-memory NetBox: a hand-made device with a name the spec wants is
// taken over only when the spec adopts it (tagged, owned attributes set, its other tags and
// fields kept), is stable afterwards, and is released — not deleted — when the spec drops it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { diffLive } from '../../../src/engine/live/diff-live.js';
import { expandSpec } from '../../../src/engine/expand-spec.js';
import type { AdoptionRules } from '../../../src/plan/diff-with-adoption.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import { adoptionCovers } from '../../../src/targets/netbox/adoption-coverage.js';
import { createNetboxTarget } from '../../../src/targets/netbox/create-netbox-target.js';
import { SILENT_EVENTS, type LiveObject } from '../../../src/targets/live-target.js';
import { FakeNetbox } from '../../support/fake-netbox.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-adopt-'));
const lab = readFileSync(new URL('../../../examples/lab/lab.yaml', import.meta.url), 'utf8');
const nine = lab.replace('quantity: 8', 'quantity: 9');
const SERVER = 'netbox.dcim.device[server-009]';
let fake: FakeNetbox;

async function desiredOf(text: string): Promise<DesiredResource[]> {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return (await expandSpec([file])).desired.filter((d) => d.target === 'netbox');
}

const target = () => createNetboxTarget({ url: fake.url, token: 'good-token', verifyTls: true, timeoutMs: 10_000 });

function rules(over: Partial<AdoptionRules> = {}): AdoptionRules {
  return { adopted: new Set(), ownershipTag: 'diet-lab', ...over };
}

/** Reads and diffs with the given adoption rules; applies when asked. */
async function plan(desired: DesiredResource[], adoption: AdoptionRules) {
  const live = (await target().read({ cluster: 'lab', desired })) as LiveObject[];
  const diff = diffLive(desired, { owned: live.filter((o) => o.owned), collisions: live.filter((o) => !o.owned && desired.some((d) => d.address === o.address)) }, adoption);
  const changes = diff.changes.filter((c) => c.action !== 'noop');
  return { changes, collisions: diff.collisions, apply: () => target().apply(changes, new Map(live.map((o) => [o.address, o])), SILENT_EVENTS) };
}

/** The lab applied, plus a device made by hand (with a tag of its own) that the nine-server spec wants. */
async function labWithHandMadeDevice(): Promise<number> {
  expect((await (await plan(await desiredOf(lab), rules())).apply()).failed).toBeUndefined();
  const id = (table: string, pred: (o: Record<string, unknown>) => boolean) => fake.all(table).find(pred)!.id as number;
  fake.tables.get('tag')!.set(800, { id: 800, name: 'rack-a', slug: 'rack-a', color: '9e9e9e', description: '' });
  const device = { id: 900, name: 'server-009', device_type: id('dtype', (o) => o.slug === 'generic-server'), role: id('role', (o) => o.slug === 'server'), site: id('site', () => true), status: 'active', description: '', serial: 'SN-9', tags: [800] };
  fake.tables.get('device')!.set(900, device);
  return 900;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  await fake?.stop();
  fake = new FakeNetbox();
  await fake.start();
});

describe('adopting hand-made NetBox objects', () => {
  it('is a collision without adopt', async () => {
    await labWithHandMadeDevice();
    const { collisions } = await plan(await desiredOf(nine), rules());
    expect(collisions.map((c) => c.address)).toEqual([SERVER]);
  });

  it('with adopt: one PATCH of its id sets diet attributes and tag, keeps its own tag and serial, and converges', async () => {
    const id = await labWithHandMadeDevice();
    const desired = await desiredOf(nine);
    const adopt = rules({ covers: (type, key) => type === 'dcim.device' && key === 'server-009' });
    const planned = await plan(desired, adopt);
    expect(planned.collisions).toEqual([]);
    const device = planned.changes.find((c) => c.address === SERVER)!;
    expect(device).toMatchObject({ action: 'update', ownership: 'adopt' });
    expect(planned.changes.filter((c) => c.action === 'create' && c.type === 'dcim.device')).toEqual([]);
    fake.requests.length = 0;
    expect((await planned.apply()).failed).toBeUndefined();
    expect(fake.requests.filter((r) => r.path === '/api/dcim/devices/').map((r) => r.method)).toEqual(['PATCH']);
    const tag = fake.all('tag').find((t) => t.slug === 'diet-lab')!;
    expect(fake.tables.get('device')!.get(id)).toMatchObject({ status: 'planned', description: 'server', serial: 'SN-9', tags: expect.arrayContaining([800, tag.id]) });
    const again = await plan(desired, rules({ adopted: new Set([SERVER]) }));
    expect(again.changes).toEqual([]);
  });

  it('released when the spec drops it: diet tag removed, device kept, what diet created on it deleted', async () => {
    const id = await labWithHandMadeDevice();
    const adopt = rules({ covers: (type, key) => type === 'dcim.device' && key === 'server-009' });
    expect((await (await plan(await desiredOf(nine), adopt)).apply()).failed).toBeUndefined();
    const planned = await plan(await desiredOf(lab), rules({ adopted: new Set([SERVER]) }));
    expect(planned.changes.filter((c) => c.action === 'delete' && c.type === 'dcim.device')).toEqual([]);
    expect(planned.changes.find((c) => c.address === SERVER)).toMatchObject({ action: 'update', ownership: 'release', after: { tags: ['rack-a'] } });
    expect((await planned.apply()).failed).toBeUndefined();
    expect(fake.tables.get('device')!.get(id)).toMatchObject({ name: 'server-009', serial: 'SN-9', tags: [800] });
    expect(fake.all('iface').filter((i) => i.device === id)).toEqual([]);
    expect((await plan(await desiredOf(lab), rules())).changes).toEqual([]);
  });

  it('adopting a switch device type adopts its existing interface templates instead of creating them again, and never deletes its extra ones', async () => {
    const desired = await desiredOf(lab);
    const type = desired.find((d) => d.type === 'dcim.device_type' && d.key === 'celestica-ds3000')!;
    const wanted = desired.filter((d) => d.type === 'dcim.interface_template' && d.key.startsWith('celestica-ds3000:'));
    fake.tables.get('manufacturer')!.set(700, { id: 700, name: 'Celestica', slug: 'celestica', tags: [] });
    fake.tables.get('dtype')!.set(701, { id: 701, manufacturer: 700, model: String(type.attrs.model), slug: 'celestica-ds3000', u_height: 1, tags: [] });
    const existing = [...wanted.slice(0, 2).map((t) => ({ name: String(t.attrs.name), type: String(t.attrs.type) })), { name: 'Console0', type: 'other' }];
    existing.forEach((t, i) => fake.tables.get('itemplate')!.set(710 + i, { id: 710 + i, device_type: 701, ...t }));

    const refused = await plan(desired, rules());
    expect(refused.collisions.map((c) => c.address)).toEqual(expect.arrayContaining(['netbox.dcim.device_type[celestica-ds3000]', wanted[0].address, wanted[1].address]));

    const covers = adoptionCovers({ kinds: { deviceTypes: ['celestica-ds3000'], manufacturers: ['celestica'] }, origins: {} });
    const adopting = await plan(desired, rules({ covers }));
    expect(adopting.collisions.map((c) => c.address)).toEqual([]);
    expect(adopting.changes.filter((c) => c.ownership === 'adopt').map((c) => c.key)).toEqual(['celestica', 'celestica-ds3000']);
    expect(adopting.changes.filter((c) => c.type === 'dcim.interface_template').length).toBe(wanted.length - 2);
    fake.requests.length = 0;
    expect((await adopting.apply()).failed).toBeUndefined();
    expect(fake.all('itemplate').filter((t) => t.device_type === 701)).toHaveLength(wanted.length + 1);

    const adopted = new Set(['netbox.dcim.device_type[celestica-ds3000]', 'netbox.dcim.manufacturer[celestica]']);
    expect((await plan(desired, rules({ adopted }))).changes).toEqual([]);
    expect(fake.all('itemplate').some((t) => t.name === 'Console0')).toBe(true);
  });
});

describe('adoptionCovers', () => {
  const covers = adoptionCovers({ kinds: { devices: ['server-009'], deviceTypes: ['generic-server'] }, origins: {} });

  it('covers the parts of an adopted object through it, and nothing of other objects', () => {
    expect(covers('dcim.device', 'server-009')).toBe(true);
    expect(covers('dcim.device', 'server-010')).toBe(false);
    expect(covers('dcim.interface', 'server-009:nic0-port0')).toBe(true);
    expect(covers('dcim.interface', 'server-0090:nic0-port0')).toBe(false);
    expect(covers('dcim.interface', 'leaf-01:E1/3/1')).toBe(false);
    expect(covers('dcim.interface_template', 'generic-server:eth0')).toBe(true);
    expect(covers('dcim.interface_template', 'celestica-ds3000:E1/1')).toBe(false);
  });

  it('covers a cable when a device at either end is adopted', () => {
    expect(covers('dcim.cable', 'server-009:nic0-port0--leaf-01:E1/3/1')).toBe(true);
    expect(covers('dcim.cable', 'leaf-01:E1/3/1--server-009:nic0-port0')).toBe(true);
    expect(covers('dcim.cable', 'leaf-01:E1/3/1+leaf-01:E1/3/2--server-009:nic0-port0')).toBe(true);
    expect(covers('dcim.cable', 'server-008:nic0-port0--leaf-01:E1/2/4')).toBe(false);
  });
});
