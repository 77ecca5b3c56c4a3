// Adoption against the real NetBox, with the small lab example: a manufacturer and a switch
// device type (with interface templates) that exist before the first apply are adopted instead
// of created; a device made by hand (with a tag of its
// own, and one of the ports the spec wants) whose name the spec wants is refused until the
// Cluster adopts it; adopting tags it and that port in place (same ids, its own tag, serial and
// the port's MTU kept), after which the plan is empty; and dropping it from the spec releases
// both (diet's tag removed) instead of deleting them.
// The tests of this file build on each other, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, diet, EXAMPLE_LAB, farEnd, freshNetbox, listAll, LOCK_WAIT, rest, specVariant, tempState, unlockNetbox } from './netbox-fixtures.js';

const TAG = 'diet-lab';
const SERVER = 'netbox.dcim.device[server-009]';
const state = tempState();
const nine = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 9;
});
const labAdoptingMaker = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind === 'Cluster') doc.spec.adopt = { netbox: { manufacturers: ['celestica'], deviceTypes: ['celestica-ds3000'] } };
});
const adopting = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind !== 'Cluster') return;
  doc.spec.serverClasses[0].quantity = 9;
  doc.spec.adopt = { netbox: { devices: ['server-009'] } };
});

beforeAll(() => freshNetbox(), LOCK_WAIT);
afterAll(() => unlockNetbox());

const tagSlugs = (o: { tags: { slug: string }[] }) => o.tags.map((t) => t.slug).sort();
const netbox = (args: string[]) => diet([...args, '--target', 'netbox', '--state', state]);

