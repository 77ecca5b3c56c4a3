/**
 * Folds the spec's Catalog documents into the base (built-in) catalog. Rules need the
 * result (device types, NIC types, breakouts), so this runs before them; it reports the
 * replacements it makes so a shadowed built-in is never a surprise.
 */
import { extendCatalog } from '../catalog/extend-catalog.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import type { Breakout, Catalog, NicType, ServerDeviceType, SwitchDeviceType } from '../model/catalog-types.js';
import { createDiagnostic } from '../spec/load-codes.js';
import { REFERENCE_CODES } from './diagnostic-codes.js';
import { child, rangeOf, type Located } from './rule-context.js';
import type { CatalogDocument, SwitchTypeDocument } from './spec-documents.js';

type Section = 'breakouts' | 'switchTypes' | 'serverTypes' | 'nicTypes';

export function buildSpecCatalog(
  base: Catalog,
  catalogs: readonly Located<CatalogDocument>[],
): { catalog: Catalog; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const seen: Record<Section, Set<string>> = {
    breakouts: new Set(), switchTypes: new Set(), serverTypes: new Set(), nicTypes: new Set(),
  };
  // Reports a slug repeated within the spec, or one that replaces a built-in entry.
  const track = (section: Section, key: string, at: Located<unknown>, builtin: boolean): void => {
    if (seen[section].has(key)) {
      diagnostics.push(createDiagnostic(REFERENCE_CODES.catalogDuplicate, `catalog ${section} entry '${key}' is defined more than once`, rangeOf(at)));
    } else if (builtin) {
      diagnostics.push(createDiagnostic(REFERENCE_CODES.catalogOverride, `catalog ${section} entry '${key}' replaces the built-in one`, rangeOf(at)));
    }
    seen[section].add(key);
  };
  const breakouts: Breakout[] = [];
  const switchTypes: SwitchDeviceType[] = [];
  const serverTypes: ServerDeviceType[] = [];
  const nicTypes: NicType[] = [];
  for (const doc of catalogs) {
    const spec = doc.value.spec;
    (spec.breakouts ?? []).forEach((entry, i) => {
      const id = entry.id.toLowerCase();
      track('breakouts', id, child(doc, entry, 'spec', 'breakouts', i), base.breakouts.has(id));
      breakouts.push({ ...entry, id });
    });
    (spec.switchTypes ?? []).forEach((entry, i) => {
      const at = child(doc, entry, 'spec', 'switchTypes', i);
      track('switchTypes', entry.slug, at, base.switchTypes.has(entry.slug));
      const profile = entry.hedgehogProfile === undefined ? undefined : profileOf(base, entry.hedgehogProfile);
      if (entry.hedgehogProfile !== undefined && !profile) {
        const summary = `switch type '${entry.slug}' names Hedgehog profile '${entry.hedgehogProfile}', which is not built in; its ports are not checked`;
        diagnostics.push(createDiagnostic(REFERENCE_CODES.unknownProfile, summary, rangeOf(at, 'hedgehogProfile')));
      }
      switchTypes.push(switchTypeOf(entry, profile));
    });
    (spec.serverTypes ?? []).forEach((entry, i) => {
      track('serverTypes', entry.slug, child(doc, entry, 'spec', 'serverTypes', i), base.serverTypes.has(entry.slug));
      serverTypes.push({ ...entry, uHeight: entry.uHeight ?? 1 });
    });
    (spec.nicTypes ?? []).forEach((entry, i) => {
      track('nicTypes', entry.slug, child(doc, entry, 'spec', 'nicTypes', i), base.nicTypes.has(entry.slug));
      nicTypes.push(entry);
    });
  }
  return { catalog: extendCatalog(base, { breakouts, switchTypes, serverTypes, nicTypes }), diagnostics };
}

/** A base switch type that is the Hedgehog profile of that name. */
function profileOf(base: Catalog, name: string): SwitchDeviceType | undefined {
  const direct = base.switchTypes.get(name);
  if (direct?.hedgehogProfile === name) return direct;
  return [...base.switchTypes.values()].find((type) => type.hedgehogProfile === name && type.ports.length > 0);
}

/** Spec fields win; what is left out comes from the named profile, else neutral defaults. */
function switchTypeOf(entry: SwitchTypeDocument, profile: SwitchDeviceType | undefined): SwitchDeviceType {
  const nativeSpeed = entry.nativeSpeed ?? profile?.nativeSpeed;
  return {
    slug: entry.slug,
    manufacturer: entry.manufacturer,
    model: entry.model,
    uHeight: entry.uHeight ?? profile?.uHeight ?? 1,
    ...(entry.hedgehogProfile === undefined ? {} : { hedgehogProfile: entry.hedgehogProfile }),
    ...(nativeSpeed === undefined ? {} : { nativeSpeed }),
    supportedBreakouts: entry.supportedBreakouts?.map((id) => id.toLowerCase()) ?? profile?.supportedBreakouts ?? [],
    mclagCapable: entry.mclagCapable ?? profile?.mclagCapable ?? false,
    eslagCapable: entry.eslagCapable ?? profile?.eslagCapable ?? false,
    roles: entry.roles ?? profile?.roles ?? [],
    ports: profile?.ports ?? [],
    interfaces: entry.interfaces ?? profile?.interfaces ?? [],
    ...(profile?.maxPorts === undefined ? {} : { maxPorts: profile.maxPorts }),
  };
}
