/**
 * A v1 plan (`meta`, `reference_data`, `plan`, and the plan sections at top level).
 * Its `reference_data` defines everything the plan refers to, so the result carries a
 * complete Catalog of the case's own switch, server and NIC types and breakouts.
 */
import { readClusterIdentity } from './cluster-identity.js';
import { keysPresent, readPlanSections, type ConvertedPlan } from './converted-plan.js';
import { HnpRecord } from './hnp-record.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import { readV1ReferenceData } from './v1-reference-data.js';

/** The plugin's schema rejects a v1 file without these. */
const REQUIRED = ['meta', 'plan', 'switch_classes', 'server_classes', 'server_connections'];

const DROPPED = {
  expected: "assertions for the plugin's case runner, not part of the plan",
  contract: "assertions for the plugin's case runner, not part of the plan",
  mesh_ip_pool: 'removed from the plugin (DIET-317); hhfab assigns mesh addresses',
};

/** Documented v1 keys that the plugin's ingest never reads, but diet imports. */
const NOT_INGESTED_BY_PLUGIN = {
  switch_classes: ['groups'],
  switch_port_zones: ['allocation_order'],
};

export function convertV1Plan(report: ImportReport, root: HnpRecord): ConvertedPlan {
  for (const key of REQUIRED) {
    if (root.peek(key) === undefined) report.error(IMPORT_CODES.missingField, `${key} is required in a v1 plan`, []);
  }
  const section = (key: string) => (root.has(key) ? HnpRecord.of(report, root.at(key), root.value(key)) : undefined);
  const identity = readClusterIdentity(report, section('meta'), section('plan'));
  const { references, catalog } = readV1ReferenceData(report, section('reference_data'));
  const ignoredByPlugin = keysPresent(root, NOT_INGESTED_BY_PLUGIN);
  if (ignoredByPlugin.length > 0) {
    report.info(IMPORT_CODES.ingestDifference, `imported although the plugin's v1 ingest ignores them: ${ignoredByPlugin.join(', ')}`, []);
  }
  const { fabrics, serverClasses } = readPlanSections(report, root, references);
  root.finish(DROPPED);
  return { identity, fabrics, serverClasses, catalog };
}
