/**
 * What both format readers produce, and the step they share: reading the plan sections
 * (switch classes, zones, server classes, NICs, connections), which are written the
 * same way in v1 and v2 apart from how they refer to reference data.
 */
import type { ClusterIdentity } from './cluster-identity.js';
import { readFabrics } from './fabric-documents.js';
import type { HnpRecord } from './hnp-record.js';
import type { ImportReport } from './import-report.js';
import type { PlanReferences } from './plan-references.js';
import { readServerClasses } from './server-classes.js';
import type { CatalogSpecDoc, FabricDocument, ServerClassDoc } from './spec-document.js';

export interface ConvertedPlan {
  readonly identity: ClusterIdentity;
  readonly fabrics: FabricDocument[];
  readonly serverClasses: ServerClassDoc[];
  /** Catalog entries defined by the file itself. */
  readonly catalog: CatalogSpecDoc;
}

export function readPlanSections(
  report: ImportReport,
  body: HnpRecord,
  refs: PlanReferences,
): Pick<ConvertedPlan, 'fabrics' | 'serverClasses'> {
  const { fabrics, zones } = readFabrics(report, body, refs);
  const serverClasses = readServerClasses(report, body, refs, zones);
  return { fabrics, serverClasses };
}

/**
 * Plan keys a plugin ingest ignores although diet imports them, as `section[].key`
 * paths that occur in `body`, so the user learns the converted plan says more than
 * the plugin did with the same file.
 */
export function keysPresent(body: HnpRecord, wanted: Readonly<Record<string, readonly string[]>>): string[] {
  const found: string[] = [];
  for (const [section, keys] of Object.entries(wanted)) {
    const raw = body.peek(section);
    const items = Array.isArray(raw) ? raw : [];
    for (const key of keys) {
      if (key === '' ? items.length > 0 : items.some((item) => typeof item === 'object' && item !== null && key in item)) {
        found.push(key === '' ? section : `${section}[].${key}`);
      }
    }
  }
  return found;
}
