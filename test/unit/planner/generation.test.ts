import { describe, expect, it } from 'vitest';
import { planTopology } from '../../../src/planner/plan-topology.js';
import type { Topology } from '../../../src/planner/topology.js';
import { catalog, connection, model, range, serverClass, switchClass, switchType, zone } from '../../helpers/model-builder.js';

function plan(m: ReturnType<typeof model>): Topology {
  const r = planTopology(m);
  expect(r.diagnostics).toEqual([]);
  return r.topology!;
}
const portsOn = (t: Topology, device: string) => t.switchInterfaces.filter((i) => i.device === device).map((i) => i.name);
const cableFrom = (t: Topology, device: string, port: string) => t.cables.find((c) => c.a.device === device && c.a.port === port)?.b;

describe('generation, minimal plan (DOMAIN §13.A)', () => {
  const leaf = switchClass('fe-gpu-leaf', { overrideQuantity: 1, uplinkPortsPerSwitch: 4, zones: [zone('server-ports', 'server', range(1, 2))] });
  it('2 servers × 1 port → 3 devices, 2 interfaces, 2 cables', () => {
    const t = plan(model([leaf], [serverClass('gpu-b200', 2, [connection('FE-01', 'fe-gpu-leaf/server-ports', { speed: 200 })])]));
    expect(t.switches.length + t.servers.length).toBe(3);
    expect(t.switchInterfaces.length).toBe(2);
    expect(t.cables.length).toBe(2);
    expect(t.servers.map((s) => s.name)).toEqual(['gpu-b200-001', 'gpu-b200-002']);
    expect(t.switches.map((s) => s.name)).toEqual(['fe-gpu-leaf-01']);
  });
  it('naming template for servers', () => {
    const m = { ...model([leaf], [serverClass('gpu-b200', 2, [connection('FE-01', 'fe-gpu-leaf/server-ports')])]), naming: { server: 'srv-{class}-{index:02d}' } };
    expect(plan(m).servers.map((s) => s.name)).toEqual(['srv-gpu-b200-01', 'srv-gpu-b200-02']);
  });
  it('zone 1-1 with 4x200g, 2 ports per connection → lanes E1/1/1..4', () => {
    const l = switchClass('fe-gpu-leaf', { overrideQuantity: 1, uplinkPortsPerSwitch: 4, zones: [zone('server-ports', 'server', [1], { breakout: '4x200g' })] });
    const t = plan(model([l], [serverClass('gpu-b200', 2, [connection('FE-01', 'fe-gpu-leaf/server-ports', { ports: 2, speed: 200 })])]));
    expect(portsOn(t, 'fe-gpu-leaf-01')).toEqual(['E1/1/1', 'E1/1/2', 'E1/1/3', 'E1/1/4']);
    expect(t.switchInterfaces.every((i) => i.zone === 'server-ports' && i.physicalPort === 1)).toBe(true);
  });
  it('2 servers × 2 ports, 1 switch → 4 cables, 4 switch interfaces', () => {
    const wide = switchClass('fe-gpu-leaf', { overrideQuantity: 1, uplinkPortsPerSwitch: 0, zones: [zone('z', 'server', range(1, 4))] });
    const t = plan(model([wide], [serverClass('s', 2, [connection('c', 'fe-gpu-leaf/z', { ports: 2 })])]));
    expect(t.cables.length).toBe(4);
    expect(t.switchInterfaces.length).toBe(4);
  });
});

