/**
 * Turns a switch profile definition (ports as the profile tables give them, plus the
 * facts the tables do not carry) into a catalog switch device type, deriving what the
 * reference's profile import derives: native speed, the breakout allow-list and the
 * NetBox interface templates.
 */
import type { ProfilePort, SwitchDeviceType } from '../model/catalog-types.js';
import { profilePortInterfaceType } from './interface-types.js';
import { parseProfileMode } from './profile-modes.js';

export interface SwitchProfileDefinition {
  /** Slug; also the Hedgehog profile name unless `managed` is false. */
  readonly name: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly uHeight: number;
  readonly mclagCapable: boolean;
  readonly eslagCapable: boolean;
  readonly roles: readonly string[];
  readonly ports: readonly ProfilePort[];
  readonly maxPorts?: number;
  /** False for switches Hedgehog cannot manage (no SwitchProfile exists). Default true. */
  readonly managed?: boolean;
  /** Replaces the derived native speed. */
  readonly nativeSpeed?: number;
  /** Replaces the derived breakout allow-list. */
  readonly supportedBreakouts?: readonly string[];
}

/** Highest default speed over the ports: the second number of `2x400G`, or `25G`'s 25. */
function highestDefaultSpeed(ports: readonly ProfilePort[]): number | undefined {
  let best: number | undefined;
  for (const port of ports) {
    const speed = parseProfileMode(port.defaultMode)?.speedGbps;
    if (speed !== undefined && (best === undefined || speed > best)) best = speed;
  }
  return best;
}

/** Union of the breakout ports' supported modes, lower-cased, in first-seen order. */
function breakoutModes(ports: readonly ProfilePort[]): string[] {
  const modes = new Set<string>();
  for (const port of ports) {
    if (port.kind !== 'breakout') continue;
    for (const mode of port.supportedModes) modes.add(mode.toLowerCase());
  }
  return [...modes];
}

export function switchTypeFromProfile(def: SwitchProfileDefinition): SwitchDeviceType {
  const ports = [...def.ports].sort((a, b) => a.port - b.port);
  const nativeSpeed = def.nativeSpeed ?? highestDefaultSpeed(ports);
  return {
    slug: def.name,
    manufacturer: def.manufacturer,
    model: def.model,
    uHeight: def.uHeight,
    ...(def.managed === false ? {} : { hedgehogProfile: def.name }),
    ...(nativeSpeed === undefined ? {} : { nativeSpeed }),
    supportedBreakouts: def.supportedBreakouts ?? breakoutModes(ports),
    mclagCapable: def.mclagCapable,
    eslagCapable: def.eslagCapable,
    roles: def.roles,
    ports,
    // Management (M1) is not a data port and gets no template, as in the reference import.
    interfaces: ports.map((port) => ({ name: `E1/${port.port}`, type: profilePortInterfaceType(port) })),
    ...(def.maxPorts === undefined ? {} : { maxPorts: def.maxPorts }),
  };
}
