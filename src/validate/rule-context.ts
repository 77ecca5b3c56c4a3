/**
 * What every rule sees: the schema-checked documents flattened into lists of located
 * entries (switch classes, zones, server classes, connections), the effective catalog
 * and planner options. Built once; rules only read it.
 */
import type { SourceRange } from '../diag/diagnostic.js';
import type { Catalog } from '../model/catalog-types.js';
import { DEFAULT_PLANNER_OPTIONS, type PlannerOptions } from '../model/planner-options.js';
import { locateInDocument, pointerOf, type SpecDocument } from '../spec/loaded-spec.js';
import type { CheckedDocument } from './check-schemas.js';
import type {
  CatalogDocument,
  ClusterDocument,
  ConnectionDocument,
  FabricDocument,
  ServerClassDocument,
  SwitchClassDocument,
  ZoneDocument,
} from './spec-documents.js';

/** A value of the spec with the document and JSON pointer it sits at. */
export interface Located<T> {
  readonly value: T;
  readonly source: SpecDocument;
  readonly pointer: string;
}

export interface SwitchClassEntry extends Located<SwitchClassDocument> {
  readonly fabric: Located<FabricDocument>;
}

export interface ZoneEntry extends Located<ZoneDocument> {
  readonly switchClass: SwitchClassEntry;
}

export interface ConnectionEntry extends Located<ConnectionDocument> {
  readonly serverClass: Located<ServerClassDocument>;
}

export interface RuleContext {
  readonly clusters: readonly Located<ClusterDocument>[];
  readonly fabrics: readonly Located<FabricDocument>[];
  readonly catalogs: readonly Located<CatalogDocument>[];
  readonly switchClasses: readonly SwitchClassEntry[];
  readonly zones: readonly ZoneEntry[];
  readonly serverClasses: readonly Located<ServerClassDocument>[];
  readonly connections: readonly ConnectionEntry[];
  /** Lookups by id; the first definition wins when ids repeat (a rule reports that). */
  readonly switchClassById: ReadonlyMap<string, SwitchClassEntry>;
  readonly zonesByClass: ReadonlyMap<SwitchClassEntry, ReadonlyMap<string, ZoneEntry>>;
  /** The built-in catalog extended by the spec's Catalog documents. */
  readonly catalog: Catalog;
  readonly options: PlannerOptions;
}

export function createRuleContext(documents: readonly CheckedDocument[], catalog: Catalog): RuleContext {
  const root = <T>(doc: CheckedDocument): Located<T> => ({ value: doc.value as T, source: doc.source, pointer: '' });
  const ofKind = (kind: string) => documents.filter((d) => d.value.kind === kind);
  const clusters = ofKind('Cluster').map((d) => root<ClusterDocument>(d));
  const fabrics = ofKind('Fabric').map((d) => root<FabricDocument>(d));
  const catalogs = ofKind('Catalog').map((d) => root<CatalogDocument>(d));
  const switchClasses = fabrics.flatMap((fabric) =>
    fabric.value.spec.switchClasses.map((value, i) => ({ ...child(fabric, value, 'spec', 'switchClasses', i), fabric })),
  );
  const zones = switchClasses.flatMap((switchClass) =>
    (switchClass.value.zones ?? []).map((value, i) => ({ ...child(switchClass, value, 'zones', i), switchClass })),
  );
  const serverClasses = clusters.flatMap((cluster) =>
    (cluster.value.spec.serverClasses ?? []).map((value, i) => child(cluster, value, 'spec', 'serverClasses', i)),
  );
  const connections = serverClasses.flatMap((serverClass) =>
    (serverClass.value.connections ?? []).map((value, i) => ({ ...child(serverClass, value, 'connections', i), serverClass })),
  );
  const planner = clusters[0]?.value.spec.planner ?? {};
  const options = { ...DEFAULT_PLANNER_OPTIONS, ...planner } as PlannerOptions;
  const switchClassById = firstById(switchClasses, (e) => e.value.id);
  const zonesByClass = new Map<SwitchClassEntry, ReadonlyMap<string, ZoneEntry>>();
  for (const switchClass of switchClasses) {
    zonesByClass.set(switchClass, firstById(zones.filter((z) => z.switchClass === switchClass), (z) => z.value.name));
  }
  return {
    clusters, fabrics, catalogs, switchClasses, zones, serverClasses, connections,
    switchClassById, zonesByClass, catalog, options,
  };
}

function firstById<T>(entries: readonly T[], idOf: (entry: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const entry of entries) if (!map.has(idOf(entry))) map.set(idOf(entry), entry);
  return map;
}

/** A located value below `parent`, at `parent.pointer` + segments. */
export function child<T>(parent: Located<unknown>, value: T, ...segments: (string | number)[]): Located<T> {
  return { value, source: parent.source, pointer: parent.pointer + pointerOf(...segments) };
}

/** Source position of a located value, or of a field below it. */
export function rangeOf(entry: Located<unknown>, ...segments: (string | number)[]): SourceRange {
  return locateInDocument(entry.source, entry.pointer + pointerOf(...segments));
}

/** Source position of a field's key (falls back to its value or the entry). */
export function keyRangeOf(entry: Located<unknown>, ...segments: (string | number)[]): SourceRange {
  return locateInDocument(entry.source, entry.pointer + pointerOf(...segments), { key: true });
}