describe('rail domains (DIET-332)', () => {
  const ext = switchType('ds400', { nativeSpeed: 400, supportedBreakouts: [] });
  const run = (servers: number, rails: number, ports: number, switches: number) => {
    const leaf = switchClass('rail-leaf', { deviceType: 'ds400', overrideQuantity: switches, uplinkPortsPerSwitch: 0, zones: [zone('z', 'server', range(1, ports))] });
    const conns = Array.from({ length: rails }, (_, r) => connection(`rail-${r}`, 'rail-leaf/z', { nic: `n${r}`, distribution: 'rail-optimized', rail: r }));
    return plan(model([leaf], [serverClass('gpu', servers, conns, 'nic1')], { catalog: catalog([ext]) }));
  };
  it('4 × 4 rails on 2 switches of 8 ports: rails 0-1 → sw1, 2-3 → sw2', () => {
    const t = run(4, 4, 8, 2);
    expect(t.switches.length + t.servers.length).toBe(6);
    expect(portsOn(t, 'rail-leaf-01')).toHaveLength(8);
    expect(portsOn(t, 'rail-leaf-02')).toHaveLength(8);
    expect(cableFrom(t, 'gpu-001', 'n1-p0')!.device).toBe('rail-leaf-01');
    expect(cableFrom(t, 'gpu-001', 'n2-p0')!.device).toBe('rail-leaf-02');
  });
  it('8 × 2 rails on 8 switches of 2 ports: 4 domains of 2 servers', () => {
    const t = run(8, 2, 2, 8);
    expect(t.switches.length + t.servers.length).toBe(16);
    for (let i = 1; i <= 8; i++) expect(portsOn(t, `rail-leaf-0${i}`)).toHaveLength(2);
    expect(cableFrom(t, 'gpu-003', 'n0-p0')!.device).toBe('rail-leaf-03');
    expect(cableFrom(t, 'gpu-003', 'n1-p0')!.device).toBe('rail-leaf-04');
  });
  it('4 × 2 rails on 2 switches of 4 ports: one domain', () => {
    const t = run(4, 2, 4, 2);
    expect(t.switches.length + t.servers.length).toBe(6);
    expect(portsOn(t, 'rail-leaf-01')).toHaveLength(4);
  });
});

describe('server placement', () => {
  const leaf = (n: number) => switchClass('leaf', { overrideQuantity: n, uplinkPortsPerSwitch: 0, zones: [zone('z', 'server', range(1, 32))] });
  const leafOf = (t: Topology, server: string, port = 'nic-p0') => cableFrom(t, server, port)!.device;
  it.each([
    [8, ['leaf-01', 'leaf-01', 'leaf-01', 'leaf-01', 'leaf-02', 'leaf-02', 'leaf-02', 'leaf-02']],
    [7, ['leaf-01', 'leaf-01', 'leaf-01', 'leaf-01', 'leaf-02', 'leaf-02', 'leaf-02']],
    [3, ['leaf-01', 'leaf-01', 'leaf-02']],
  ])('same-switch: %i servers on 2 leaves in contiguous blocks', (count, expected) => {
    const t = plan(model([leaf(2)], [serverClass('s', count, [connection('c', 'leaf/z')])]));
    expect(Array.from({ length: count }, (_, i) => leafOf(t, `s-00${i + 1}`))).toEqual(expected);
  });
  it('a multi-port same-switch server stays on one leaf', () => {
    const t = plan(model([leaf(2)], [serverClass('s', 2, [connection('c', 'leaf/z', { ports: 4 })])]));
    expect(new Set(['nic-p0', 'nic-p1', 'nic-p2', 'nic-p3'].map((p) => leafOf(t, 's-002', p)))).toEqual(new Set(['leaf-02']));
  });
  it('alternating rotates by port offset: p0→A, p1→B, p2→A', () => {
    const t = plan(model([leaf(2)], [serverClass('s', 1, [connection('c', 'leaf/z', { ports: 3, distribution: 'alternating' })])]));
    expect(['nic-p0', 'nic-p1', 'nic-p2'].map((p) => leafOf(t, 's-001', p))).toEqual(['leaf-01', 'leaf-02', 'leaf-01']);
  });
  it('reference alternating leaves extra instances empty; spread fills them', () => {
    const servers = [serverClass('s', 4, [connection('c', 'leaf/z', { ports: 2, distribution: 'alternating' })])];
    const reference = plan(model([leaf(4)], servers));
    expect(portsOn(reference, 'leaf-03')).toEqual([]);
    const spread = plan(model([leaf(4)], servers, { options: { alternatingPlacement: 'spread' } }));
    expect([1, 2, 3, 4].map((i) => portsOn(spread, `leaf-0${i}`).length)).toEqual([2, 2, 2, 2]);
  });
});

