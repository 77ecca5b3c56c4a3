/**
 * The switch port names a Hedgehog Connection may use, given the switch's breakout
 * settings (Hedgehog's `GetAPI2NOSPortsFor`). A breakout port's base name is accepted
 * as an alias of its first sub-port, so it is in the set whatever the mode.
 */
import type { SwitchDeviceType } from '../model/catalog-types.js';
import { parseProfileMode } from './profile-modes.js';

/**
 * `M1` (Hedgehog-profile switches only: every profile has it), every direct and group port
 * by base name, and each breakout port as `E1/<p>` plus `E1/<p>/1`…`E1/<p>/N`, N from
 * `portBreakouts['E1/<p>']` (e.g. `4x200G`) or else the port's default mode.
 */
export function allowedPortNames(
  type: SwitchDeviceType,
  portBreakouts: Readonly<Record<string, string>>,
): Set<string> {
  const names = new Set<string>();
  if (type.hedgehogProfile !== undefined) names.add('M1');
  for (const port of type.ports) {
    const base = `E1/${port.port}`;
    names.add(base);
    if (port.kind !== 'breakout') continue;
    const mode = Object.hasOwn(portBreakouts, base) ? portBreakouts[base] : port.defaultMode;
    // An unparsable mode is a validation error elsewhere; fall back to the default here.
    const lanes = (parseProfileMode(mode) ?? parseProfileMode(port.defaultMode))?.lanes ?? 1;
    for (let k = 1; k <= lanes; k++) names.add(`${base}/${k}`);
  }
  return names;
}
