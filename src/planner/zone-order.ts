import type { PortZone, SwitchClass } from '../model/fabric-model.js';
import type { ZoneType } from '../model/enums.js';
import { compareStrings } from './ordering.js';

/** Zones allocate in (priority, name) order: lower priority first. */
export function sortZones(zones: readonly PortZone[]): PortZone[] {
  return [...zones].sort((a, b) => a.priority - b.priority || compareStrings(a.name, b.name));
}

export function zonesOfType(cls: SwitchClass, type: ZoneType): PortZone[] {
  return sortZones(cls.zones.filter((z) => z.type === type));
}
