/**
 * `<switchClassId>/<zoneName>` references (connection targets, zone peers) and their
 * resolution against the spec. Ids cannot contain `/` (the schema's patterns), so the
 * first `/` separates the two parts.
 */
import type { ZoneRef } from '../model/fabric-model.js';
import type { RuleContext, SwitchClassEntry, ZoneEntry } from './rule-context.js';

export function parseZoneRef(text: string): ZoneRef {
  const slash = text.indexOf('/');
  return slash < 0 ? { switchClass: text, zone: '' } : { switchClass: text.slice(0, slash), zone: text.slice(slash + 1) };
}

export type ZoneLookup =
  | { readonly found: ZoneEntry }
  | { readonly missingClass: string; readonly classes: readonly string[] }
  | { readonly missingZone: string; readonly switchClass: SwitchClassEntry; readonly zones: readonly string[] };

/** Resolves a reference; with repeated ids the first definition wins (reported elsewhere). */
export function lookupZone(ctx: RuleContext, text: string): ZoneLookup {
  const ref = parseZoneRef(text);
  const switchClass = ctx.switchClassById.get(ref.switchClass);
  if (!switchClass) return { missingClass: ref.switchClass, classes: [...ctx.switchClassById.keys()] };
  const zones = ctx.zonesByClass.get(switchClass) ?? new Map<string, ZoneEntry>();
  const zone = zones.get(ref.zone);
  return zone ? { found: zone } : { missingZone: ref.zone, switchClass, zones: [...zones.keys()] };
}
