/**
 * How a plan section's references become diet catalog names. The two plugin formats
 * differ only here: v1 refers to case-local ids defined in `reference_data`, v2 to
 * NetBox slugs, breakout ids and `{manufacturer, model}` pairs. Everything else about
 * the plan sections is read by the same code for both formats.
 *
 * Each method reports what it cannot resolve and still returns its best name for the
 * reference, so one bad reference does not hide the rest of the conversion.
 */
import type { YamlPath } from './hnp-source.js';
import type { CatalogSpecDoc } from './spec-document.js';

export interface PlanReferences {
  /** The switch-class key naming its switch type: v1 `device_type_extension`, v2 `device_type`. */
  readonly switchTypeKey: string;
  /** Switch type slug for a switch class. */
  switchType(ref: string, path: YamlPath): string;
  /** Server type slug for `server_device_type`. */
  serverType(ref: string, path: YamlPath): string;
  /** Breakout id for a zone's `breakout_option`. */
  breakout(ref: string, path: YamlPath): string;
  /** NIC type slug for a server NIC's `module_type`. */
  nicType(ref: unknown, path: YamlPath): string | undefined;
  /** What diet records for a `transceiver_module_type`: the module type's model. */
  transceiver(ref: unknown, path: YamlPath): string | undefined;
}

/** A format's reference data: its resolver and the catalog entries it defines. */
export interface ReferenceData {
  readonly references: PlanReferences;
  /** Catalog entries the file defines itself (empty when it defines none). */
  readonly catalog: CatalogSpecDoc;
}

export function isEmptyCatalog(catalog: CatalogSpecDoc): boolean {
  return Object.values(catalog).every((list) => list === undefined || list.length === 0);
}
