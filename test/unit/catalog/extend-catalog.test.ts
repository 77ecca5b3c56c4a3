import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/catalog/builtin-catalog.js';
import { compareBreakouts } from '../../../src/catalog/breakouts.js';
import { extendCatalog } from '../../../src/catalog/extend-catalog.js';
import type { SwitchDeviceType } from '../../../src/model/catalog-types.js';

const custom: SwitchDeviceType = {
  slug: 'celestica-ds5000',
  manufacturer: 'Celestica',
  model: 'DS5000 (site variant)',
  uHeight: 2,
  hedgehogProfile: 'celestica-ds5000',
  nativeSpeed: 800,
  supportedBreakouts: ['1x800g'],
  mclagCapable: false,
  eslagCapable: false,
  roles: ['spine'],
  ports: [],
  interfaces: [],
};

describe('extendCatalog', () => {
  it('replaces entries with an existing slug in place and appends new ones', () => {
    const base = builtinCatalog();
    const extended = extendCatalog(base, {
      switchTypes: [custom],
      serverTypes: [{ slug: 'big-box', manufacturer: 'Acme', model: 'Big Box', uHeight: 8 }],
      nicTypes: [{ slug: 'generic-dual-100g', manufacturer: 'Acme', model: 'X', ports: [{ name: 'p0', type: 'other' }] }],
    });
    expect(extended.switchTypes.get('celestica-ds5000')).toBe(custom);
    expect([...extended.switchTypes.keys()]).toEqual([...base.switchTypes.keys()]);
    expect(extended.serverTypes.get('big-box')?.uHeight).toBe(8);
    expect([...extended.serverTypes.keys()].at(-1)).toBe('big-box');
    expect(extended.nicTypes.get('generic-dual-100g')?.ports).toHaveLength(1);
    expect(extended.nicTypes.size).toBe(base.nicTypes.size);
  });

  it('leaves the base catalog untouched', () => {
    const base = builtinCatalog();
    extendCatalog(base, { switchTypes: [custom], breakouts: [{ id: '1x40g', fromSpeed: 40, logicalPorts: 1, logicalSpeed: 40 }] });
    expect(base.switchTypes.get('celestica-ds5000')?.model).toBe('DS5000');
    expect(base.breakouts.get('1x40g')?.fromSpeed).toBe(100);
    expect(builtinCatalog()).toBe(base);
  });

  it('keeps the breakout table in reference order', () => {
    const extended = extendCatalog(builtinCatalog(), {
      breakouts: [
        { id: '2x800g', fromSpeed: 1600, logicalPorts: 2, logicalSpeed: 800 },
        { id: '1x40g', fromSpeed: 40, logicalPorts: 1, logicalSpeed: 40 },
      ],
    });
    const values = [...extended.breakouts.values()];
    expect(values[0].id).toBe('2x800g');
    expect(extended.breakouts.get('1x40g')?.fromSpeed).toBe(40);
    expect([...values].sort(compareBreakouts)).toEqual(values);
  });

  it('returns the same maps when there is nothing to add', () => {
    const base = builtinCatalog();
    const extended = extendCatalog(base, {});
    expect(extended.switchTypes).toBe(base.switchTypes);
    expect(extended.breakouts).toBe(base.breakouts);
  });
});

describe('builtinCatalog immutability', () => {
  it('cannot be changed through its maps or values', () => {
    const catalog = builtinCatalog();
    expect('set' in catalog.switchTypes).toBe(false);
    const ds5000 = catalog.switchTypes.get('celestica-ds5000')!;
    expect(Object.isFrozen(ds5000)).toBe(true);
    expect(Object.isFrozen(ds5000.ports[0])).toBe(true);
    expect(() => (ds5000.supportedBreakouts as string[]).push('9x9g')).toThrow(TypeError);
    expect(Object.isFrozen(catalog.breakouts.get('1x800g'))).toBe(true);
  });
});
