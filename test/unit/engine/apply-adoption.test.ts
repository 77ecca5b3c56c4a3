// The whole engine path of adoption against the in-memory NetBox: the Cluster's
// `adopt` setting, the plan document's ownership marks, apply, and the adopted mark in state
// that later turns the device's removal from the spec into a release.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/diag/errors.js';
import { applyPlan } from '../../../src/engine/live/apply-plan.js';
import { planAgainstState } from '../../../src/engine/plan-spec.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { FakeNetbox } from '../../support/fake-netbox.js';
import { boundTo, planAndApply as planAndApplyTo, specOf } from '../../support/fake-netbox-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-adopt-engine-'));
const lab = readFileSync(new URL('../../../examples/lab/lab.yaml', import.meta.url), 'utf8');
const withAdopt = (text: string, adopt: string) => text.replace('  description: small lab fabric\n', `  description: small lab fabric\n  adopt:\n    netbox:\n${adopt}`);
const nineAdopting = withAdopt(lab.replace('quantity: 8', 'quantity: 9'), '      devices: [server-009]\n');
const SERVER = 'netbox.dcim.device[server-009]';
let fake: FakeNetbox;
let store: StateStore;

const spec = specOf;
const bound = () => boundTo(fake);
const planAndApply = (text: string) => planAndApplyTo(fake, store, text);

beforeEach(async () => {
  fake = new FakeNetbox();
  await fake.start();
  store = openStateStore(join(mkdtempSync(join(dir, 'state-')), 'state.db'));
  expect((await planAndApply(lab)).result.status).toBe('applied');
  const id = (table: string, slug: string) => fake.all(table).find((o) => o.slug === slug)!.id as number;
  fake.tables.get('device')!.set(900, { id: 900, name: 'server-009', device_type: id('dtype', 'generic-server'), role: id('role', 'server'), site: id('site', 'hedgehog'), status: 'active', description: '', serial: 'SN-9', tags: [] });
});
afterEach(async () => {
  store.close();
  await fake.stop();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('adoption through the spec', () => {
  it('without adopt the collision refuses the plan, with a hint naming the adopt setting', async () => {
    const error = await planAndApply(lab.replace('quantity: 8', 'quantity: 9')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).hint).toContain('spec.adopt.netbox.devices: [server-009]');
  });

  it('adopts, records the adoption in state, and then plans nothing (against live and against state)', async () => {
    const { document, result } = await planAndApply(nineAdopting);
    expect(result.status).toBe('applied');
    expect(document.resource_changes.find((c) => c.address === SERVER)).toMatchObject({ action: 'update', ownership: 'adopt' });
    expect(document.resource_changes.filter((c) => c.ownership !== undefined).map((c) => c.address)).toEqual([SERVER]);
    const recorded = store.managedResources('lab')!.resources;
    expect(recorded.filter((r) => r.adopted).map((r) => r.address)).toEqual([SERVER]);
    expect((await planAndApply(nineAdopting)).result.status).toBe('no-changes');
    expect(planAgainstState(await spec(nineAdopting), store, (a) => a.startsWith('netbox.')).document.resource_changes).toEqual([]);
  });

  it('releases the adopted device when the spec drops it; state forgets it and NetBox keeps it', async () => {
    await planAndApply(nineAdopting);
    const { document, result } = await planAndApply(lab);
    expect(result.status).toBe('applied');
    expect(document.resource_changes.find((c) => c.address === SERVER)).toMatchObject({ action: 'update', ownership: 'release' });
    expect(document.summary.destroy).toBe(document.resource_changes.filter((c) => c.action === 'delete').length);
    expect(fake.tables.get('device')!.get(900)).toMatchObject({ name: 'server-009', serial: 'SN-9', tags: [] });
    expect(store.managedResources('lab')!.resources.some((r) => r.address === SERVER)).toBe(false);
  });

  it('a state-based plan cannot see collisions: it creates, and apply refuses with the adopt hint', async () => {
    const s = await spec(nineAdopting);
    const planned = planAgainstState(s, store, (a) => a.startsWith('netbox.'));
    expect(planned.document.resource_changes.find((c) => c.address === SERVER)?.action).toBe('create');
    const error = await applyPlan({ document: planned.document, planId: planned.planId, bound: bound(), store, events: SILENT_EVENTS, now: () => 't' }).catch((e: unknown) => e);
    expect((error as TargetError).message).toContain(`${SERVER} already exists (id 900)`);
  });

  it('warns about an adopt entry that names nothing the spec wants', async () => {
    const s = await spec(withAdopt(lab, '      devices: [sever-003]\n      sites: all\n'));
    expect(s.diagnostics.map((d) => `${d.code} ${d.summary} ${d.hint}`)).toEqual(["DIET-R240 adopt.netbox.devices: the spec wants no device named 'sever-003' did you mean 'server-003'?"]);
  });

  it('a failed apply that adopted the device sets it back and releases it; the ports it made on it are deleted', async () => {
    fake.faultFor = (method, path) => (method === 'POST' && path === '/api/dcim/cables/' ? { status: 500, body: { detail: 'injected' } } : undefined);
    const { document, result } = await planAndApply(nineAdopting);
    expect(document.resource_changes.find((c) => c.address === SERVER)).toMatchObject({ action: 'update', ownership: 'adopt' });
    expect(result.applied.map((s) => s.address)).toContain(SERVER);
    expect(result.status).toBe('rolled-back');
    const device = fake.tables.get('device')!.get(900)!;
    expect(device).toMatchObject({ name: 'server-009', status: 'active', description: '', serial: 'SN-9', tags: [] });
    expect(fake.all('iface').filter((i) => i.device === 900)).toEqual([]);
    // State still knows nothing of it: the next apply adopts it again.
    fake.faultFor = undefined;
    expect((await planAndApply(nineAdopting)).result.status).toBe('applied');
    expect(fake.tables.get('device')!.get(900)!.tags).toHaveLength(1);
  });
});
