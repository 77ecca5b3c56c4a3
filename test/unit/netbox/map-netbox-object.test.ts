// Reading a NetBox object that several diet clusters share: the ownership tags of the other
// clusters are not part of this cluster's `tags` (never drift), and are kept in `sharedWith`.
import { describe, expect, it } from 'vitest';
import { mapNetboxObject, type MappingContext } from '../../../src/targets/netbox/map-netbox-object.js';

const ctx: MappingContext = { ownershipTag: 'diet-lab', isTemplateInterface: () => false, ownsDeviceType: () => false };
const tag = (slug: string, id = 1) => ({ id, slug, name: slug });
const site = (tags: unknown[]) => ({ id: 5, name: 'Hedgehog', slug: 'hedgehog', status: { value: 'active', label: 'Active' }, tags, last_updated: '2026-01-01T00:00:00Z' });

describe('mapNetboxObject and other clusters', () => {
  it("moves other clusters' ownership tags out of attrs.tags into sharedWith, sorted, and keeps the object owned", () => {
    const o = mapNetboxObject('dcim.site', site([tag('diet-zeta', 4), tag('rack-a', 2), tag('diet-lab', 1), tag('diet-alpha', 3)]), ctx)!;
    expect(o.owned).toBe(true);
    expect(o.attrs.tags).toEqual(['diet-lab', 'rack-a']);
    expect(o.sharedWith).toEqual(['diet-alpha', 'diet-zeta']);
  });

  it('an object only another cluster owns is unowned here, with empty tags and that cluster in sharedWith', () => {
    const o = mapNetboxObject('dcim.manufacturer', { id: 6, name: 'Celestica', slug: 'celestica', tags: [tag('diet-lab-b', 9)] }, ctx)!;
    expect(o).toMatchObject({ owned: false, attrs: { tags: [] }, sharedWith: ['diet-lab-b'] });
  });

  it('has no sharedWith at all when no other diet tag is present (a tag merely containing "diet-" is not one)', () => {
    const o = mapNetboxObject('dcim.site', site([tag('diet-lab'), tag('my-diet-x', 2)]), ctx)!;
    expect(o.attrs.tags).toEqual(['diet-lab', 'my-diet-x']);
    expect('sharedWith' in o).toBe(false);
  });

  it('the fingerprint ignores other clusters\' tags (same attrs, same fingerprint)', () => {
    const alone = mapNetboxObject('dcim.site', site([tag('diet-lab')]), ctx)!;
    const shared = mapNetboxObject('dcim.site', site([tag('diet-lab'), tag('diet-other', 2)]), ctx)!;
    expect(shared.attrs).toEqual(alone.attrs);
    expect(shared.fingerprint).toBe(alone.fingerprint);
  });
});
