import type { Catalog } from '../model/catalog-types.js';
import type { SwitchClass } from '../model/fabric-model.js';
import type { PlannerOptions } from '../model/planner-options.js';
import { selectBreakout } from './breakout-selection.js';
import { portCapacity, switchType } from './port-capacity.js';
import { applyRedundancyRounding } from './redundancy-rounding.js';
import { uplinkPortCount } from './uplink-count.js';
import { demandOf, type TargetedConnection } from './targeted-connections.js';

/**
 * Rail-optimized sizing: rails share switches when capacity allows. The reference
 * sizes from the class's first server zone and ignores non-rail connections.
 */
export function railSwitchQuantity(cls: SwitchClass, connections: readonly TargetedConnection[], catalog: Catalog, options: PlannerOptions): number {
  const rails = connections.filter((c) => c.connection.distribution === 'rail-optimized');
  const preferZone = options.railCapacity === 'target-zone' ? rails[0].connection.target.zone : undefined;
  const source = portCapacity(cls, 'server', catalog, preferZone);
  const chosen = selectBreakout(source.nativeSpeed, rails[0].connection.speed, switchType(cls, catalog).supportedBreakouts, catalog.breakouts);
  let capacity = source.portCount * chosen.logicalPorts;
  if (source.isFallback) capacity -= uplinkPortCount(cls);
  if (capacity <= 0) return 0;
  const total = connections.filter((c) => c.connection.rail !== undefined).reduce((sum, c) => sum + demandOf(c), 0);
  let n = Math.ceil(total / capacity);
  if (total > 0 && n < 1) n = 1;
  return applyRedundancyRounding(cls, n);
}
