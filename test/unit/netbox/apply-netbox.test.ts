import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expandSpec } from '../../../src/engine/expand-spec.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import { createNetboxTarget } from '../../../src/targets/netbox/create-netbox-target.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { FakeNetbox } from '../../support/fake-netbox.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-apply-'));
const lab = readFileSync(new URL('../../../examples/lab/lab.yaml', import.meta.url), 'utf8');
let fake: FakeNetbox;

async function desiredOf(text: string): Promise<DesiredResource[]> {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return (await expandSpec([file])).desired.filter((d) => d.target === 'netbox');
}

function target(maxObjects = 500) {
  return createNetboxTarget({ url: fake.url, token: 'good-token', verifyTls: true, timeoutMs: 10_000 }, { chunking: { maxObjects } });
}

/** Reads, diffs and applies; returns the outcome and the changes that were applied. */
async function converge(desired: DesiredResource[], maxObjects = 500) {
  const t = target(maxObjects);
  const live = await t.read({ cluster: 'lab', desired });
  const changes = diffResources(desired, live.filter((o) => o.owned), { schemas: resourceSchema });
  const outcome = await t.apply(changes, new Map(live.map((o) => [o.address, o])), SILENT_EVENTS);
  return { outcome, changes: changes.filter((c) => c.action !== 'noop'), live };
}

async function remaining(desired: DesiredResource[]): Promise<number> {
  const live = await target().read({ cluster: 'lab', desired });
  return diffResources(desired, live.filter((o) => o.owned), { schemas: resourceSchema }).filter((c) => c.action !== 'noop').length;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  await fake?.stop();
  fake = new FakeNetbox();
  await fake.start();
});

