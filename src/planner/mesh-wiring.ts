import { compareStrings } from './ordering.js';
import { PlannerError } from './planner-error.js';
import type { SwitchDevice } from './topology.js';
import type { WiringContext } from './wiring-context.js';
import { zonesOfType } from './zone-order.js';

/**
 * Leaf-to-leaf mesh of 2 or 3 switches: every pair gets the same number of links
 * (all mesh lanes with 2 switches, half of them with 3).
 */
export function wireMeshes(ctx: WiringContext, switches: readonly SwitchDevice[]): void {
  const meshClasses = ctx.model.switchClasses.filter((c) => c.topology === 'mesh');
  const fabrics = [...new Set(meshClasses.map((c) => c.fabric))].sort(compareStrings);
  for (const fabric of fabrics) {
    const classes = meshClasses.filter((c) => c.fabric === fabric);
    const members = switches.filter((s) => s.fabric === fabric && classes.some((c) => c.id === s.classId)).sort((a, b) => compareStrings(a.name, b.name));
    const n = members.length;
    const origin = classes[0].origin;
    if (n !== 2 && n !== 3) {
      throw new PlannerError('DIET-P170', `Mesh fabric '${fabric}' has ${n} switches; mesh requires exactly 2 or 3.`, 'set quantity so the mesh classes of the fabric total 2 or 3 switches', origin);
    }
    const lanesByClass = new Map<string, number>();
    for (const cls of classes) {
      const zones = zonesOfType(cls, 'mesh');
      if (zones.length === 0) {
        throw new PlannerError('DIET-P171', `Mesh switch class '${cls.id}' has no mesh-type port zones defined.`, "add a zone with type 'mesh'", cls.origin);
      }
      const physical = zones.reduce((sum, z) => sum + z.ports.length, 0);
      if (physical < n - 1) {
        throw new PlannerError('DIET-P172', `Mesh switch class '${cls.id}' needs at least ${n - 1} mesh ports, has ${physical}.`, 'widen the mesh zone', cls.origin);
      }
      const lanes = zones.reduce((sum, z) => sum + z.ports.length * (ctx.model.catalog.breakouts.get(z.breakout ?? '')?.logicalPorts ?? 1), 0);
      lanesByClass.set(cls.id, lanes);
    }
    const counts = new Set(lanesByClass.values());
    if (counts.size > 1) {
      throw new PlannerError('DIET-P173', `Mesh fabric '${fabric}' has asymmetric mesh zone capacity (${[...lanesByClass].map(([id, l]) => `${id}: ${l}`).join(', ')}).`, 'give every mesh class the same number of mesh lanes', origin);
    }
    const lanes = [...counts][0];
    if (n === 3 && lanes % 2 !== 0) {
      throw new PlannerError('DIET-P174', `Mesh fabric '${fabric}': ${lanes} mesh lanes per switch are not divisible by 2 for a 3-switch mesh.`, 'use an even number of mesh lanes', origin);
    }
    const perPair = n === 2 ? lanes : lanes / 2;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = members[i];
        const b = members[j];
        const aSlots = ctx.allocateFromZones(a.name, zonesOfType(ctx.switchClass(a.classId), 'mesh'), perPair);
        const bSlots = ctx.allocateFromZones(b.name, zonesOfType(ctx.switchClass(b.classId), 'mesh'), perPair);
        aSlots.forEach((mine, k) => {
          const theirs = bSlots[k];
          ctx.touchInterface(a.name, mine.zone, mine.slot, mine.slot.speed);
          ctx.touchInterface(b.name, theirs.zone, theirs.slot, theirs.slot.speed);
          ctx.layCable('mesh', { device: a.name, port: mine.slot.name }, { device: b.name, port: theirs.slot.name }, mine.slot.speed, mine.zone.origin);
        });
      }
    }
  }
}
