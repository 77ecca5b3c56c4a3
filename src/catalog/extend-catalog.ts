/**
 * Catalog documents of a spec add to the built-in catalog. An entry whose slug (or
 * breakout id) already exists replaces the existing one in place; new entries follow the
 * existing ones in the order given.
 */
import type {
  Breakout,
  Catalog,
  NicType,
  ServerDeviceType,
  SwitchDeviceType,
} from '../model/catalog-types.js';
import { compareBreakouts } from './breakouts.js';
import { immutableMap } from './immutable-map.js';

export interface CatalogAdditions {
  readonly breakouts?: readonly Breakout[];
  readonly switchTypes?: readonly SwitchDeviceType[];
  readonly serverTypes?: readonly ServerDeviceType[];
  readonly nicTypes?: readonly NicType[];
}

function mergeByKey<T>(
  base: ReadonlyMap<string, T>,
  additions: readonly T[] | undefined,
  keyOf: (entry: T) => string,
): ReadonlyMap<string, T> {
  if (additions === undefined || additions.length === 0) return base;
  const merged = new Map(base);
  for (const entry of additions) merged.set(keyOf(entry), entry);
  return immutableMap(merged);
}

export function extendCatalog(base: Catalog, additions: CatalogAdditions): Catalog {
  const breakouts = mergeByKey(base.breakouts, additions.breakouts, (b) => b.id);
  return Object.freeze({
    // The breakout table keeps reference order so "first match" lookups stay meaningful.
    breakouts:
      breakouts === base.breakouts
        ? breakouts
        : immutableMap([...breakouts.values()].sort(compareBreakouts).map((b) => [b.id, b] as const)),
    switchTypes: mergeByKey(base.switchTypes, additions.switchTypes, (t) => t.slug),
    serverTypes: mergeByKey(base.serverTypes, additions.serverTypes, (t) => t.slug),
    nicTypes: mergeByKey(base.nicTypes, additions.nicTypes, (t) => t.slug),
  });
}
