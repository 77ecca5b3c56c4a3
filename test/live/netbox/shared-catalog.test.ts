// Two clusters in one real NetBox, with the small lab example twice (cluster `lab`, and
// cluster `lab-b` with its own device names): the second joins the site, manufacturer, roles and
// device types the first created (tagged for both, same ids, interface templates shared) instead
// of colliding on them, and is refused when it wants one of them differently; neither cluster
// sees the other's tag as drift; a failed join is rolled back without touching the first
// cluster's objects; and a cluster that stops using a shared object releases it
// (only its own tag removed) instead of deleting it — a plan against state, which cannot know,
// is refused before anything is written. The tests of this file build on each other, in order.
import { describe, expect, it } from 'vitest';
import { count, diet, EXAMPLE_LAB, freshNetboxBehindProxy, rest, specVariant, tempState } from './netbox-fixtures.js';

const stateA = tempState();
const stateB = tempState();
const asClusterB = (doc: any) => {
  if (doc.kind !== 'Cluster') return;
  doc.metadata.name = 'lab-b';
  doc.spec.naming = { server: 'b-server-{index:03d}', leaf: 'b-leaf-{index:02d}', spine: 'b-spine-{index:02d}' };
};
const labB = specVariant(EXAMPLE_LAB, asClusterB);
const labBOtherSiteName = specVariant(EXAMPLE_LAB, (doc) => {
  asClusterB(doc);
  if (doc.kind === 'Cluster') doc.spec.site = { name: 'Hedgehog B', slug: 'hedgehog' };
});
// Cluster lab without its spine: it no longer wants the device role `spine`, which lab-b uses.
const labWithoutSpine = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind !== 'Fabric') return;
  doc.spec.switchClasses = doc.spec.switchClasses.filter((c: any) => c.id !== 'spine');
  for (const c of doc.spec.switchClasses) c.zones = c.zones.filter((z: any) => z.type !== 'uplink');
});

const proxy = freshNetboxBehindProxy();

const a = (args: string[]) => diet([...args, '--target', 'netbox', '--state', stateA]);
const b = (args: string[]) => diet([...args, '--target', 'netbox', '--state', stateB]);
const one = async (path: string) => (await rest(path)).body.results[0];
const tagsOf = (o: { tags: { slug: string }[] }) => o.tags.map((t) => t.slug).sort();

