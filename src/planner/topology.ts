/**
 * The planner's output: every device, switch-side interface and cable of a fabric
 * set, named and port-assigned exactly as the reference planner would.
 */
import type { SourceRange } from '../diag/diagnostic.js';
import type { FabricClass, SwitchRole, ZoneType } from '../model/enums.js';

export interface SwitchQuantity {
  readonly calculated: number | null;
  readonly override: number | null;
  readonly effective: number;
}

export interface SwitchDevice {
  readonly name: string;
  readonly classId: string;
  /** 1-based index within the class. */
  readonly index: number;
  readonly fabric: string;
  readonly fabricClass: FabricClass;
  readonly role: SwitchRole;
  readonly deviceType: string;
  readonly bootMac: string;
}

export interface ServerDevice {
  readonly name: string;
  readonly classId: string;
  readonly index: number;
  readonly deviceType: string;
}

/** A server-side interface: `<nic id>-<port name>`. */
export interface ServerInterface {
  readonly device: string;
  readonly name: string;
  readonly nic: string;
  readonly type: string;
}

/** A switch-side interface the plan uses: `E1/<port>` or `E1/<port>/<lane>`. */
export interface SwitchInterface {
  readonly device: string;
  readonly name: string;
  readonly zone: string;
  readonly physicalPort: number;
  /** 1-based lane for breakout lanes, undefined for unbroken ports. */
  readonly lane?: number;
  readonly speed: number;
}

export type CableKind = 'server' | 'fabric' | 'surrogate' | 'peer' | 'mesh';

export interface CableEnd {
  readonly device: string;
  readonly port: string;
}

export interface Cable {
  /** A = server or lower-tier switch, B = switch (or upper tier). */
  readonly a: CableEnd;
  readonly b: CableEnd;
  readonly kind: CableKind;
  /** The zone type recorded on the cable by the reference (`oob` for surrogate uplinks). */
  readonly zoneType?: ZoneType;
  readonly speed: number;
  readonly origin?: SourceRange;
}

export interface Topology {
  readonly quantities: ReadonlyMap<string, SwitchQuantity>;
  readonly switches: readonly SwitchDevice[];
  readonly servers: readonly ServerDevice[];
  readonly serverInterfaces: readonly ServerInterface[];
  readonly switchInterfaces: readonly SwitchInterface[];
  readonly cables: readonly Cable[];
}

/** The figures scripts rely on (`topology` in the plan document). */
export interface TopologySummary {
  readonly devices: number;
  readonly servers: number;
  readonly switches: number;
  readonly cables: number;
  readonly switch_interfaces: number;
  readonly switch_classes: Record<string, number>;
  readonly server_classes: Record<string, number>;
}

export function summarizeTopology(topology: Topology, serverClassQuantities: ReadonlyMap<string, number>): TopologySummary {
  const switchClasses: Record<string, number> = {};
  for (const id of [...topology.quantities.keys()].sort()) switchClasses[id] = topology.quantities.get(id)!.effective;
  const serverClasses: Record<string, number> = {};
  for (const id of [...serverClassQuantities.keys()].sort()) serverClasses[id] = serverClassQuantities.get(id)!;
  return {
    devices: topology.switches.length + topology.servers.length,
    servers: topology.servers.length,
    switches: topology.switches.length,
    cables: topology.cables.length,
    switch_interfaces: topology.switchInterfaces.length,
    switch_classes: switchClasses,
    server_classes: serverClasses,
  };
}
