import { compareStrings } from './ordering.js';
import { PlannerError } from './planner-error.js';
import type { SwitchDevice } from './topology.js';
import type { WiringContext } from './wiring-context.js';
import { zonesOfType } from './zone-order.js';
import { LEAF_ROLES } from './spine-quantity.js';

/**
 * Leaf↔spine links per managed fabric: each leaf spreads all its uplink lanes over
 * the spines (the first T mod S spines take one more), leaf slot i ↔ spine slot i.
 */
export function wireFabrics(ctx: WiringContext, switches: readonly SwitchDevice[]): void {
  const fabrics = [...new Set(switches.filter((s) => s.fabricClass === 'managed').map((s) => s.fabric))].sort(compareStrings);
  for (const fabric of fabrics) {
    const inFabric = switches.filter((s) => s.fabric === fabric && s.fabricClass === 'managed').sort((a, b) => compareStrings(a.name, b.name));
    const leaves = inFabric.filter((s) => LEAF_ROLES.has(s.role));
    const spines = inFabric.filter((s) => s.role === 'spine');
    if (leaves.length === 0 || spines.length === 0) continue;
    for (const leaf of leaves) {
      const leafClass = ctx.switchClass(leaf.classId);
      if (leafClass.uplinkPortsPerSwitch === 0) continue;
      const uplinkZones = zonesOfType(leafClass, 'uplink');
      if (uplinkZones.length === 0) {
        throw new PlannerError('DIET-P160', `Leaf switch class '${leafClass.id}' has no uplink zones defined.`, "add a zone of type 'uplink' or set uplinksPerSwitch: 0", leafClass.origin);
      }
      const leafSlots = ctx.allocateRest(leaf.name, uplinkZones);
      const base = Math.floor(leafSlots.length / spines.length);
      const extra = leafSlots.length % spines.length;
      let next = 0;
      spines.forEach((spine, i) => {
        const count = base + (i < extra ? 1 : 0);
        if (count === 0) return;
        const spineClass = ctx.switchClass(spine.classId);
        const fabricZones = zonesOfType(spineClass, 'fabric');
        if (fabricZones.length === 0) {
          throw new PlannerError('DIET-P161', `Spine switch class '${spineClass.id}' has no fabric zones defined.`, "add a zone of type 'fabric' to the spine class", spineClass.origin);
        }
        const spineSlots = ctx.allocateFromZones(spine.name, fabricZones, count);
        for (const { zone: spineZone, slot: spineSlot } of spineSlots) {
          const { zone: leafZone, slot: leafSlot } = leafSlots[next++];
          ctx.touchInterface(leaf.name, leafZone, leafSlot, leafSlot.speed);
          ctx.touchInterface(spine.name, spineZone, spineSlot, spineSlot.speed);
          ctx.layCable('fabric', { device: leaf.name, port: leafSlot.name }, { device: spine.name, port: spineSlot.name }, leafSlot.speed, leafZone.origin);
        }
      });
    }
  }
}