describe('two clusters in one NetBox', () => {
  let catalogIds: Record<string, number>;

  it('cluster lab applies the lab', async () => {
    const run = await a(['apply', '-f', EXAMPLE_LAB, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    catalogIds = {
      site: (await one('/api/dcim/sites/?slug=hedgehog')).id,
      manufacturer: (await one('/api/dcim/manufacturers/?slug=celestica')).id,
      spine: (await one('/api/dcim/device-roles/?slug=spine')).id,
      switchType: (await one('/api/dcim/device-types/?slug=celestica-ds3000')).id,
    };
  }, 600_000);

  it('cluster lab-b is refused when it wants a shared object differently, naming the owner and the difference; nothing is written', async () => {
    const devices = await count('/api/dcim/devices/');
    for (const args of [['plan', '--refresh', 'live'], ['apply', '--auto-approve']]) {
      const run = await b([...args, '-f', labBOtherSiteName]);
      expect(run.code, run.stdout).toBe(1);
      expect(run.stderr).toContain('Error: netbox.dcim.site[hedgehog] belongs to diet cluster lab (tag diet-lab) and differs from this spec in name; diet shares it only as it is');
      expect(run.stderr).toContain('make the specs agree on it');
    }
    const diff = await b(['diff', '-f', labBOtherSiteName]);
    expect(diff.stdout).toContain('! netbox.dcim.site[hedgehog] belongs to diet cluster lab (tag diet-lab) and differs in name');
    expect(await count('/api/dcim/devices/')).toBe(devices);
    expect(tagsOf(await one('/api/dcim/sites/?slug=hedgehog'))).toEqual(['diet-lab']);
  }, 600_000);

  it("a join that fails later in its apply is rolled back: the shared objects keep lab's tag only, nothing of lab-b's stays", async () => {
    proxy.rules.push({ method: 'POST', path: /^\/api\/dcim\/cables\//, status: 500, body: { error: 'injected' } });
    const run = await diet(['apply', '-f', labB, '--target', 'netbox', '--auto-approve', '--state', stateB], { DIET_NETBOX_URL: proxy.url });
    proxy.rules.length = 0;
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toContain('Rollback complete: ');
    for (const path of ['/api/dcim/sites/?slug=hedgehog', '/api/dcim/manufacturers/?slug=celestica', '/api/dcim/device-roles/?slug=spine', '/api/dcim/device-types/?slug=celestica-ds3000']) {
      const o = await one(path);
      expect(tagsOf(o), path).toEqual(['diet-lab']);
    }
    expect(await count('/api/extras/tags/?slug=diet-lab-b')).toBe(0);
    expect(await count('/api/dcim/devices/?name=b-leaf-01')).toBe(0);
    expect((await a(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);

  it('cluster lab-b joins the catalog objects lab created (same ids, both tags) and creates only its own devices', async () => {
    const run = await b(['apply', '-f', labB, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    for (const address of ['netbox.dcim.site[hedgehog]', 'netbox.dcim.manufacturer[celestica]', 'netbox.dcim.device_role[spine]', 'netbox.dcim.device_type[celestica-ds3000]']) {
      expect(run.stdout).toContain(`~ ${address} (adopt existing object)`);
    }
    expect(run.stdout).not.toContain('netbox.dcim.interface_template[');
    const site = await one('/api/dcim/sites/?slug=hedgehog');
    const maker = await one('/api/dcim/manufacturers/?slug=celestica');
    const spine = await one('/api/dcim/device-roles/?slug=spine');
    const switchType = await one('/api/dcim/device-types/?slug=celestica-ds3000');
    expect({ site: site.id, manufacturer: maker.id, spine: spine.id, switchType: switchType.id }).toEqual(catalogIds);
    for (const o of [site, maker, spine, switchType]) expect(tagsOf(o)).toEqual(['diet-lab', 'diet-lab-b']);
    // lab-b's switches got their ports from the shared type's templates, once each.
    const leaf = await one('/api/dcim/devices/?name=b-leaf-01');
    expect(tagsOf(leaf)).toEqual(['diet-lab-b']);
    expect(await count(`/api/dcim/interfaces/?device_id=${leaf.id}&name=E1/29`)).toBe(1);
    expect(await count('/api/dcim/device-types/?slug=celestica-ds3000')).toBe(1);
  }, 600_000);

  it("neither cluster sees the other's tag as drift", async () => {
    expect((await a(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode'])).code).toBe(0);
    expect((await b(['plan', '-f', labB, '--refresh', 'live', '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);

  it('a plan against state that would delete a shared object is refused before anything is written', async () => {
    const run = await a(['apply', '-f', labWithoutSpine, '--refresh', 'state', '--auto-approve']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Error: the plan would delete netbox.dcim.device_role[spine], which diet cluster lab-b uses too (tag diet-lab-b)');
    expect(run.stderr).toContain('diet plan --refresh live');
    expect(await count('/api/dcim/devices/?name=spine-01')).toBe(1);
  }, 600_000);

  it('cluster lab dropping its spine releases the shared spine role instead of deleting it; both plans are empty afterwards', async () => {
    const run = await a(['apply', '-f', labWithoutSpine, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("~ netbox.dcim.device_role[spine] (release: diet's tag removed, object kept)");
    expect(run.stdout).toContain('- netbox.dcim.device[spine-01]');
    const spine = await one('/api/dcim/device-roles/?slug=spine');
    expect(spine.id).toBe(catalogIds.spine);
    expect(tagsOf(spine)).toEqual(['diet-lab-b']);
    expect(await count('/api/dcim/devices/?name=spine-01')).toBe(0);
    expect(await count('/api/dcim/devices/?name=b-spine-01')).toBe(1);
    expect((await a(['plan', '-f', labWithoutSpine, '--refresh', 'live', '--detailed-exitcode'])).code).toBe(0);
    expect((await b(['plan', '-f', labB, '--refresh', 'live', '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);
});
