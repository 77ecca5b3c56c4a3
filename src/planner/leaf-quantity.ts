import type { Catalog } from '../model/catalog-types.js';
import type { SwitchClass } from '../model/fabric-model.js';
import type { PlannerOptions } from '../model/planner-options.js';
import { selectBreakout } from './breakout-selection.js';
import { PlannerError } from './planner-error.js';
import { switchType } from './port-capacity.js';
import { railSwitchQuantity } from './rail-quantity.js';
import { applyRedundancyRounding } from './redundancy-rounding.js';
import { demandOf, type TargetedConnection } from './targeted-connections.js';

/**
 * Switch count of a leaf-like class. Zones are disjoint port sets on the same
 * switch, so each zone is sized on its own and the largest need wins.
 */
export function leafSwitchQuantity(cls: SwitchClass, connections: readonly TargetedConnection[], catalog: Catalog, options: PlannerOptions): number {
  if (connections.length === 0) return 0;
  if (connections.some((c) => c.connection.distribution === 'rail-optimized')) {
    return railSwitchQuantity(cls, connections, catalog, options);
  }
  const deviceType = switchType(cls, catalog);
  const totalDemand = connections.reduce((sum, c) => sum + demandOf(c), 0);
  const byZone = new Map<string, TargetedConnection[]>();
  for (const c of connections) {
    const list = byZone.get(c.connection.target.zone) ?? [];
    list.push(c);
    byZone.set(c.connection.target.zone, list);
  }
  let switches = 0;
  for (const [zoneName, zoneConnections] of byZone) {
    const zone = cls.zones.find((z) => z.name === zoneName);
    const breakout = zone?.breakout ? catalog.breakouts.get(zone.breakout) : undefined;
    if (!zone || !breakout) {
      throw new PlannerError('DIET-P103', `zone '${cls.id}/${zoneName}' has no breakout; cannot determine its capacity`, 'set `breakout` on the zone', zone?.origin ?? cls.origin);
    }
    const speed = zoneConnections[0].connection.speed;
    const chosen = selectBreakout(breakout.fromSpeed, speed, deviceType.supportedBreakouts, catalog.breakouts);
    const capacity = zone.ports.length * chosen.logicalPorts;
    const demand = zoneConnections.reduce((sum, c) => sum + demandOf(c), 0);
    switches = Math.max(switches, Math.ceil(demand / capacity));
  }
  if (totalDemand > 0 && switches === 0) switches = 1;
  // Alternating ports need a second switch to alternate to.
  if (totalDemand > 0 && switches < 2 && connections.some((c) => c.connection.distribution === 'alternating')) switches = 2;
  return applyRedundancyRounding(cls, switches);
}