describe('fabric wiring', () => {
  const ext = switchType('ds800', { nativeSpeed: 800, supportedBreakouts: ['1x800g', '2x400g', '4x200g'] });
  const servers = [serverClass('s', 1, [connection('c', 'leaf/down', { speed: 200 })])];
  const run = (leafCount: number, uplinks: number[], uplinkBreakout: string, spineCount: number, fabricPorts: number[], fabricBreakout = '1x800g') => {
    const leaf = switchClass('leaf', { deviceType: 'ds800', overrideQuantity: leafCount, zones: [zone('down', 'server', range(1, 2), { breakout: '4x200g' }), zone('up', 'uplink', uplinks, { breakout: uplinkBreakout })] });
    const spine = switchClass('fe-spine', { deviceType: 'ds800', role: 'spine', overrideQuantity: spineCount, uplinkPortsPerSwitch: 0, zones: [zone('fab', 'fabric', fabricPorts, { breakout: fabricBreakout })] });
    return planTopology(model([leaf, spine], servers, { catalog: catalog([ext]) }));
  };
  const fabricCables = (t: Topology) => t.cables.filter((c) => c.kind === 'fabric');
  it('2 leaves × 2 uplinks to 2 spines → 4 cables', () => {
    expect(fabricCables(run(2, [3, 4], '1x800g', 2, range(1, 4)).topology!)).toHaveLength(4);
  });
  it('4 uplinks over 3 spines → 2, 1, 1', () => {
    const t = run(1, range(3, 6), '1x800g', 3, range(1, 6)).topology!;
    const perSpine = ['fe-spine-01', 'fe-spine-02', 'fe-spine-03'].map((s) => fabricCables(t).filter((c) => c.b.device === s).length);
    expect(perSpine).toEqual([2, 1, 1]);
  });
  it('uplink breakout lanes are cabled one by one', () => {
    const t = run(1, [3], '2x400g', 1, [1], '2x400g').topology!;
    expect(fabricCables(t).map((c) => c.a.port)).toEqual(['E1/3/1', 'E1/3/2']);
  });
  it('a leaf without uplink zones fails, naming uplinks', () => {
    const leaf = switchClass('leaf', { deviceType: 'ds800', overrideQuantity: 1, uplinkPortsPerSwitch: 4, zones: [zone('down', 'server', range(1, 2), { breakout: '4x200g' })] });
    const spine = switchClass('fe-spine', { deviceType: 'ds800', role: 'spine', overrideQuantity: 1, uplinkPortsPerSwitch: 0, zones: [zone('fab', 'fabric', [1, 2])] });
    const r = planTopology(model([leaf, spine], servers, { catalog: catalog([ext]) }));
    expect(r.diagnostics[0].summary).toMatch(/uplink/);
  });
});

describe('mesh wiring', () => {
  const mesh = (id: string, qty: number, ports: number[]) =>
    switchClass(id, { topology: 'mesh', overrideQuantity: qty, uplinkPortsPerSwitch: 0, zones: [zone('m', 'mesh', ports)] });
  const run = (...classes: ReturnType<typeof mesh>[]) => planTopology(model(classes, []));
  const meshCables = (r: ReturnType<typeof run>) => r.topology!.cables.filter((c) => c.kind === 'mesh').length;
  it('2 switches, 1-4 → 4 cables', () => expect(meshCables(run(mesh('a', 2, range(1, 4))))).toBe(4));
  it('3 switches, 1-4 → 6 cables', () => expect(meshCables(run(mesh('a', 3, range(1, 4))))).toBe(6));
  it('2 switches, 1-1 → 1 cable', () => expect(meshCables(run(mesh('a', 2, [1])))).toBe(1));
  it('3 switches, 1-2 → 3 cables', () => expect(meshCables(run(mesh('a', 3, [1, 2])))).toBe(3));
  it('asymmetric zones are rejected', () => expect(run(mesh('a', 1, [1, 2]), mesh('b', 1, range(1, 4))).diagnostics[0].summary).toMatch(/asymmetric/));
  it('3 switches with 3 lanes are rejected', () => expect(run(mesh('a', 3, [1, 2, 3])).diagnostics[0].summary).toMatch(/divisible/));
  it('4 switches are rejected', () => expect(run(mesh('a', 4, range(1, 4))).diagnostics[0].summary).toMatch(/exactly 2 or 3/));
});
