import { describe, expect, it } from 'vitest';
import { PortAllocator } from '../../../src/planner/port-allocator.js';
import { BREAKOUTS, zone, range } from '../../helpers/model-builder.js';
import type { PortZone } from '../../../src/model/fabric-model.js';

const breakouts = new Map(BREAKOUTS.map((b) => [b.id, b]));
const allocator = () => new PortAllocator((z: PortZone) => (z.breakout ? breakouts.get(z.breakout) : undefined), () => 100);
const names = (slots: { name: string }[]) => slots.map((s) => s.name);

describe('port allocator (DOMAIN §3.2, §13.A)', () => {
  it('sequential 1-4: two calls of 2', () => {
    const a = allocator();
    const z = zone('z', 'server', range(1, 4));
    expect(names(a.allocate('leaf-01', z, 2))).toEqual(['E1/1', 'E1/2']);
    expect(names(a.allocate('leaf-01', z, 2))).toEqual(['E1/3', 'E1/4']);
  });
  it('expands breakout lanes: 1-2 with 4x200g, allocate 5', () => {
    const z = zone('z', 'server', range(1, 2), { breakout: '4x200g' });
    expect(names(allocator().allocate('leaf-01', z, 5))).toEqual(['E1/1/1', 'E1/1/2', 'E1/1/3', 'E1/1/4', 'E1/2/1']);
  });
  it('interleaved 1-8', () => {
    const z = zone('z', 'server', range(1, 8), { strategy: 'interleaved' });
    expect(names(allocator().allocate('s', z, 8))).toEqual(['E1/1', 'E1/3', 'E1/5', 'E1/7', 'E1/2', 'E1/4', 'E1/6', 'E1/8']);
  });
  it('spaced 1-8', () => {
    const z = zone('z', 'server', range(1, 8), { strategy: 'spaced' });
    expect(names(allocator().allocate('s', z, 8))).toEqual(['E1/1', 'E1/5', 'E1/2', 'E1/6', 'E1/3', 'E1/7', 'E1/4', 'E1/8']);
  });
  it('custom [4,2,1,3]', () => {
    const z = zone('z', 'server', range(1, 4), { strategy: 'custom', order: [4, 2, 1, 3] });
    expect(names(allocator().allocate('s', z, 4))).toEqual(['E1/4', 'E1/2', 'E1/1', 'E1/3']);
  });
  it('keeps one cursor per switch', () => {
    const a = allocator();
    const z = zone('z', 'server', range(1, 2));
    expect(names(a.allocate('leaf-01', z, 1))).toEqual(['E1/1']);
    expect(names(a.allocate('leaf-02', z, 1))).toEqual(['E1/1']);
  });
  it('rejects non-positive counts and over-allocation', () => {
    const a = allocator();
    const z = zone('z', 'server', range(1, 2));
    expect(() => a.allocate('s', z, 0)).toThrow(/positive integer/);
    expect(() => a.allocate('s', z, -1)).toThrow(/positive integer/);
    a.allocate('s', z, 2);
    expect(() => a.allocate('s', z, 1)).toThrow(/requested 1 port\(s\) but only 0 remain in zone 'z'/);
  });
});
