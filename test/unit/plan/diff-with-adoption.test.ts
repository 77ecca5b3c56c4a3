import { describe, expect, it } from 'vitest';
import { diffWithAdoption, NO_ADOPTION, type AdoptionRules } from '../../../src/plan/diff-with-adoption.js';
import { SHARED_CATALOG_TYPES } from '../../../src/targets/netbox/adoption-coverage.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { addr, desired, observed } from '../../support/resource-factory.js';

const TAG = 'diet-lab';
const options = { schemas: resourceSchema };
const deviceAttrs = { name: 'srv-9', device_type: 'gs', role: 'server', site: 'lab', status: 'planned', description: 'server', tags: [TAG] };
const want = desired('dcim.device', 'srv-9', deviceAttrs);
const handMade = observed('dcim.device', 'srv-9', { ...deviceAttrs, status: 'active', description: '', tags: ['rack-a'] });
const rules = (over: Partial<AdoptionRules> = {}): AdoptionRules => ({ covers: (type, key) => type === 'dcim.device' && key === 'srv-9', adopted: new Set(), ownershipTag: TAG, ...over });

describe('diffWithAdoption', () => {
  it('leaves an unowned object the spec does not adopt as a collision, and plans nothing for it', () => {
    const diff = diffWithAdoption([want], [], [handMade], NO_ADOPTION, options);
    expect(diff.collisions).toEqual([handMade]);
    expect(diff.changes).toEqual([expect.objectContaining({ address: want.address, action: 'create' })]);
    expect(diff.changes[0].ownership).toBeUndefined();
  });

  it('adopts a covered collision as an update marked adopt that adds diet tag and keeps the object other tags', () => {
    const diff = diffWithAdoption([want], [], [handMade], rules(), options);
    expect(diff.collisions).toEqual([]);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ action: 'update', ownership: 'adopt', after: { tags: ['diet-lab', 'rack-a'] } });
    expect(diff.changes[0].attrChanges).toEqual([
      { path: 'description', before: '', after: 'server' },
      { path: 'status', before: 'active', after: 'planned' },
      { path: 'tags', before: ['rack-a'], after: ['diet-lab', 'rack-a'] },
    ]);
  });

  it('covers only what the rules name: another device of the same kind is still refused', () => {
    const other = observed('dcim.device', 'srv-8', { ...deviceAttrs, name: 'srv-8', tags: [] });
    const diff = diffWithAdoption([want, desired('dcim.device', 'srv-8', { ...deviceAttrs, name: 'srv-8' })], [], [handMade, other], rules(), options);
    expect(diff.collisions.map((c) => c.key)).toEqual(['srv-8']);
  });

  it('after adoption, an adopted object with extra tags is unchanged (diet owns only its own tag there)', () => {
    const adopted = { ...handMade, attrs: { ...deviceAttrs, tags: ['added-later', 'diet-lab', 'rack-a'] } };
    const diff = diffWithAdoption([want], [adopted], [], rules({ covers: () => false, adopted: new Set([want.address]) }), options);
    expect(diff.changes.map((c) => c.action)).toEqual(['noop']);
  });

  it('shares tags on an object diet created when the spec adopts it: another cluster tag there is not drift', () => {
    const created = { ...handMade, attrs: { ...deviceAttrs, tags: ['diet-lab', 'diet-other'] } };
    expect(diffWithAdoption([want], [created], [], rules(), options).changes.map((c) => c.action)).toEqual(['noop']);
    expect(diffWithAdoption([want], [created], [], NO_ADOPTION, options).changes[0].attrChanges).toEqual([{ path: 'tags', before: ['diet-lab', 'diet-other'], after: ['diet-lab'] }]);
  });

  it('releases an adopted object the spec dropped (removes only diet tag) instead of deleting it', () => {
    const adopted = { ...handMade, attrs: { ...deviceAttrs, tags: ['diet-lab', 'rack-a'] } };
    const iface = observed('dcim.interface', 'srv-9:eth0', { device: 'srv-9', name: 'eth0', type: '25gbase-x-sfp28', description: '', tags: [TAG] }, [addr('dcim.device', 'srv-9')]);
    const diff = diffWithAdoption([], [adopted, iface], [], rules({ adopted: new Set([want.address]) }), options);
    const device = diff.changes.find((c) => c.type === 'dcim.device')!;
    expect(device).toMatchObject({ action: 'update', ownership: 'release', after: { tags: ['rack-a'] }, attrChanges: [{ path: 'tags', before: ['diet-lab', 'rack-a'], after: ['rack-a'] }] });
    // What diet created on the adopted device is still deleted, before the release.
    expect(diff.changes.map((c) => `${c.action} ${c.key}`)).toEqual(['delete srv-9:eth0', 'update srv-9']);
  });

  it('deletes a dropped object that diet created even when it has the same kind as adopted ones', () => {
    const created = observed('dcim.device', 'srv-7', { ...deviceAttrs, name: 'srv-7' });
    const diff = diffWithAdoption([], [created], [], rules({ adopted: new Set([want.address]) }), options);
    expect(diff.changes.map((c) => c.action)).toEqual(['delete']);
  });

  it('never adopts by recreating: a covered object that differs in an immutable attribute stays a collision', () => {
    const cable = { a_terminations: [{ device: 'a', interface: 'e1' }], b_terminations: [{ device: 'b', interface: 'e1' }], status: 'planned', label: '', tags: [TAG] };
    const want = desired('dcim.cable', 'a:e1--b:e1', cable);
    const existing = observed('dcim.cable', 'a:e1--b:e1', { ...cable, b_terminations: [{ device: 'c', interface: 'e1' }], tags: [] });
    const diff = diffWithAdoption([want], [], [existing], rules({ covers: () => true }), options);
    expect(diff.collisions).toEqual([existing]);
    expect(diff.changes).toEqual([]);
  });

  it('keeps the interface templates of a released device type (they carry no tag of their own)', () => {
    const type = observed('dcim.device_type', 'ds3000', { manufacturer: 'celestica', model: 'DS3000', slug: 'ds3000', u_height: 1, tags: [TAG] });
    const template = observed('dcim.interface_template', 'ds3000:E1/1', { device_type: 'ds3000', name: 'E1/1', type: '100gbase-x-qsfp28' }, [type.address]);
    const diff = diffWithAdoption([], [type, template], [], rules({ adopted: new Set([type.address]) }), options);
    expect(diff.changes.map((c) => `${c.action} ${c.key} ${c.ownership ?? ''}`.trim())).toEqual(['update ds3000 release']);
  });
});

