/**
 * The built-in catalog: every default Hedgehog switch profile, the management switch,
 * generic servers and the NIC types, plus the breakout table they imply.
 */
import type { Breakout, Catalog, SwitchDeviceType } from '../model/catalog-types.js';
import { buildBreakoutTable } from './breakouts.js';
import { deepFreeze, immutableMap } from './immutable-map.js';
import { MANAGEMENT_SWITCHES } from './management-switches.js';
import { BUILTIN_NIC_TYPES } from './nic-types.js';
import { CELESTICA_PROFILES } from './profiles/celestica.js';
import { DELL_PROFILES } from './profiles/dell.js';
import { EDGECORE_PROFILES } from './profiles/edgecore.js';
import { SUPERMICRO_PROFILES } from './profiles/supermicro.js';
import { VIRTUAL_PROFILES } from './profiles/virtual.js';
import { BUILTIN_SERVER_TYPES } from './server-types.js';
import { switchTypeFromProfile } from './switch-type-from-profile.js';

// The reference bootstrap always creates 1x25g (the management switch's uplink mode).
const EXTRA_BREAKOUT_MODES = ['1x25g'];

function builtinSwitchTypes(): SwitchDeviceType[] {
  return [
    ...CELESTICA_PROFILES,
    ...DELL_PROFILES,
    ...EDGECORE_PROFILES,
    ...SUPERMICRO_PROFILES,
    ...VIRTUAL_PROFILES,
    ...MANAGEMENT_SWITCHES,
  ].map(switchTypeFromProfile);
}

/** Seeded breakouts plus every mode the given switch types allow (get-or-create). */
function builtinBreakouts(switchTypes: readonly SwitchDeviceType[]): Breakout[] {
  const modes = switchTypes.flatMap((type) => [
    ...type.supportedBreakouts,
    ...type.ports.filter((port) => port.kind === 'breakout').map((port) => port.defaultMode),
  ]);
  return buildBreakoutTable([...modes, ...EXTRA_BREAKOUT_MODES]);
}

function buildBuiltinCatalog(): Catalog {
  const switchTypes = builtinSwitchTypes();
  const breakouts = builtinBreakouts(switchTypes);
  return Object.freeze({
    breakouts: immutableMap(deepFreeze(breakouts).map((b) => [b.id, b] as const)),
    switchTypes: immutableMap(deepFreeze(switchTypes).map((t) => [t.slug, t] as const)),
    serverTypes: immutableMap(deepFreeze([...BUILTIN_SERVER_TYPES]).map((t) => [t.slug, t] as const)),
    nicTypes: immutableMap(deepFreeze([...BUILTIN_NIC_TYPES]).map((t) => [t.slug, t] as const)),
  });
}

let memo: Catalog | undefined;

/** The built-in catalog; built once, deeply immutable, the same object on every call. */
export function builtinCatalog(): Catalog {
  memo ??= buildBuiltinCatalog();
  return memo;
}

/** A built-in switch type by Hedgehog SwitchProfile name (e.g. `celestica-ds5000`). */
export function profileByName(name: string): SwitchDeviceType | undefined {
  const type = builtinCatalog().switchTypes.get(name);
  return type?.hedgehogProfile === name ? type : undefined;
}
