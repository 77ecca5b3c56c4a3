import type { Catalog } from '../model/catalog-types.js';
import type { SwitchClass } from '../model/fabric-model.js';
import type { PlannerOptions } from '../model/planner-options.js';
import { selectBreakout } from './breakout-selection.js';
import { PlannerError } from './planner-error.js';
import { portCapacity, switchType } from './port-capacity.js';
import { uplinkPortCount } from './uplink-count.js';

export const LEAF_ROLES = new Set(['server-leaf', 'border-leaf']);

/**
 * Spines = ceil(Σ leaves × physical uplinks / spine fabric capacity), over the
 * leaves of the same fabric. The reference sets no minimum and no parity rule.
 */
export function spineSwitchQuantity(
  spine: SwitchClass,
  classes: readonly SwitchClass[],
  effective: ReadonlyMap<string, number>,
  catalog: Catalog,
  options: PlannerOptions,
): number {
  const leaves = classes.filter((c) => c.fabric === spine.fabric && LEAF_ROLES.has(c.role));
  const uplinksPerLeaf: number[] = [];
  let demand = 0;
  for (const leaf of leaves) {
    let uplinks: number;
    try {
      uplinks = uplinkPortCount(leaf);
    } catch {
      throw new PlannerError(
        'DIET-P106',
        `spine calculation failed: leaf switch class '${leaf.id}' has no uplink configuration`,
        'add an uplink zone to the leaf, or set uplinksPerSwitch (0 for leaves that intentionally have no spine uplinks)',
        leaf.origin,
      );
    }
    const count = effective.get(leaf.id) ?? 0;
    demand += count * uplinks;
    if (count > 0 && uplinks > 0) uplinksPerLeaf.push(uplinks);
  }
  if (leaves.length === 0 || demand === 0) return 0;
  const source = portCapacity(spine, 'fabric', catalog);
  let capacity: number;
  if (source.isFallback) {
    capacity = source.portCount - uplinkPortCount(spine);
  } else {
    const chosen = selectBreakout(source.nativeSpeed, source.nativeSpeed, switchType(spine, catalog).supportedBreakouts, catalog.breakouts);
    capacity = source.portCount * chosen.logicalPorts;
  }
  if (capacity <= 0) {
    throw new PlannerError('DIET-P107', `spine class '${spine.id}' has no fabric capacity`, "add a 'fabric' zone to the spine class", spine.origin);
  }
  let n = Math.ceil(demand / capacity);
  if (options.spineRounding === 'even-uplinks') {
    const most = Math.max(...uplinksPerLeaf);
    while (n < most && uplinksPerLeaf.some((u) => u % n !== 0)) n++;
  }
  return n;
}