describe('NetBox apply against an in-memory NetBox', () => {
  it('creates everything in bulk, patches template interfaces instead of duplicating them, and converges', async () => {
    const desired = await desiredOf(lab);
    const { outcome, changes } = await converge(desired);
    expect(outcome.failed).toBeUndefined();
    expect(outcome.applied).toHaveLength(changes.length);
    expect(await remaining(desired)).toBe(0);
    const leaf = fake.all('device').find((d) => d.name === 'leaf-01')!;
    const names = fake.all('iface').filter((i) => i.device === leaf.id).map((i) => i.name as string);
    expect(new Set(names).size).toBe(names.length);
    const templates = fake.all('itemplate').filter((t) => t.device_type === leaf.device_type).length;
    // Lanes of broken-out ports are not templates: diet creates those.
    const breakoutLanes = desired.filter((d) => d.type === 'dcim.interface' && d.key.startsWith('leaf-01:') && 'type' in d.attrs).length;
    expect(names.length).toBe(templates + breakoutLanes);
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeLessThan(20);
    expect(writes.some((r) => r.method === 'PATCH' && r.path === '/api/dcim/interfaces/')).toBe(true);
  });

  it('splits large runs into chunks of at most maxObjects', async () => {
    const desired = await desiredOf(lab);
    const { outcome } = await converge(desired, 4);
    expect(outcome.failed).toBeUndefined();
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    expect(Math.max(...writes.map((r) => r.items))).toBeLessThanOrEqual(4);
    expect(writes.filter((r) => r.path === '/api/dcim/cables/').length).toBe(Math.ceil(24 / 4));
    expect(await remaining(desired)).toBe(0);
  });

  it('removes servers: deletes cables and devices, leaves their interfaces to the cascade, releases template ports', async () => {
    await converge(await desiredOf(lab));
    fake.requests.length = 0;
    const smaller = await desiredOf(lab.replace('quantity: 8', 'quantity: 6'));
    const { outcome, changes } = await converge(smaller);
    expect(outcome.failed).toBeUndefined();
    expect(changes.filter((c) => c.type === 'dcim.device').map((c) => `${c.action} ${c.key}`)).toEqual(['delete server-007', 'delete server-008']);
    const interfaceDeletes = fake.requests.filter((r) => r.method === 'DELETE' && r.path === '/api/dcim/interfaces/');
    const serverIfaces = changes.filter((c) => c.type === 'dcim.interface' && c.key.startsWith('server-00')).length;
    expect(serverIfaces).toBeGreaterThan(0);
    expect(interfaceDeletes.reduce((n, r) => n + r.items, 0)).toBe(changes.filter((c) => c.type === 'dcim.interface' && c.action === 'delete' && !c.key.startsWith('server-')).length - releasedCount(changes));
    expect(await remaining(smaller)).toBe(0);
    expect(fake.all('device').map((d) => d.name)).not.toContain('server-008');
  });

  it('moves a zone: releases the old template ports (tag and description removed, port kept) and takes the new ones', async () => {
    await converge(await desiredOf(lab));
    const moved = await desiredOf(lab.replace('ports: "1-16", breakout: 1x100g', 'ports: "17-32", breakout: 1x100g'));
    const { outcome, changes } = await converge(moved);
    expect(outcome.failed).toBeUndefined();
    const spinePorts = changes.filter((c) => c.type === 'dcim.interface' && c.key.startsWith('spine-01:'));
    expect(spinePorts.filter((c) => c.action === 'delete').map((c) => c.key)).toContain('spine-01:E1/1');
    expect(spinePorts.filter((c) => c.action === 'create').map((c) => c.key)).toContain('spine-01:E1/17');
    const spine = fake.all('device').find((d) => d.name === 'spine-01')!;
    const port = (name: string) => fake.all('iface').find((i) => i.device === spine.id && i.name === name)!;
    expect(port('E1/1')).toMatchObject({ description: '', tags: [] });
    expect(port('E1/17').tags).toHaveLength(1);
    expect(await remaining(moved)).toBe(0);
  });

  it('turns a 400 into a per-object, per-field failure and stops before the next run', async () => {
    const desired = await desiredOf(lab);
    fake.rejectCreate = (table, item) => (table === 'device' && item.name === 'server-003' ? { name: ['a device with this name already exists'], __all__: ['also this'] } : undefined);
    const { outcome } = await converge(desired);
    expect(outcome.failed).toMatchObject({
      address: 'netbox.dcim.device[server-003]',
      action: 'create',
      status: 400,
      message: 'dcim.device[server-003]: also this; name: a device with this name already exists',
      fields: { name: ['a device with this name already exists'], __all__: ['also this'] },
    });
    expect(fake.all('device').map((d) => d.name)).not.toContain('server-003');
    expect(fake.requests.some((r) => r.method === 'POST' && r.path === '/api/dcim/interfaces/')).toBe(false);
    expect(outcome.applied.every((s) => !s.address.startsWith('netbox.dcim.interface['))).toBe(true);
  });

  it('sends a bulk write again when PostgreSQL rolled it back as a deadlock victim, and gives up after a few attempts', async () => {
    const desired = await desiredOf(lab);
    const deadlock = { status: 500, body: { error: 'deadlock detected DETAIL: Process 1 waits for ShareLock on transaction 2', exception: 'OperationalError' } };
    let deviceWrites = 0;
    fake.faultFor = (method, path) => (method === 'POST' && path === '/api/dcim/devices/' && ++deviceWrites <= 2 ? deadlock : undefined);
    const { outcome, changes } = await converge(desired);
    expect(outcome.failed).toBeUndefined();
    expect(outcome.applied).toHaveLength(changes.length);
    expect(deviceWrites).toBeGreaterThan(2);
    expect(await remaining(desired)).toBe(0);

    fake = new FakeNetbox();
    await fake.start();
    const attempts = new Map<string, number>();
    fake.faultFor = (method, path, body) => {
      if (method !== 'POST' || path !== '/api/dcim/devices/') return undefined;
      const first = String((body as { name: string }[])[0].name);
      attempts.set(first, (attempts.get(first) ?? 0) + 1);
      return deadlock;
    };
    const stuck = await converge(desired);
    expect(stuck.outcome.failed).toMatchObject({ status: 500, message: expect.stringContaining('deadlock detected') });
    // Every request of the failing wave was tried five times, none more.
    expect([...attempts.values()]).toEqual([...attempts.keys()].map(() => 5));
    expect(fake.all('device')).toHaveLength(0);
  });

  it('does not send a failed bulk write again for a 500 that is not a rolled-back conflict', async () => {
    const desired = await desiredOf(lab);
    const bodies: string[] = [];
    fake.faultFor = (method, path, body) => (method === 'POST' && path === '/api/dcim/devices/' ? (bodies.push(JSON.stringify(body)), { status: 500, body: { error: 'division by zero', exception: 'ZeroDivisionError' } }) : undefined);
    const { outcome } = await converge(desired);
    expect(outcome.failed).toMatchObject({ status: 500, message: expect.stringContaining('division by zero') });
    expect(bodies.length).toBeGreaterThan(0);
    expect(new Set(bodies).size).toBe(bodies.length);
  });

  it('reads an unowned object with a desired name as a collision and never writes to it', async () => {
    const desired = await desiredOf(lab);
    fake.tables.get('site')!.set(900, { id: 900, name: 'Default', slug: desired.find((d) => d.type === 'dcim.site')!.key, status: 'active', tags: [] });
    const live = await target().read({ cluster: 'lab', desired });
    const site = live.find((o) => o.type === 'dcim.site')!;
    expect(site).toMatchObject({ owned: false, remoteId: '900' });
  });
});

function releasedCount(changes: { type: string; action: string; key: string }[]): number {
  // Switch ports that exist as templates are released (PATCH), not deleted.
  return changes.filter((c) => c.type === 'dcim.interface' && c.action === 'delete' && /^(leaf|spine)-\d+:E1\/\d+$/.test(c.key)).length;
}
