import { describe, expect, it } from 'vitest';
import { ApplyContext } from '../../../src/targets/netbox/apply-context.js';
import type { LiveObject } from '../../../src/targets/live-target.js';
import { addr, observed } from '../../support/resource-factory.js';

const live = (o: ReturnType<typeof observed>, owned: boolean, remoteId: string, sharedWith?: string[]): LiveObject => ({ ...o, owned, remoteId, ...(sharedWith ? { sharedWith } : {}) });
const tag = live(observed('extras.tag', 'diet-lab', { name: 'diet-lab', slug: 'diet-lab', color: '9e9e9e', description: '' }), true, '1');
const sharedSite = live(observed('dcim.site', 'hedgehog', { name: 'Hedgehog', slug: 'hedgehog', status: 'active', tags: ['diet-lab'] }), true, '5', ['diet-lab-b', 'diet-lab-c']);
const ownSite = live(observed('dcim.site', 'mine', { name: 'Mine', slug: 'mine', status: 'active', tags: ['diet-lab'] }), true, '6');
const byAddress = (...objects: LiveObject[]) => new Map(objects.map((o) => [o.address, o]));

describe('ApplyContext', () => {
  const ctx = new ApplyContext(byAddress(tag, sharedSite, ownSite));

  it("payload sends other clusters' ownership tags along with diet's tags (a PATCH replaces the whole list)", () => {
    expect(ctx.payload(sharedSite.address, 'dcim.site', { status: 'planned', tags: ['diet-lab', 'rack-a'] })).toEqual({
      status: 'planned',
      tags: [1, { slug: 'rack-a' }, { slug: 'diet-lab-b' }, { slug: 'diet-lab-c' }],
    });
    // A release: diet's tag gone, the other clusters' tags stay.
    expect(ctx.payload(sharedSite.address, 'dcim.site', { tags: [] })).toEqual({ tags: [{ slug: 'diet-lab-b' }, { slug: 'diet-lab-c' }] });
  });

  it('payload adds no tags when the attributes written have none, nor for an object no other cluster shares', () => {
    expect(ctx.payload(sharedSite.address, 'dcim.site', { status: 'planned' })).toEqual({ status: 'planned' });
    expect(ctx.payload(ownSite.address, 'dcim.site', { tags: ['diet-lab'] })).toEqual({ tags: [1] });
  });

  it('learns the unchanged interface templates of a device type being adopted (and only then)', () => {
    const type = live(observed('dcim.device_type', 'ds3000', { manufacturer: 'celestica', model: 'DS3000', slug: 'ds3000', u_height: 1, tags: [] }), false, '40', ['diet-lab-b']);
    const templates = ['E1/1', 'E1/2'].map((n, i) => live(observed('dcim.interface_template', `ds3000:${n}`, { device_type: 'ds3000', name: n, type: '100gbase-x-qsfp28' }, [type.address]), false, String(50 + i)));
    const observedMap = byAddress(tag, type, ...templates);

    const adopting = new ApplyContext(observedMap, new Set([type.address]));
    expect(adopting.templateCount('ds3000')).toBe(2);
    expect(adopting.hasTemplates('ds3000')).toBe(true);
    expect(adopting.id(type.address)).toBe(40);
    adopting.created({ address: addr('dcim.device', 'b-leaf-01'), target: 'netbox', type: 'dcim.device', key: 'b-leaf-01', action: 'create', after: { name: 'b-leaf-01', device_type: 'ds3000' }, attrChanges: [], dependsOn: [] }, 77);
    expect(adopting.isTemplateInterface('b-leaf-01', 'E1/2')).toBe(true);
    expect(adopting.isTemplateInterface('b-leaf-01', 'E1/3')).toBe(false);

    const notAdopting = new ApplyContext(observedMap);
    expect(notAdopting.templateCount('ds3000')).toBe(0);
    expect(notAdopting.id(type.address)).toBeUndefined();
  });
});
