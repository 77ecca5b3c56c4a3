import type { Catalog } from '../../model/catalog-types.js';
import type { SwitchClass } from '../../model/fabric-model.js';
import { naturalCompare } from '../../planner/ordering.js';
import type { SwitchDevice } from '../../planner/topology.js';
import { sortZones } from '../../planner/zone-order.js';

/**
 * Switch.spec as the reference exports it: role, profile, boot MAC, groups,
 * redundancy, and per-port breakouts (≥100G native) or speeds (<100G) from the zones.
 * No ASN/IP/VTEP: hhfab hydrates those.
 */
export function switchSpec(device: SwitchDevice, cls: SwitchClass, catalog: Catalog): Record<string, unknown> {
  const type = catalog.switchTypes.get(cls.deviceType);
  const breakouts = new Map<string, string>();
  const speeds = new Map<string, string>();
  for (const zone of sortZones(cls.zones)) {
    const breakout = zone.breakout ? catalog.breakouts.get(zone.breakout) : undefined;
    for (const port of zone.ports) {
      const key = `E1/${port}`;
      // A later zone wins a port that two zones share.
      breakouts.delete(key);
      speeds.delete(key);
      if (!breakout) breakouts.set(key, `1x${type?.nativeSpeed ?? 0}G`);
      else if (breakout.fromSpeed >= 100) breakouts.set(key, breakout.id.replace(/g$/, 'G'));
      else speeds.set(key, `${breakout.logicalSpeed}G`);
    }
  }
  const spec: Record<string, unknown> = { boot: { mac: device.bootMac } };
  if (cls.groups.length > 0) spec.groups = [...cls.groups];
  if (breakouts.size > 0) spec.portBreakouts = sortedRecord(breakouts);
  if (speeds.size > 0) spec.portSpeeds = sortedRecord(speeds);
  spec.profile = type?.hedgehogProfile ?? '';
  if (cls.redundancy) spec.redundancy = { group: cls.redundancy.group, type: cls.redundancy.type };
  spec.role = cls.role;
  return spec;
}

function sortedRecord(map: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of [...map.keys()].sort(naturalCompare)) out[key] = map.get(key)!;
  return out;
}