describe('diffWithAdoption with other diet clusters in the same NetBox', () => {
  const OTHER = ['diet-lab-b'];
  const share = (over: Partial<AdoptionRules> = {}): AdoptionRules => ({ adopted: new Set(), ownershipTag: TAG, joinable: (type) => SHARED_CATALOG_TYPES.has(type), ...over });
  const theirs = <T extends ReturnType<typeof observed>>(o: T, sharedWith = OTHER): T => ({ ...o, sharedWith });
  const typeAttrs = { manufacturer: 'celestica', model: 'DS3000', slug: 'ds3000', u_height: 1 };
  const typeAddr = addr('dcim.device_type', 'ds3000');
  const templateAttrs = (name: string, type = '100gbase-x-qsfp28') => ({ device_type: 'ds3000', name, type });
  const wantType = desired('dcim.device_type', 'ds3000', { ...typeAttrs, tags: [TAG] });
  const wantTemplate = (name: string, type?: string) => desired('dcim.interface_template', `ds3000:${name}`, templateAttrs(name, type), [typeAddr]);
  const theirType = theirs(observed('dcim.device_type', 'ds3000', { ...typeAttrs, tags: [] }));
  const theirTemplate = (name: string, type?: string) => observed('dcim.interface_template', `ds3000:${name}`, templateAttrs(name, type), [typeAddr]);
  const summary = (changes: { action: string; key: string; ownership?: string }[]) => changes.filter((c) => c.action !== 'noop').map((c) => `${c.action} ${c.key}${c.ownership ? ` ${c.ownership}` : ''}`);

  it('releases an owned object another cluster shares instead of deleting it: only diet tag removed', () => {
    const maker = theirs(observed('dcim.manufacturer', 'celestica', { name: 'Celestica', slug: 'celestica', tags: [TAG, 'rack-a'] }));
    const alone = observed('dcim.manufacturer', 'acme', { name: 'Acme', slug: 'acme', tags: [TAG] });
    const diff = diffWithAdoption([], [maker, alone], [], share(), options);
    expect(summary(diff.changes).sort()).toEqual(['delete acme', 'update celestica release']);
    expect(diff.changes.find((c) => c.key === 'celestica')).toMatchObject({ after: { name: 'Celestica', slug: 'celestica', tags: ['rack-a'] }, attrChanges: [{ path: 'tags', before: [TAG, 'rack-a'], after: ['rack-a'] }] });
    expect(diff.conflicts).toEqual([]);
  });

  it('releases a shared owned object even without joinable rules (the release does not depend on joining)', () => {
    const maker = theirs(observed('dcim.manufacturer', 'celestica', { name: 'Celestica', slug: 'celestica', tags: [TAG] }));
    expect(summary(diffWithAdoption([], [maker], [], { adopted: new Set(), ownershipTag: TAG }, options).changes)).toEqual(['update celestica release']);
  });

  it('keeps the interface templates of a released shared device type (no delete of its tagless children)', () => {
    const type = theirs(observed('dcim.device_type', 'ds3000', { ...typeAttrs, tags: [TAG] }));
    const templates = [theirTemplate('E1/1'), theirTemplate('E1/2')];
    const diff = diffWithAdoption([], [type, ...templates], [], share(), options);
    expect(summary(diff.changes)).toEqual(['update ds3000 release']);
  });

  it('joins a catalog object only another cluster owns when only tags differ: an adopt update that adds diet tag', () => {
    const maker = theirs(observed('dcim.manufacturer', 'celestica', { name: 'Celestica', slug: 'celestica', tags: [] }));
    const diff = diffWithAdoption([desired('dcim.manufacturer', 'celestica', { name: 'Celestica', slug: 'celestica', tags: [TAG] })], [], [maker], share(), options);
    expect(diff.collisions).toEqual([]);
    expect(diff.conflicts).toEqual([]);
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ action: 'update', ownership: 'adopt', after: { tags: [TAG] }, attrChanges: [{ path: 'tags', before: [], after: [TAG] }] });
  });

  it('joins a device type with its matching interface templates: the type adopted, the templates noop', () => {
    const diff = diffWithAdoption([wantType, wantTemplate('E1/1'), wantTemplate('E1/2')], [], [theirType, theirTemplate('E1/1'), theirTemplate('E1/2')], share(), options);
    expect(diff.collisions).toEqual([]);
    expect(diff.conflicts).toEqual([]);
    expect(summary(diff.changes)).toEqual(['update ds3000 adopt']);
    expect(diff.changes.filter((c) => c.type === 'dcim.interface_template').map((c) => c.action)).toEqual(['noop', 'noop']);
  });

  it('joining a device type does not take along a device of that type (it has tags: not a tagless child)', () => {
    const device = desired('dcim.device', 'b-leaf-01', { ...deviceAttrs, name: 'b-leaf-01', device_type: 'ds3000', tags: [TAG] }, [typeAddr]);
    const diff = diffWithAdoption([wantType, wantTemplate('E1/1'), device], [], [theirType, theirTemplate('E1/1')], share(), options);
    expect(diff.conflicts).toEqual([]);
    expect(summary(diff.changes)).toEqual(['update ds3000 adopt', 'create b-leaf-01']);
    expect(diff.changes.find((c) => c.key === 'b-leaf-01')!.ownership).toBeUndefined();
  });

  it('refuses to join a catalog object that differs in a non-tag attribute: a conflict naming the attribute, no change', () => {
    const site = theirs(observed('dcim.site', 'hedgehog', { name: 'Hedgehog', slug: 'hedgehog', status: 'active', tags: [] }), ['diet-lab']);
    const want = desired('dcim.site', 'hedgehog', { name: 'Hedgehog B', slug: 'hedgehog', status: 'planned', tags: ['diet-lab-b'] });
    const diff = diffWithAdoption([want], [], [site], share({ ownershipTag: 'diet-lab-b' }), options);
    expect(diff.conflicts).toEqual([{ address: site.address, sharedWith: ['diet-lab'], differences: ['name', 'status'] }]);
    expect(diff.changes.filter((c) => c.address === site.address)).toEqual([]);
    expect(diff.collisions).toEqual([]);
  });

  it('refuses to join a device type whose interface templates would have to change: the child creates, updates and deletes are conflicts of the type', () => {
    const diff = diffWithAdoption(
      [wantType, wantTemplate('E1/1'), wantTemplate('E1/2', '400gbase-x-osfp'), wantTemplate('E1/3')],
      [],
      [theirType, theirTemplate('E1/1'), theirTemplate('E1/2'), theirTemplate('E1/9')],
      share(),
      options,
    );
    expect(diff.conflicts).toEqual([
      {
        address: typeAddr,
        sharedWith: OTHER,
        differences: expect.arrayContaining([
          `${addr('dcim.interface_template', 'ds3000:E1/2')} (update)`,
          `${addr('dcim.interface_template', 'ds3000:E1/3')} (create)`,
          `${addr('dcim.interface_template', 'ds3000:E1/9')} (delete)`,
        ]),
      },
    ]);
    expect(diff.conflicts[0].differences).toHaveLength(3);
    // None of the template changes is planned.
    expect(diff.changes.filter((c) => c.type === 'dcim.interface_template' && c.action !== 'noop')).toEqual([]);
  });

  it('a device type refused for its templates is not in changes either (only in conflicts)', () => {
    const diff = diffWithAdoption([wantType, wantTemplate('E1/1'), wantTemplate('E1/3')], [], [theirType, theirTemplate('E1/1')], share(), options);
    expect(diff.conflicts.map((c) => c.address)).toEqual([typeAddr]);
    expect(summary(diff.changes)).toEqual([]);
  });

  it('a change that needs a replace of a shared owned object is a conflict, not a replace', () => {
    const cable = { a_terminations: [{ device: 'a', interface: 'e1' }], b_terminations: [{ device: 'b', interface: 'e1' }], status: 'planned', label: '', tags: [TAG] };
    const live = theirs(observed('dcim.cable', 'a:e1--b:e1', { ...cable, b_terminations: [{ device: 'c', interface: 'e1' }] }));
    const diff = diffWithAdoption([desired('dcim.cable', 'a:e1--b:e1', cable)], [live], [], share(), options);
    expect(diff.conflicts).toEqual([{ address: live.address, sharedWith: OTHER, differences: ['b_terminations (needs a replace)'] }]);
    expect(diff.changes).toEqual([]);
  });

  it('does not join what is not joinable, nor what the spec adopts explicitly', () => {
    const device = theirs(observed('dcim.device', 'srv-9', { ...deviceAttrs, tags: [] }));
    const notJoinable = diffWithAdoption([want], [], [device], share(), options);
    expect(notJoinable.collisions).toEqual([device]);
    expect(notJoinable.conflicts).toEqual([]);
    // Adopted by the spec's own setting: changed like any adoption, not refused as a conflict.
    const site = theirs(observed('dcim.site', 'hedgehog', { name: 'Old', slug: 'hedgehog', status: 'active', tags: [] }));
    const wantSite = desired('dcim.site', 'hedgehog', { name: 'Hedgehog', slug: 'hedgehog', status: 'active', tags: [TAG] });
    const adopted = diffWithAdoption([wantSite], [], [site], share({ covers: (type) => type === 'dcim.site' }), options);
    expect(adopted.conflicts).toEqual([]);
    expect(adopted.changes[0]).toMatchObject({ action: 'update', ownership: 'adopt' });
    expect(adopted.changes[0].attrChanges.map((a) => a.path)).toEqual(['name', 'tags']);
  });
});
