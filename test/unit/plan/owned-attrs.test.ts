import { describe, expect, it } from 'vitest';
import { pickOwnedAttrs } from '../../../src/plan/owned-attrs.js';

describe('pickOwnedAttrs', () => {
  const attrs = { id: 17, name: 'leaf-01', last_updated: 'x', spec: { role: 'leaf', location: { rack: 'r1' }, status: {} }, labels: { 'a.b/c': '1', other: '2' } };

  it('keeps only owned top-level and nested attributes, with their nesting', () => {
    expect(pickOwnedAttrs(attrs, ['name', 'spec.location.rack', 'labels["a.b/c"]', 'missing', 'name.deeper'])).toEqual({
      name: 'leaf-01',
      spec: { location: { rack: 'r1' } },
      labels: { 'a.b/c': '1' },
    });
  });

  it('lets a wider path win over a narrower one inside it, in any order', () => {
    const expected = { spec: attrs.spec };
    expect(pickOwnedAttrs(attrs, ['spec.role', 'spec'])).toEqual(expected);
    expect(pickOwnedAttrs(attrs, ['spec', 'spec.role'])).toEqual(expected);
  });

  it('owns nothing when the list is empty', () => {
    expect(pickOwnedAttrs(attrs, [])).toEqual({});
  });

  it('stores a __proto__ key as data', () => {
    const picked = pickOwnedAttrs(JSON.parse('{"__proto__":{"x":1},"y":2}'), ['__proto__.x']);
    expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
    expect(JSON.stringify(picked)).toBe('{"__proto__":{"x":1}}');
  });
});