describe('adopting objects that exist before diet', () => {
  let handMade: { id: number };
  let handPort: { id: number };

  it('applies the lab over a manufacturer and a switch type made by hand, adopting them and the type\'s templates', async () => {
    const maker = await rest('/api/dcim/manufacturers/', 'POST', { name: 'celestica', slug: 'celestica', description: 'by hand' });
    expect(maker.status, JSON.stringify(maker.body)).toBe(201);
    const type = await rest('/api/dcim/device-types/', 'POST', { manufacturer: maker.body.id, model: 'DS3000 (by hand)', slug: 'celestica-ds3000', u_height: 1, comments: 'racked' });
    expect(type.status, JSON.stringify(type.body)).toBe(201);
    // One template the spec wants (with another type) and one it does not.
    for (const name of ['E1/10', 'Console0']) expect((await rest('/api/dcim/interface-templates/', 'POST', { device_type: type.body.id, name, type: 'other' })).status).toBe(201);
    const run = await netbox(['apply', '-f', labAdoptingMaker, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('~ netbox.dcim.manufacturer[celestica] (adopt existing object)');
    expect(run.stdout).toContain('~ netbox.dcim.device_type[celestica-ds3000] (adopt existing object)');
    expect(run.stdout).toContain('~ netbox.dcim.interface_template[celestica-ds3000:E1/10] (adopt existing object)');
    expect(run.stdout).toContain('Apply complete! Resources: 122 added, 3 changed, 0 destroyed.');
    const after = (await rest(`/api/dcim/manufacturers/${maker.body.id}/`)).body;
    expect(after).toMatchObject({ id: maker.body.id, name: 'Celestica', description: 'by hand' });
    expect(tagSlugs(after)).toEqual([TAG]);
    const typeAfter = (await rest(`/api/dcim/device-types/${type.body.id}/`)).body;
    expect(typeAfter).toMatchObject({ model: 'DS3000', comments: 'racked' });
    expect(tagSlugs(typeAfter)).toEqual([TAG]);
    const templates = await listAll(`/api/dcim/interface-templates/?device_type_id=${type.body.id}`);
    expect(templates.filter((t) => t.name === 'E1/10').map((t) => t.type.value)).toEqual(['100gbase-x-qsfp28']);
    expect(templates.filter((t) => t.name === 'Console0')).toHaveLength(1);
    const leaf = (await rest('/api/dcim/devices/?name=leaf-01')).body.results[0];
    expect((await rest(`/api/dcim/interfaces/?device_id=${leaf.id}&name=Console0`)).body.results[0].tags).toEqual([]);
    // State remembers the adoption: a spec that no longer lists it changes nothing.
    expect((await netbox(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);

  it('then a device named like the ninth server is made by hand, with a tag of its own', async () => {
    expect((await rest('/api/extras/tags/', 'POST', { name: 'rack-a', slug: 'rack-a' })).status).toBe(201);
    const created = await rest('/api/dcim/devices/', 'POST', { name: 'server-009', device_type: { slug: 'generic-server' }, role: { slug: 'server' }, site: { slug: 'hedgehog' }, status: 'active', serial: 'SN-9', tags: [{ slug: 'rack-a' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    handMade = created.body;
    // One of the ports the spec wants on it exists already, by hand.
    const port = await rest('/api/dcim/interfaces/', 'POST', { device: handMade.id, name: 'nic0-port0', type: '1000base-t', description: 'by hand', mtu: 9000 });
    expect(port.status, JSON.stringify(port.body)).toBe(201);
    handPort = port.body;
  }, 600_000);

  it('without adopt, plan and apply refuse the collision and name the adopt setting', async () => {
    for (const args of [['plan', '--refresh', 'live'], ['apply', '--auto-approve']]) {
      const run = await netbox([...args, '-f', nine]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Error: ${SERVER} already exists (id ${handMade.id}) but is not managed by diet: it lacks the tag ${TAG}`);
      expect(run.stderr).toContain('spec.adopt.netbox.devices: [server-009]');
    }
    expect((await rest(`/api/dcim/devices/${handMade.id}/`)).body).toMatchObject({ status: { value: 'active' }, serial: 'SN-9' });
  });

  it('with adopt, the plan shows the adoption as an update of the existing device', async () => {
    const run = await netbox(['plan', '-f', adopting, '--refresh', 'live']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('netbox dcim.device: 1 to adopt\n');
    expect(run.stdout).toContain('netbox dcim.interface: 3 to create, 1 to adopt\n');
    expect(run.stdout).toContain('~ netbox.dcim.interface[server-009:nic0-port0] (adopt existing object)');
    expect(run.stdout).toMatch(/~ netbox\.dcim\.device\[server-009\] \(adopt existing object\).*\n(\s+~ .*\n)*\s+~ tags: +\["rack-a"\] -> \["diet-lab","rack-a"\]/);
    expect(run.stdout).toContain('Ownership: 2 to adopt, 0 to release (adopted objects are never destroyed).');
    expect(run.stdout).not.toMatch(/\+ netbox\.dcim\.device\[server-009\]/);
  });

  it('apply tags the device in place (same id, own tag and serial kept), and the next plan is empty', async () => {
    const run = await netbox(['apply', '-f', adopting, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Apply complete! Resources: \d+ added, 2 changed, 0 destroyed\./);
    const device = (await rest(`/api/dcim/devices/${handMade.id}/`)).body;
    expect(tagSlugs(device)).toEqual([TAG, 'rack-a']);
    expect(device).toMatchObject({ id: handMade.id, name: 'server-009', serial: 'SN-9', status: { value: 'planned' }, description: 'server' });
    expect((await rest(`/api/dcim/interfaces/?device_id=${handMade.id}&tag=${TAG}`)).body.count).toBe(2);
    // The port made by hand was adopted with the device: same id, diet's attributes, its MTU kept.
    const port = (await rest(`/api/dcim/interfaces/${handPort.id}/`)).body;
    expect(port).toMatchObject({ name: 'nic0-port0', type: { value: '25gbase-x-sfp28' }, description: 'NIC nic0', mtu: 9000 });
    expect(tagSlugs(port)).toEqual([TAG]);
    expect(await farEnd('server-009', 'nic0-port0')).toBe('leaf-01:E1/3/1');
    const again = await netbox(['plan', '-f', adopting, '--refresh', 'live', '--detailed-exitcode']);
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toContain('No changes.');
  }, 600_000);

  it('dropped from the spec, the device is released, not deleted: diet tag removed, its own tag kept', async () => {
    const plan = await netbox(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live']);
    expect(plan.stdout).toContain(`~ ${SERVER} (release: diet's tag removed, object kept)`);
    expect(plan.stdout).not.toMatch(/- netbox\.dcim\.device\[server-009\]/);
    const run = await netbox(['apply', '-f', EXAMPLE_LAB, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    const device = await rest(`/api/dcim/devices/${handMade.id}/`);
    expect(device.status).toBe(200);
    expect(tagSlugs(device.body)).toEqual(['rack-a']);
    expect(device.body).toMatchObject({ name: 'server-009', serial: 'SN-9' });
    expect((await rest(`/api/dcim/interfaces/?device_id=${handMade.id}&tag=${TAG}`)).body.count).toBe(0);
    // The adopted port is released with it; the one diet created on it is deleted.
    const port = await rest(`/api/dcim/interfaces/${handPort.id}/`);
    expect(port.status).toBe(200);
    expect(tagSlugs(port.body)).toEqual([]);
    expect(await count(`/api/dcim/interfaces/?device_id=${handMade.id}`)).toBe(1);
    expect((await diet(['diff', '-f', EXAMPLE_LAB, '--target', 'netbox', '--state', state, '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);
});
