/**
 * Finding the diet built-in catalog entry a v2 plan means. v2 plans name NetBox objects
 * (device type slugs, `{manufacturer, model}` module types) that the plugin's bootstrap
 * created; diet's built-in catalog describes the same hardware, sometimes under another
 * slug or model spelling. Matching is deliberately conservative: an exact slug, a
 * documented alias, an exact model, or a model whose slug is the catalog slug. Anything
 * looser could silently swap hardware.
 */
import type { Catalog, NicType } from '../../model/catalog-types.js';
import { slugify } from './name-rules.js';

/**
 * Plugin device-type slugs that name built-in diet types under another slug. The
 * plugin's canonical 128-GPU case names the ES1000 management switch `es1000-48`.
 */
const SWITCH_SLUG_ALIASES: Readonly<Record<string, string>> = {
  'es1000-48': 'celestica-es1000',
};

export function matchSwitchType(catalog: Catalog, slug: string): string | undefined {
  if (catalog.switchTypes.has(slug)) return slug;
  const alias = SWITCH_SLUG_ALIASES[slug];
  if (alias !== undefined && catalog.switchTypes.has(alias)) return alias;
  const byModel = [...catalog.switchTypes.values()].filter((t) => slugify(t.model) === slug);
  return byModel.length === 1 ? byModel[0].slug : undefined;
}

export function matchServerType(catalog: Catalog, slug: string): string | undefined {
  if (catalog.serverTypes.has(slug)) return slug;
  const byModel = [...catalog.serverTypes.values()].filter((t) => slugify(t.model) === slug);
  return byModel.length === 1 ? byModel[0].slug : undefined;
}

/** Manufacturers compare by slug: v2 writes `nvidia` where the catalog says `NVIDIA`. */
function sameManufacturer(nic: NicType, manufacturer: string): boolean {
  return slugify(nic.manufacturer) === slugify(manufacturer);
}

export function matchNicType(catalog: Catalog, manufacturer: string, model: string): string | undefined {
  const nics = [...catalog.nicTypes.values()];
  const wanted = model.trim().toLowerCase();
  const sameModel = nics.filter((n) => n.model.toLowerCase() === wanted);
  const exact = sameModel.filter((n) => sameManufacturer(n, manufacturer));
  if (exact.length === 1) return exact[0].slug;
  if (sameModel.length === 1) return sameModel[0].slug;
  const slug = slugify(model);
  return catalog.nicTypes.has(slug) ? slug : undefined;
}

export function hasBreakout(catalog: Catalog, id: string): boolean {
  return catalog.breakouts.has(id);
}
