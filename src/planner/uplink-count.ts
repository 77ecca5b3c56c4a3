import type { SwitchClass } from '../model/fabric-model.js';
import { PlannerError } from './planner-error.js';

/**
 * Physical uplink ports of one leaf (breakouts ignored, as the reference does).
 * Uplink zones win over the legacy per-switch count, except that 0 always means
 * "standalone": no spine demand.
 */
export function uplinkPortCount(cls: SwitchClass): number {
  const uplinkZones = cls.zones.filter((z) => z.type === 'uplink');
  if (uplinkZones.length > 0) {
    if (cls.uplinkPortsPerSwitch === 0) return 0;
    return uplinkZones.reduce((sum, z) => sum + z.ports.length, 0);
  }
  if (cls.uplinkPortsPerSwitch !== undefined) return cls.uplinkPortsPerSwitch;
  throw new PlannerError(
    'DIET-P102',
    `switch class '${cls.id}' has no uplink capacity defined`,
    "add a zone of type 'uplink', or set uplinksPerSwitch (0 for a standalone leaf)",
    cls.origin,
  );
}
