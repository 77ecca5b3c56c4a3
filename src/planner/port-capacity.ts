import type { Catalog, SwitchDeviceType } from '../model/catalog-types.js';
import type { SwitchClass } from '../model/fabric-model.js';
import type { ZoneType } from '../model/enums.js';
import { PlannerError } from './planner-error.js';
import { zonesOfType } from './zone-order.js';

export interface PortCapacity {
  readonly nativeSpeed: number;
  readonly portCount: number;
  /** True when no zone of the type exists and the device type's figures were used. */
  readonly isFallback: boolean;
}

/** Capacity source for a class: its first zone of the type, else the device type. */
export function portCapacity(cls: SwitchClass, type: ZoneType, catalog: Catalog, preferZone?: string): PortCapacity {
  const zones = zonesOfType(cls, type);
  const zone = (preferZone && zones.find((z) => z.name === preferZone)) || zones[0];
  if (zone) {
    const breakout = zone.breakout ? catalog.breakouts.get(zone.breakout) : undefined;
    if (!breakout) {
      throw new PlannerError('DIET-P103', `zone '${cls.id}/${zone.name}' has no breakout; cannot determine its native speed`, 'set `breakout` on the zone', zone.origin);
    }
    return { nativeSpeed: breakout.fromSpeed, portCount: zone.ports.length, isFallback: false };
  }
  const deviceType = switchType(cls, catalog);
  if (deviceType.nativeSpeed === undefined) {
    throw new PlannerError(
      'DIET-P104',
      `device type '${deviceType.slug}' has no zones of type '${type}' on class '${cls.id}' and no native speed`,
      `add a '${type}' zone to the class, or nativeSpeed to the device type`,
      cls.origin,
    );
  }
  return { nativeSpeed: deviceType.nativeSpeed, portCount: deviceType.interfaces.length || 64, isFallback: true };
}

export function switchType(cls: SwitchClass, catalog: Catalog): SwitchDeviceType {
  const t = catalog.switchTypes.get(cls.deviceType);
  if (!t) throw new PlannerError('DIET-P105', `unknown switch device type '${cls.deviceType}'`, 'see `diet catalog list`', cls.origin);
  return t;
}
