/**
 * Builds small FabricModels for planner unit tests without going through YAML, with
 * a hand-made catalog so each test states exactly the reference data it relies on.
 */
import type { Breakout, Catalog, NicType, SwitchDeviceType } from '../../src/model/catalog-types.js';
import type { FabricModel, PortZone, ServerClass, ServerConnection, SwitchClass } from '../../src/model/fabric-model.js';
import { DEFAULT_PLANNER_OPTIONS, type PlannerOptions } from '../../src/model/planner-options.js';

export const BREAKOUTS: Breakout[] = [
  ['1x800g', 800, 1, 800], ['2x400g', 800, 2, 400], ['4x200g', 800, 4, 200], ['8x100g', 800, 8, 100],
  ['1x400g', 400, 1, 400], ['2x200g', 400, 2, 200], ['4x100g', 400, 4, 100], ['1x100g', 100, 1, 100],
  ['1x40g', 100, 1, 40], ['4x25g', 100, 4, 25], ['4x10g', 100, 4, 10], ['2x50g', 100, 2, 50],
  ['1x1g', 1, 1, 1], ['1x10g', 10, 1, 10], ['1x25g', 25, 1, 25],
].map(([id, fromSpeed, logicalPorts, logicalSpeed]) => ({ id: id as string, fromSpeed: fromSpeed as number, logicalPorts: logicalPorts as number, logicalSpeed: logicalSpeed as number }));

export function switchType(slug: string, opts: Partial<SwitchDeviceType> = {}): SwitchDeviceType {
  return {
    slug, manufacturer: 'Test', model: slug, uHeight: 1, supportedBreakouts: [], mclagCapable: true, eslagCapable: true,
    roles: [], ports: [], interfaces: Array.from({ length: 64 }, (_, i) => ({ name: `E1/${i + 1}`, type: '800gbase-x-osfp' })),
    nativeSpeed: 800, hedgehogProfile: slug, ...opts,
  };
}

export const DS5000 = switchType('ds5000', { supportedBreakouts: ['1x800g', '2x400g', '4x200g', '8x100g'] });
const NIC_PORTS = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `p${i}`, type: 'other' }));
export const NICS: NicType[] = [1, 2, 4, 8, 12].map((n) => ({ slug: `nic${n}`, manufacturer: 'Test', model: `nic${n}`, ports: NIC_PORTS(n) }));

export function catalog(switchTypes: SwitchDeviceType[] = [DS5000]): Catalog {
  return {
    breakouts: new Map(BREAKOUTS.map((b) => [b.id, b])),
    switchTypes: new Map(switchTypes.map((t) => [t.slug, t])),
    serverTypes: new Map([['server', { slug: 'server', manufacturer: 'Test', model: 'server', uHeight: 1 }]]),
    nicTypes: new Map(NICS.map((n) => [n.slug, n])),
  };
}

export function zone(name: string, type: PortZone['type'], ports: number[], opts: Partial<PortZone> = {}): PortZone {
  return { name, type, portSpec: '', ports, strategy: 'sequential', priority: 100, ...opts };
}

export function range(from: number, to: number, step = 1): number[] {
  const out: number[] = [];
  for (let p = from; p <= to; p += step) out.push(p);
  return out;
}

export function switchClass(id: string, opts: Partial<SwitchClass> = {}): SwitchClass {
  return { id, fabric: 'frontend', fabricClass: 'managed', topology: 'spine-leaf', role: 'server-leaf', deviceType: 'ds5000', groups: [], mclagPair: false, zones: [], ...opts };
}

export function connection(id: string, target: string, opts: Partial<ServerConnection> = {}): ServerConnection {
  const [switchClass, zoneName] = target.split('/');
  return { id, nic: 'nic', portIndex: 0, ports: 1, speed: 400, distribution: 'same-switch', type: 'unbundled', target: { switchClass, zone: zoneName }, portType: 'data', ...opts };
}

export function serverClass(id: string, quantity: number, connections: ServerConnection[], nicType = 'nic12'): ServerClass {
  const nics = [...new Set(connections.map((c) => c.nic))].map((nic) => ({ id: nic, type: nicType }));
  return { id, category: 'gpu', quantity, gpusPerServer: 0, deviceType: 'server', nics, connections };
}

export function model(switchClasses: SwitchClass[], serverClasses: ServerClass[], opts: { catalog?: Catalog; options?: Partial<PlannerOptions> } = {}): FabricModel {
  const fabrics = [...new Set(switchClasses.map((c) => c.fabric))].map((name) => ({ name, class: 'managed' as const, topology: 'spine-leaf' as const }));
  return {
    name: 'test', site: { name: 'Hedgehog', slug: 'hedgehog' }, naming: {}, options: { ...DEFAULT_PLANNER_OPTIONS, ...opts.options },
    fabrics, switchClasses, serverClasses, catalog: opts.catalog ?? catalog(),
  };
}
