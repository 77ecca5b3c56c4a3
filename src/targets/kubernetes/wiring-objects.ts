import type { SourceRange } from '../../diag/diagnostic.js';
import type { FabricModel } from '../../model/fabric-model.js';
import { sanitizeCrdName } from '../../planner/naming.js';
import { compareStrings } from '../../planner/ordering.js';
import type { Cable, SwitchDevice, Topology } from '../../planner/topology.js';
import { connectionObjects } from './connection-objects.js';
import { kindRank, kubeObject, VPC_API, WIRING_API, type KubeObject } from './kube-object.js';
import { switchSpec } from './switch-spec.js';

/** Fixed placeholders of the reference export; hhfab hydrates the rest. */
const DEFAULT_VLAN_RANGES = [{ from: 1000, to: 2999 }];
const DEFAULT_IPV4_SUBNETS = ['10.0.0.0/16'];

/** A wiring object and the spec line that caused it. */
export interface WiringEntry {
  readonly object: KubeObject;
  readonly origin?: SourceRange;
}

export type Endpoint = { readonly kind: 'switch'; readonly device: SwitchDevice } | { readonly kind: 'surrogate'; readonly device: SwitchDevice } | { readonly kind: 'server' };

/**
 * The Hedgehog wiring of one managed fabric, in hhfab's document order: namespaces,
 * switch groups, switches, servers (incl. surrogates of unmanaged switches) and
 * connections, each block sorted by name.
 */
export function buildWiringObjects(model: FabricModel, topology: Topology, fabric: string): KubeObject[] {
  return buildWiringEntries(model, topology, fabric).map((e) => e.object);
}

/** The same objects, each with the spec line that caused it. */
export function buildWiringEntries(model: FabricModel, topology: Topology, fabric: string): WiringEntry[] {
  const classes = new Map(model.switchClasses.map((c) => [c.id, c]));
  const fabricOrigin = model.fabrics.find((f) => f.name === fabric)?.origin;
  const endpoints = new Map<string, Endpoint>();
  const deviceOrigin = new Map<string, SourceRange | undefined>();
  for (const s of topology.switches) {
    endpoints.set(s.name, s.fabricClass === 'managed' ? { kind: 'switch', device: s } : { kind: 'surrogate', device: s });
    deviceOrigin.set(s.name, classes.get(s.classId)?.origin);
  }
  const serverOrigins = new Map(model.serverClasses.map((c) => [c.id, c.origin]));
  for (const s of topology.servers) {
    endpoints.set(s.name, { kind: 'server' });
    deviceOrigin.set(s.name, serverOrigins.get(s.classId));
  }

  // The reference skips switches of a class with a blank role.
  const switches = topology.switches.filter((s) => s.fabric === fabric && s.fabricClass === 'managed' && s.role !== '');
  const inScope = (c: Cable) => [c.a.device, c.b.device].some((d) => { const e = endpoints.get(d); return e?.kind === 'switch' && e.device.fabric === fabric; });
  const cables = topology.cables.filter(inScope);
  const connections = connectionObjects(cables, endpoints, fabric, (s) => classes.get(s.classId)?.topology === 'mesh');

  const serverNames = new Set<string>();
  for (const c of cables) {
    for (const d of [c.a.device, c.b.device]) if (endpoints.get(d)?.kind !== 'switch') serverNames.add(d);
  }
  const groups = new Map<string, SourceRange | undefined>();
  for (const s of switches) for (const g of classes.get(s.classId)!.groups) if (!groups.has(g)) groups.set(g, classes.get(s.classId)!.origin);

  const entries: WiringEntry[] = [
    { object: kubeObject(WIRING_API, 'VLANNamespace', 'default', { ranges: DEFAULT_VLAN_RANGES }), origin: fabricOrigin },
    { object: kubeObject(VPC_API, 'IPv4Namespace', 'default', { subnets: DEFAULT_IPV4_SUBNETS }), origin: fabricOrigin },
    ...[...groups].map(([g, origin]) => ({ object: kubeObject(WIRING_API, 'SwitchGroup', g, {}), origin })),
    ...switches.map((s) => ({ object: kubeObject(WIRING_API, 'Switch', sanitizeCrdName(s.name), switchSpec(s, classes.get(s.classId)!, model.catalog)), origin: deviceOrigin.get(s.name) })),
    ...[...serverNames].map((n) => ({ object: kubeObject(WIRING_API, 'Server', sanitizeCrdName(n), {}), origin: deviceOrigin.get(n) })),
    ...connections,
  ];
  return entries.sort((a, b) => kindRank(a.object.kind) - kindRank(b.object.kind) || compareStrings(a.object.metadata.name, b.object.metadata.name));
}

/** Managed fabrics that have at least one switch, sorted. */
export function managedFabrics(topology: Topology): string[] {
  return [...new Set(topology.switches.filter((s) => s.fabricClass === 'managed').map((s) => s.fabric))].sort(compareStrings);
}
