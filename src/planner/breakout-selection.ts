import type { Breakout } from '../model/catalog-types.js';
import { PlannerError } from './planner-error.js';

/** The reference ordering decides which row wins when several match. */
function referenceOrder(a: Breakout, b: Breakout): number {
  return b.fromSpeed - a.fromSpeed || a.logicalPorts - b.logicalPorts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Picks the breakout used for capacity: an exact speed match from the allow-list,
 * else the native 1:1 mode (which then counts one logical port per physical port),
 * else an error. An empty allow-list means "no policy": a synthetic 1x<native>g.
 */
export function selectBreakout(
  nativeSpeed: number,
  requiredSpeed: number,
  supported: readonly string[],
  breakouts: ReadonlyMap<string, Breakout>,
): Breakout {
  if (supported.length === 0) {
    return { id: `1x${nativeSpeed}g`, fromSpeed: nativeSpeed, logicalPorts: 1, logicalSpeed: nativeSpeed };
  }
  const allowed = new Set(supported.map((s) => s.toLowerCase()));
  const candidates = [...breakouts.values()].filter((b) => allowed.has(b.id) && b.fromSpeed === nativeSpeed).sort(referenceOrder);
  const exact = candidates.find((b) => b.logicalSpeed === requiredSpeed);
  if (exact) return exact;
  const native = candidates.find((b) => b.logicalPorts === 1);
  if (native) return native;
  throw new PlannerError(
    'DIET-P101',
    `No suitable breakout found for ${requiredSpeed}G connection on ${nativeSpeed}G port. Supported breakouts: ${supported.join(', ')}.`,
    `add a compatible breakout (e.g. matching speed or 1x${nativeSpeed}g) to the device type's supportedBreakouts`,
  );
}
