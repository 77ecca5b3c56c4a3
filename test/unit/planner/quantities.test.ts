import { describe, expect, it } from 'vitest';
import { calculateQuantities } from '../../../src/planner/calculate-quantities.js';
import { catalog, connection, DS5000, model, range, serverClass, switchClass, switchType, zone } from '../../helpers/model-builder.js';
import type { SwitchClass } from '../../../src/model/fabric-model.js';

const quantityOf = (m: ReturnType<typeof model>, id: string) => {
  const r = calculateQuantities(m);
  expect(r.errors.map((e) => e.message)).toEqual([]);
  return r.quantities.get(id)!.calculated;
};

describe('leaf quantity, per-zone max (DIET-319)', () => {
  const mixed = () =>
    switchClass('leaf', { zones: [zone('z400', 'server', range(1, 16), { breakout: '2x400g' }), zone('z200', 'server', range(17, 22), { breakout: '4x200g' })], uplinkPortsPerSwitch: 0 });
  it('8×8@400 + 9×4@200 → 2', () => {
    const m = model([mixed()], [
      serverClass('a', 8, [connection('c', 'leaf/z400', { ports: 8, speed: 400 })]),
      serverClass('b', 9, [connection('c', 'leaf/z200', { ports: 4, speed: 200 })]),
    ]);
    expect(quantityOf(m, 'leaf')).toBe(2);
  });
  it('one 64-lane zone, 8×8@400 → 1', () => {
    const cls = switchClass('leaf', { zones: [zone('z400', 'server', range(1, 32), { breakout: '2x400g' })], uplinkPortsPerSwitch: 0 });
    expect(quantityOf(model([cls], [serverClass('a', 8, [connection('c', 'leaf/z400', { ports: 8 })])]), 'leaf')).toBe(1);
  });
  it('12×8@400 + 1×10@200 → max(3,1) = 3', () => {
    const m = model([mixed()], [
      serverClass('a', 12, [connection('c', 'leaf/z400', { ports: 8, speed: 400 })]),
      serverClass('b', 1, [connection('c', 'leaf/z200', { ports: 10, speed: 200 })]),
    ]);
    expect(quantityOf(m, 'leaf')).toBe(3);
  });
  it('alternating floor lifts 1 to 2', () => {
    const m = model([mixed()], [
      serverClass('a', 2, [connection('c', 'leaf/z400', { ports: 4, speed: 400, distribution: 'alternating' })]),
      serverClass('b', 2, [connection('c', 'leaf/z200', { ports: 4, speed: 200 })]),
    ]);
    expect(quantityOf(m, 'leaf')).toBe(2);
  });
});

describe('alternating floor (DIET-244)', () => {
  const ext = switchType('ds100', { nativeSpeed: 100, supportedBreakouts: ['1x100g'] });
  const leaf = (opts: Partial<SwitchClass> = {}) =>
    switchClass('leaf', { deviceType: 'ds100', uplinkPortsPerSwitch: 0, zones: [zone('z', 'server', range(1, 12), { breakout: '1x100g' })], ...opts });
  const run = (classes: ReturnType<typeof serverClass>[], opts: Partial<SwitchClass> = {}) =>
    quantityOf(model([leaf(opts)], classes, { catalog: catalog([ext]) }), 'leaf');
  const alt = (id: string, qty: number) => serverClass(id, qty, [connection('c', 'leaf/z', { ports: 2, speed: 100, distribution: 'alternating' })]);
  const same = (id: string, qty: number) => serverClass(id, qty, [connection('c', 'leaf/z', { ports: 2, speed: 100, distribution: 'same-switch' })]);
  it('1 server × 2 alternating → 2', () => expect(run([alt('a', 1)])).toBe(2));
  it('quantity 0 alternating → 0', () => expect(run([alt('a', 0)])).toBe(0));
  it('28 demand over 12 per switch → 3', () => expect(run([alt('a', 7), alt('b', 7)])).toBe(3));
  it('1 × 2 same-switch → 1', () => expect(run([same('a', 1)])).toBe(1));
  it('alternating + same-switch → 2', () => expect(run([alt('a', 1), same('b', 1)])).toBe(2));
  it('alternating with mclag → 2', () => expect(run([alt('a', 1)], { redundancy: { type: 'mclag', group: 'g' } })).toBe(2));
});

