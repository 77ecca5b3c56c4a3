// A failed apply that adopted an object is rolled back by letting go of it, never by deleting
// it: the object is set back to what it held before (its own tags and attributes) and loses
// diet's tag; what the apply created on it is deleted. Against the in-memory NetBox, with a
// 500 injected into the cable writes that come after the adoption.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adoptionRules } from '../../../src/engine/adoption-rules.js';
import { expandSpec } from '../../../src/engine/expand-spec.js';
import { applyPlan } from '../../../src/engine/live/apply-plan.js';
import { planAgainstLive } from '../../../src/engine/live/plan-live.js';
import { readLive } from '../../../src/engine/live/read-live.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { createNetboxTarget } from '../../../src/targets/netbox/create-netbox-target.js';
import { FakeNetbox } from '../../support/fake-netbox.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-adopt-rollback-'));
const lab = readFileSync(new URL('../../../examples/lab/lab.yaml', import.meta.url), 'utf8');
const adoptingNine = lab.replace('quantity: 8', 'quantity: 9').replace('  description: small lab fabric\n', '  description: small lab fabric\n  adopt: {netbox: {devices: [server-009]}}\n');

let fake: FakeNetbox;
let store: StateStore;

async function planAndApply(text: string) {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  const spec = await expandSpec([file]);
  const bound: BoundTarget[] = [{ target: createNetboxTarget({ url: fake.url, token: 'good-token', verifyTls: true, timeoutMs: 10_000 }), scope: 'netbox', handles: (a) => a.startsWith('netbox.') }];
  const live = await readLive(bound, spec.desired.filter((d) => d.target === 'netbox'), spec.model.name, SILENT_EVENTS);
  const planned = planAgainstLive(spec, live, 'netbox', adoptionRules(spec.model, store.managedResources(spec.model.name)?.resources));
  return { document: planned.document, result: await applyPlan({ document: planned.document, planId: planned.planId, bound, store, events: SILENT_EVENTS, now: () => '2026-01-01T00:00:00Z' }) };
}

const tagSlugs = (o: Record<string, unknown>) => (o.tags as number[]).map((id) => fake.tables.get('tag')!.get(id)!.slug).sort();
const byName = (table: string, name: string) => fake.all(table).find((o) => o.name === name);

beforeEach(async () => {
  fake = new FakeNetbox();
  await fake.start();
  store = openStateStore(join(mkdtempSync(join(dir, 's-')), 'state.db'));
  expect((await planAndApply(lab)).result.status).toBe('applied');
});
afterEach(async () => {
  store.close();
  await fake.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rolling back an apply that adopted an object', () => {
  it('sets the adopted device back and releases it; the ports the apply made on it are deleted', async () => {
    const hand = { id: 900, name: 'server-009', device_type: byName('device', 'server-001')!.device_type, role: byName('device', 'server-001')!.role, site: byName('device', 'server-001')!.site, status: 'active', description: 'by hand', serial: 'SN-9', tags: [] as number[] };
    fake.tables.get('device')!.set(hand.id, { ...hand });
    fake.faultFor = (method, path) => (method === 'POST' && path === '/api/dcim/cables/' ? { status: 500, body: { detail: 'injected' } } : undefined);
    const { document, result } = await planAndApply(adoptingNine);
    expect(document.resource_changes.find((c) => c.address === 'netbox.dcim.device[server-009]')).toMatchObject({ action: 'update', ownership: 'adopt' });
    expect(result.applied.map((s) => s.address)).toContain('netbox.dcim.device[server-009]');
    expect(result.status).toBe('rolled-back');
    const device = fake.tables.get('device')!.get(hand.id)!;
    expect(device).toMatchObject({ name: 'server-009', status: 'active', description: 'by hand', serial: 'SN-9' });
    expect(tagSlugs(device)).toEqual([]);
    expect(fake.all('iface').filter((i) => i.device === hand.id)).toEqual([]);
    // State still knows nothing of it: the next plan adopts it again.
    fake.faultFor = undefined;
    const again = await planAndApply(adoptingNine);
    expect(again.result.status).toBe('applied');
    expect(tagSlugs(fake.tables.get('device')!.get(hand.id)!)).toEqual(['diet-lab']);
  });
});
