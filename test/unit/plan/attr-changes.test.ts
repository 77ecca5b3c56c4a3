import { describe, expect, it } from 'vitest';
import { diffAttrs } from '../../../src/plan/attr-changes.js';
import { attrValuesEqual } from '../../../src/plan/attr-value-equal.js';

describe('diffAttrs', () => {
  it('reports changed, added and removed leaves with dotted paths, in key order', () => {
    const before = { status: 'planned', spec: { breakouts: { 'E1/1': '4x25G', 'E1/2': '1x100G' }, old: 1 }, tags: ['a', 'b'] };
    const after = { status: 'active', spec: { breakouts: { 'E1/1': '4x25G', 'E1/2': '2x50G' }, new: 2 }, tags: ['b', 'a'] };
    expect(diffAttrs(before, after)).toEqual([
      { path: 'spec.breakouts.E1/2', before: '1x100G', after: '2x50G' },
      { path: 'spec.new', after: 2 },
      { path: 'spec.old', before: 1 },
      { path: 'status', before: 'planned', after: 'active' },
      { path: 'tags', before: ['a', 'b'], after: ['b', 'a'] },
    ]);
  });

  it('reports an object replaced by a scalar (or vanishing) as one change', () => {
    expect(diffAttrs({ a: { x: 1 }, b: { y: 1 } }, { a: 'flat' })).toEqual([
      { path: 'a', before: { x: 1 }, after: 'flat' },
      { path: 'b', before: { y: 1 } },
    ]);
  });

  it('quotes keys that contain dots', () => {
    expect(diffAttrs({ labels: { 'app.io/x': '1' } }, { labels: { 'app.io/x': '2' } })).toEqual([{ path: 'labels["app.io/x"]', before: '1', after: '2' }]);
  });

  it('finds nothing between equal values whatever the key order', () => {
    expect(diffAttrs({ a: 1, b: { c: [1, { d: null }] } }, { b: { c: [1, { d: null }] }, a: 1 })).toEqual([]);
  });
});

describe('attrValuesEqual', () => {
  it('distinguishes null from absent, arrays from objects and array order', () => {
    expect(attrValuesEqual(null, undefined)).toBe(false);
    expect(attrValuesEqual([], {})).toBe(false);
    expect(attrValuesEqual([1, 2], [2, 1])).toBe(false);
    expect(attrValuesEqual({ a: undefined as never }, { b: undefined as never })).toBe(false);
    expect(attrValuesEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
  });
});