describe('redundancy rounding', () => {
  const leaf = (opts: Partial<SwitchClass>) => switchClass('leaf', { uplinkPortsPerSwitch: 0, zones: [zone('z', 'server', range(1, 4), { breakout: '1x800g' })], ...opts });
  const servers = (qty: number) => [serverClass('a', qty, [connection('c', 'leaf/z', { ports: 1, speed: 800 })])];
  it('mclag on 3 → 4', () => expect(quantityOf(model([leaf({ redundancy: { type: 'mclag', group: 'g' } })], servers(12)), 'leaf')).toBe(4));
  it('eslag on 1 → 2', () => expect(quantityOf(model([leaf({ redundancy: { type: 'eslag', group: 'g' } })], servers(1)), 'leaf')).toBe(2));
  it('mclagPair on 1 → 2', () => expect(quantityOf(model([leaf({ mclagPair: true })], servers(1)), 'leaf')).toBe(2));
  it('eslag above 4 is an error naming the class', () => {
    const r = calculateQuantities(model([leaf({ redundancy: { type: 'eslag', group: 'g' } })], servers(20)));
    expect(r.errors[0].message).toMatch(/ESLAG redundancy constraint violation for switch class 'leaf': calculated 5 switches/);
  });
});

describe('rail-optimized sizing', () => {
  it('32 servers × 8 rails @400 over 64 lanes → 4 (rails share switches)', () => {
    const ext = switchType('ds5000', { supportedBreakouts: ['1x800g', '2x400g', '4x200g', '8x100g'] });
    const leaf = switchClass('leaf', { zones: [zone('down', 'server', range(1, 32), { breakout: '2x400g' }), zone('up', 'uplink', range(33, 64), { breakout: '2x400g', priority: 200 })] });
    const rails = Array.from({ length: 8 }, (_, r) => connection(`rail-${r}`, 'leaf/down', { nic: `n${r}`, distribution: 'rail-optimized', rail: r }));
    expect(quantityOf(model([leaf], [serverClass('gpu', 32, rails)], { catalog: catalog([ext]) }), 'leaf')).toBe(4);
  });
});

describe('spine quantity (fallback 64-port spine)', () => {
  const spine = switchClass('spine', { role: 'spine', uplinkPortsPerSwitch: 0 });
  const leaf = (id: string, n: number, fabric = 'frontend') => switchClass(id, { overrideQuantity: n, uplinkPortsPerSwitch: 32, fabric });
  it.each([
    [[leaf('a', 2)], 1],
    [[leaf('a', 2), leaf('b', 1), leaf('c', 1)], 2],
    [[leaf('a', 2), leaf('b', 8, 'backend')], 1],
    [[], 0],
    [[leaf('a', 8)], 4],
    [[leaf('a', 64)], 32],
    [[leaf('a', 128)], 64],
  ])('case %#', (leaves, expected) => {
    expect(quantityOf(model([...leaves, spine], []), 'spine')).toBe(expected);
  });
  it('a failing leaf skips the spines with one error each', () => {
    const bad = switchClass('bad', { zones: [zone('z', 'server', [1])] });
    const r = calculateQuantities(model([bad, switchClass('good', { overrideQuantity: 1, uplinkPortsPerSwitch: 4 }), spine], [serverClass('a', 1, [connection('c', 'bad/z')])]));
    expect(r.errors.map((e) => e.code)).toEqual(['DIET-P103', 'DIET-P108']);
    expect(r.quantities.get('good')!.effective).toBe(1);
  });
  it('even-uplinks rounding is opt-in', () => {
    const leaves = [leaf('a', 3)]; // 96 uplinks over 64 → 2 (divides 32 evenly already)
    expect(quantityOf(model([...leaves, spine], []), 'spine')).toBe(2);
    const odd = [switchClass('a', { overrideQuantity: 4, uplinkPortsPerSwitch: 30 })]; // 120/64 → 2, 30 % 2 = 0
    expect(quantityOf(model([...odd, spine], [], { options: { spineRounding: 'even-uplinks' } }), 'spine')).toBe(2);
    const seven = [switchClass('a', { overrideQuantity: 6, uplinkPortsPerSwitch: 28 })]; // 168/64 → 3; 28 % 3 ≠ 0 → 4
    expect(quantityOf(model([...seven, spine], []), 'spine')).toBe(3);
    expect(quantityOf(model([...seven, spine], [], { options: { spineRounding: 'even-uplinks' } }), 'spine')).toBe(4);
  });
  it('uses DS5000 as spine device type', () => expect(DS5000.interfaces.length).toBe(64));
});
