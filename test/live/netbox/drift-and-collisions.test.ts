// Against the real NetBox, with the small lab example: refusals before anything is written,
// drift from hand edits (owned attributes show up, others do not), stale saved plans, and
// unowned objects whose names collide with the spec (refused, never touched, handed over by
// tagging them on purpose; adoption through the spec is in adoption.test.ts). The tests of
// this file build on each other, in order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, diet, EXAMPLE_LAB, freshNetbox, LOCK_WAIT, rest, specVariant, tempState, unlockNetbox } from './netbox-fixtures.js';

const TAG = 'diet-lab';
const state = tempState();
const nine = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 9;
});
const ten = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 10;
});

beforeAll(() => freshNetbox(), LOCK_WAIT);
afterAll(() => unlockNetbox());

const device = async (name: string) => (await rest(`/api/dcim/devices/?name=${name}`)).body.results[0];

describe('refusals before anything is written', () => {
  it('refuses a plan with Kubernetes changes when no Kubernetes target is configured, writing nothing', async () => {
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--auto-approve', '--state', state]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error: no Kubernetes target configured for fabric frontend');
    expect(run.stderr).toContain('--target netbox');
    expect(await count('/api/extras/tags/')).toBe(0);
    expect(await count('/api/dcim/devices/')).toBe(0);
  });

  it('refuses to apply without --auto-approve when stdin is not a terminal', async () => {
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--state', state]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Plan: 125 to add, 0 to change, 0 to destroy.');
    expect(run.stderr).toContain('refusing to apply without approval: stdin is not a terminal');
    expect(await count('/api/dcim/devices/')).toBe(0);
  });

  it('applies the lab to NetBox', async () => {
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--state', state]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Apply complete! Resources: 125 added, 0 changed, 0 destroyed.');
    expect(await count(`/api/dcim/devices/?tag=${TAG}`)).toBe(11);
  }, 600_000);
});

