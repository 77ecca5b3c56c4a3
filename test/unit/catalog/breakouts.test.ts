import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildBreakoutTable,
  compareBreakouts,
  parseBreakoutId,
  SEEDED_BREAKOUTS,
} from '../../../src/catalog/breakouts.js';
import { builtinCatalog } from '../../../src/catalog/builtin-catalog.js';

const compact = (b: { id: string; fromSpeed: number; logicalPorts: number; logicalSpeed: number }) =>
  `${b.id}(${b.fromSpeed},${b.logicalPorts},${b.logicalSpeed})`;

describe('seeded breakouts', () => {
  it('are the 14 reference rows', () => {
    expect(SEEDED_BREAKOUTS.map(compact)).toEqual([
      '1x800g(800,1,800)', '2x400g(800,2,400)', '4x200g(800,4,200)', '8x100g(800,8,100)',
      '1x400g(400,1,400)', '2x200g(400,2,200)', '4x100g(400,4,100)', '1x100g(100,1,100)',
      '1x40g(100,1,40)', '4x25g(100,4,25)', '4x10g(100,4,10)', '2x50g(100,2,50)',
      '1x1g(1,1,1)', '1x10g(10,1,10)',
    ]);
  });
});

describe('parseBreakoutId', () => {
  it('reads NxMg as N ports of M on an N*M port, any case, id lower-cased', () => {
    expect(parseBreakoutId('4x200G')).toEqual({ id: '4x200g', fromSpeed: 800, logicalPorts: 4, logicalSpeed: 200 });
    expect(parseBreakoutId('2x40g')).toEqual({ id: '2x40g', fromSpeed: 80, logicalPorts: 2, logicalSpeed: 40 });
    expect(parseBreakoutId('1x25g')).toEqual({ id: '1x25g', fromSpeed: 25, logicalPorts: 1, logicalSpeed: 25 });
  });

  it('rejects anything else', () => {
    for (const bad of ['25G', '4x', 'x25g', '4x2.5g', '0x100g', '4x0g', '4x100', '4 x 100g', '']) {
      expect(parseBreakoutId(bad), bad).toBeUndefined();
    }
  });
});

describe('compareBreakouts', () => {
  it('orders by fromSpeed desc, then logicalPorts asc', () => {
    const ids = ['1x1g', '4x25g', '1x800g', '8x100g', '2x400g', '1x400g'];
    const sorted = ids.map((id) => parseBreakoutId(id)!).sort(compareBreakouts).map((b) => b.id);
    expect(sorted).toEqual(['1x800g', '2x400g', '8x100g', '1x400g', '4x25g', '1x1g']);
  });

  it('is a total order (antisymmetric, zero only for the same id)', () => {
    const breakout = fc
      .tuple(fc.constantFrom(1, 2, 4, 8), fc.constantFrom(1, 10, 25, 40, 50, 100, 200, 400))
      .map(([n, m]) => parseBreakoutId(`${n}x${m}g`)!);
    fc.assert(
      fc.property(breakout, breakout, (a, b) => {
        expect(Math.sign(compareBreakouts(a, b)) + Math.sign(compareBreakouts(b, a))).toBe(0);
        expect(compareBreakouts(a, b) === 0).toBe(a.id === b.id);
      }),
    );
  });
});

describe('breakout table', () => {
  it('keeps seeded rows over parsed ones (get-or-create)', () => {
    const table = buildBreakoutTable(['1x40G', '2x50G', '8x50G', 'garbage']);
    const byId = new Map(table.map((b) => [b.id, b]));
    expect(byId.get('1x40g')?.fromSpeed).toBe(100);
    expect(byId.get('8x50g')).toEqual({ id: '8x50g', fromSpeed: 400, logicalPorts: 8, logicalSpeed: 50 });
    expect(table).toHaveLength(15);
    expect([...table].sort(compareBreakouts)).toEqual(table);
  });

  it('built-in catalog has the seeded rows, 1x25g and every mode the switches allow', () => {
    const { breakouts, switchTypes } = builtinCatalog();
    expect(breakouts.get('1x40g')?.fromSpeed).toBe(100);
    expect(breakouts.get('1x25g')).toEqual({ id: '1x25g', fromSpeed: 25, logicalPorts: 1, logicalSpeed: 25 });
    for (const seeded of SEEDED_BREAKOUTS) expect(breakouts.get(seeded.id)).toEqual(seeded);
    for (const type of switchTypes.values()) {
      for (const id of type.supportedBreakouts) expect(breakouts.has(id), `${type.slug} ${id}`).toBe(true);
    }
    const values = [...breakouts.values()];
    expect([...values].sort(compareBreakouts)).toEqual(values);
    for (const [id, b] of breakouts) expect(b.id).toBe(id);
  });
});
