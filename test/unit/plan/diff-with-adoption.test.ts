import { describe, expect, it } from 'vitest';
import { diffWithAdoption, NO_ADOPTION, type AdoptionRules } from '../../../src/plan/diff-with-adoption.js';
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