describe('drift', () => {
  it('a hand edit of attributes diet does not own (serial, comments) is not a difference', async () => {
    const leaf = await device('leaf-02');
    expect((await rest(`/api/dcim/devices/${leaf.id}/`, 'PATCH', { serial: 'HAND-123', comments: 'racked by hand' })).status).toBe(200);
    const run = await diet(['diff', '-f', EXAMPLE_LAB, '--target', 'netbox', '--detailed-exitcode']);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('No differences. The live objects (netbox) match the spec.');
  });

  it('a hand edit of an attribute diet owns (device status) shows up in diet diff as drift', async () => {
    const leaf = await device('leaf-01');
    expect((await rest(`/api/dcim/devices/${leaf.id}/`, 'PATCH', { status: 'active' })).status).toBe(200);
    const run = await diet(['diff', '-f', EXAMPLE_LAB, '--target', 'netbox', '--detailed-exitcode']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('drift included');
    expect(run.stdout).toMatch(/~ netbox\.dcim\.device\[leaf-01\].*\n\s+~ status: "active" -> "planned"/);
    expect(run.stdout).toContain('Diff: 0 to add, 1 to change, 0 to destroy.');
    const json = JSON.parse((await diet(['diff', '-f', EXAMPLE_LAB, '--target', 'netbox', '--json'])).stdout);
    expect(json.resource_changes).toEqual([expect.objectContaining({ address: 'netbox.dcim.device[leaf-01]', action: 'update', attr_changes: [{ path: 'status', before: 'active', after: 'planned' }] })]);
  });

  it('a saved plan is refused as stale when NetBox changed after it was made', async () => {
    const file = join(state, '..', 'plan.json');
    const plan = await diet(['plan', '-f', EXAMPLE_LAB, '--target', 'netbox', '--refresh', 'live', '-o', file, '--state', state]);
    expect(plan.code, plan.stderr).toBe(0);
    const leaf = await device('leaf-01');
    await rest(`/api/dcim/devices/${leaf.id}/`, 'PATCH', { description: 'edited meanwhile' });
    const run = await diet(['apply', file, '--state', state]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the plan is stale: netbox.dcim.device[leaf-01] changed');
    expect((await device('leaf-01')).status.value).toBe('active');
  });

  it('apply takes the drift back and leaves attributes diet does not own alone', async () => {
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--state', state]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    expect(await device('leaf-01')).toMatchObject({ status: { value: 'planned' }, description: 'frontend/leaf' });
    expect(await device('leaf-02')).toMatchObject({ serial: 'HAND-123', comments: 'racked by hand' });
    expect((await diet(['diff', '-f', EXAMPLE_LAB, '--target', 'netbox', '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);
});

describe('unowned objects that collide with the spec', () => {
  let handMade: { id: number };

  it('a device made by hand with a name the spec wants is refused by plan and apply, with a message naming it', async () => {
    const created = await rest('/api/dcim/devices/', 'POST', { name: 'server-009', device_type: { slug: 'generic-server' }, role: { slug: 'server' }, site: { slug: 'hedgehog' }, status: 'active', serial: 'SN-9' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    handMade = created.body;
    for (const args of [['plan', '--refresh', 'live'], ['apply', '--auto-approve']]) {
      const run = await diet([...args, '-f', nine, '--target', 'netbox', '--state', state]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Error: netbox.dcim.device[server-009] already exists (id ${handMade.id}) but is not managed by diet: it lacks the tag diet-lab; diet will not overwrite or delete it`);
      expect(run.stderr).toContain('hint:');
    }
    const diff = await diet(['diff', '-f', nine, '--target', 'netbox']);
    expect(diff.stdout).toContain(`! netbox.dcim.device[server-009] exists (id ${handMade.id}) but is not managed by diet`);
    expect(await rest(`/api/dcim/devices/${handMade.id}/`)).toMatchObject({ body: { name: 'server-009', serial: 'SN-9', status: { value: 'active' }, tags: [] } });
  });

  it('an unowned device that the spec does not want is never deleted', async () => {
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--state', state]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('No changes.');
    expect((await rest(`/api/dcim/devices/${handMade.id}/`)).status).toBe(200);
  });

  it('tagging the device by hand hands it over to diet, which then updates instead of creating it', async () => {
    const tag = (await rest(`/api/extras/tags/?slug=${TAG}`)).body.results[0];
    await rest(`/api/dcim/devices/${handMade.id}/`, 'PATCH', { tags: [tag.id] });
    const run = await diet(['apply', '-f', nine, '--target', 'netbox', '--auto-approve', '--state', state, '--json']);
    expect(run.code, run.stdout.slice(-1500)).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ status: 'applied', failed: null });
    expect(result.summary.change).toBe(1);
    expect(await rest(`/api/dcim/devices/${handMade.id}/`)).toMatchObject({ body: { id: handMade.id, status: { value: 'planned' }, description: 'server', serial: 'SN-9' } });
    expect((await diet(['plan', '-f', nine, '--target', 'netbox', '--refresh', 'live', '--detailed-exitcode', '--state', state])).code).toBe(0);
  }, 600_000);

  it('a port made by hand on a switch diet owns, named like one the spec wants, is refused before anything is written', async () => {
    const leaf = await device('leaf-01');
    const port = await rest('/api/dcim/interfaces/', 'POST', { device: leaf.id, name: 'E1/3/2', type: '25gbase-x-sfp28', description: 'patched by hand' });
    expect(port.status, JSON.stringify(port.body)).toBe(201);
    const devices = await count('/api/dcim/devices/');
    for (const args of [['plan', '--refresh', 'live'], ['apply', '--auto-approve']]) {
      const run = await diet([...args, '-f', ten, '--target', 'netbox', '--state', state]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Error: netbox.dcim.interface[leaf-01:E1/3/2] already exists (id ${port.body.id}) but is not managed by diet: it lacks the tag ${TAG}`);
      expect(run.stderr).toContain('spec.adopt.netbox.devices: [leaf-01]');
    }
    expect(await count('/api/dcim/devices/')).toBe(devices);
    expect((await rest(`/api/dcim/interfaces/${port.body.id}/`)).body).toMatchObject({ description: 'patched by hand', tags: [] });
  }, 600_000);
});
