import { describe, expect, it } from 'vitest';
import { selectBreakout } from '../../../src/planner/breakout-selection.js';
import { uplinkPortCount } from '../../../src/planner/uplink-count.js';
import { BREAKOUTS, range, switchClass, zone } from '../../helpers/model-builder.js';

const breakouts = new Map(BREAKOUTS.map((b) => [b.id, b]));

describe('breakout selection (DOMAIN §4.1)', () => {
  const cases: [number, number, string[], string][] = [
    [800, 400, ['1x800g', '2x400g', '4x200g'], '2x400g'],
    [800, 200, ['1x800g', '2x400g', '4x200g'], '4x200g'],
    [100, 25, ['1x100g', '4x25g'], '4x25g'],
    [800, 50, ['1x800g', '2x400g'], '1x800g'],
    [800, 200, [], '1x800g'],
  ];
  it.each(cases)('native %i, required %i, supported %j → %s', (native, required, supported, expected) => {
    const b = selectBreakout(native, required, supported, breakouts);
    expect(b.id).toBe(expected);
  });
  it('an empty allow-list gives a synthetic 1:1 mode', () => {
    expect(selectBreakout(800, 200, [], breakouts)).toEqual({ id: '1x800g', fromSpeed: 800, logicalPorts: 1, logicalSpeed: 800 });
  });
  it('fails when neither an exact nor a native mode is allowed', () => {
    expect(() => selectBreakout(800, 50, ['2x400g', '4x200g'], breakouts)).toThrow(/No suitable breakout found for 50G connection on 800G port/);
  });
});

describe('uplink port count (DOMAIN §4.2)', () => {
  it.each([
    [[zone('u', 'uplink', range(49, 52))], 8, 4],
    [[], 8, 8],
    [[zone('u', 'uplink', range(61, 64))], 6, 4],
    [[zone('u1', 'uplink', range(61, 62)), zone('u2', 'uplink', range(63, 64))], undefined, 4],
    [[zone('u', 'uplink', range(61, 64))], 0, 0],
  ])('zones %#', (zones, override, expected) => {
    expect(uplinkPortCount(switchClass('leaf', { zones, uplinkPortsPerSwitch: override }))).toBe(expected);
  });
  it('errors when nothing is defined', () => {
    expect(() => uplinkPortCount(switchClass('leaf'))).toThrow(/no uplink capacity/);
  });
});
