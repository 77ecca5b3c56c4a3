import { describe, expect, it } from 'vitest';
import { allowedPortNames } from '../../../src/catalog/allowed-port-names.js';
import { builtinCatalog, profileByName } from '../../../src/catalog/builtin-catalog.js';

const ds5000 = profileByName('celestica-ds5000')!;

describe('allowedPortNames', () => {
  it('lists a breakout port under its configured mode', () => {
    const names = allowedPortNames(ds5000, { 'E1/1': '4x200G' });
    for (const n of ['E1/1', 'E1/1/1', 'E1/1/2', 'E1/1/3', 'E1/1/4']) expect(names.has(n), n).toBe(true);
    expect(names.has('E1/1/5')).toBe(false);
  });

  it('uses the default mode for ports without a setting (1x800G: one sub-port)', () => {
    const names = allowedPortNames(ds5000, { 'E1/1': '8x100G' });
    expect(names.has('E1/2')).toBe(true);
    expect(names.has('E1/2/1')).toBe(true);
    expect(names.has('E1/2/2')).toBe(false);
    expect(names.has('E1/1/8')).toBe(true);
    // DS4101 defaults to 2x400G.
    const ds4101 = allowedPortNames(profileByName('celestica-ds4101')!, {});
    expect(ds4101.has('E1/7/2')).toBe(true);
    expect(ds4101.has('E1/7/3')).toBe(false);
  });

  it('lists speed ports by base name only, plus M1 on Hedgehog switches', () => {
    const names = allowedPortNames(ds5000, {});
    expect(names.has('E1/65')).toBe(true);
    expect(names.has('E1/65/1')).toBe(false);
    expect(names.has('E1/67')).toBe(false);
    expect(names.has('M1')).toBe(true);
    // 64 bases + 64 single sub-ports + 2 speed ports + M1
    expect(names.size).toBe(131);
  });

  it('lists group ports by base name and gives unmanaged switches no M1', () => {
    const vs = allowedPortNames(profileByName('vs')!, {});
    expect(vs.size).toBe(49);
    expect(vs.has('E1/48')).toBe(true);
    const es1000 = allowedPortNames(builtinCatalog().switchTypes.get('celestica-es1000')!, {});
    expect(es1000.size).toBe(52);
    expect(es1000.has('M1')).toBe(false);
  });
});
