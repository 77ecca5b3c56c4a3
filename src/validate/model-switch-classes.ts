/** Switch classes of the model: fabric facts copied in, zones parsed, defaults applied. */
import type { FabricClass } from '../model/enums.js';
import type { FabricDefinition, PortZone, SwitchClass } from '../model/fabric-model.js';
import { omitUndefined } from './omit-undefined.js';
import { rangeOf, type Located, type SwitchClassEntry, type ZoneEntry } from './rule-context.js';
import type { FabricDocument } from './spec-documents.js';
import { parseZoneRef } from './zone-ref.js';
import { portSpecText, zonePorts } from './zone-ports.js';

/** Fabric names the reference planner treats as managed when `class` is not given. */
const MANAGED_BY_NAME: ReadonlySet<string> = new Set(['frontend', 'backend']);

export const DEFAULT_ZONE_PRIORITY = 100;

export function fabricClassOf(fabric: FabricDocument): FabricClass {
  return fabric.spec.class ?? (MANAGED_BY_NAME.has(fabric.metadata.name) ? 'managed' : 'unmanaged');
}

export function buildFabric(fabric: Located<FabricDocument>): FabricDefinition {
  const { metadata, spec } = fabric.value;
  return omitUndefined({
    name: metadata.name,
    class: fabricClassOf(fabric.value),
    topology: spec.topology ?? 'spine-leaf',
    description: spec.description,
    origin: rangeOf(fabric, 'metadata', 'name'),
  });
}

export function buildSwitchClass(entry: SwitchClassEntry, zones: readonly ZoneEntry[]): SwitchClass {
  const value = entry.value;
  const fabric = entry.fabric.value;
  const groups = [...(value.groups ?? [])];
  // The redundancy group is a SwitchGroup like any other; list it once.
  if (value.redundancy && !groups.includes(value.redundancy.group)) groups.push(value.redundancy.group);
  return omitUndefined({
    id: value.id,
    fabric: fabric.metadata.name,
    fabricClass: fabricClassOf(fabric),
    topology: fabric.spec.topology ?? 'spine-leaf',
    role: value.role ?? '',
    deviceType: value.deviceType,
    uplinkPortsPerSwitch: value.uplinksPerSwitch,
    overrideQuantity: value.quantity,
    redundancy: value.redundancy ? { type: value.redundancy.type, group: value.redundancy.group } : undefined,
    groups,
    mclagPair: value.mclagPair ?? false,
    zones: zones.map(buildZone),
    origin: rangeOf(entry),
  });
}

function buildZone(entry: ZoneEntry): PortZone {
  const value = entry.value;
  return omitUndefined({
    name: value.name,
    type: value.type,
    portSpec: portSpecText(value),
    // Validation has already rejected invalid specs; a model is only built without errors.
    ports: zonePorts(value) ?? [],
    breakout: value.breakout?.toLowerCase(),
    strategy: value.strategy ?? 'sequential',
    order: value.order ? [...value.order] : undefined,
    priority: value.priority ?? DEFAULT_ZONE_PRIORITY,
    peer: value.peer === undefined ? undefined : parseZoneRef(value.peer),
    transceiver: value.transceiver,
    origin: rangeOf(entry),
  });
}
