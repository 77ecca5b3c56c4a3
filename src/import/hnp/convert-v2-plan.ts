/**
 * A v2 plan (`apiVersion: diet/v2`, `kind: TopologyPlan`, `metadata`, `spec`). It
 * refers to pre-seeded NetBox objects by slug; `test_fixtures` may define some of them.
 * The plugin's v2 ingest is a subset of its v1 ingest (no connections, peers, optics);
 * diet imports all of it and says so.
 */
import type { Catalog } from '../../model/catalog-types.js';
import { readClusterIdentity } from './cluster-identity.js';
import { keysPresent, readPlanSections, type ConvertedPlan } from './converted-plan.js';
import { V2_KIND } from './detect-hnp-format.js';
import { HnpRecord } from './hnp-record.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import { readV2References } from './v2-references.js';

const DROPPED = {
  status: 'calculated counts written back by the plugin; diet calculates them itself',
  contract: "assertions for the plugin's case runner, not part of the plan",
};

/** Plan keys present in v2 files that the plugin's v2 ingest does not store. */
const NOT_INGESTED_BY_PLUGIN = {
  switch_classes: ['groups'],
  switch_port_zones: ['peer_zone', 'transceiver_module_type', 'allocation_order'],
  server_connections: [''],
};

export function convertV2Plan(report: ImportReport, root: HnpRecord, builtin: Catalog): ConvertedPlan {
  root.value('apiVersion');
  const kind = root.str('kind');
  if (kind === undefined) report.error(IMPORT_CODES.missingField, 'kind is required in a v2 plan', root.at('kind'));
  else if (kind !== V2_KIND) report.error(IMPORT_CODES.invalidValue, `kind must be '${V2_KIND}', found '${kind}'`, root.at('kind'));
  if (root.has('reference_data')) {
    root.value('reference_data');
    report.warning(IMPORT_CODES.invalidValue, 'reference_data is not allowed in v2 and is ignored', root.at('reference_data'), {
      hint: 'define objects under test_fixtures, or convert the file as v1 without apiVersion',
    });
  }
  const section = (rec: HnpRecord, key: string, required: boolean) => {
    if (!rec.has(key)) {
      if (required) report.error(IMPORT_CODES.missingField, `${key} is required in a v2 plan`, rec.at(key));
      return undefined;
    }
    return HnpRecord.of(report, rec.at(key), rec.value(key));
  };
  const metadata = section(root, 'metadata', true);
  const spec = section(root, 'spec', true);
  const plan = spec ? section(spec, 'plan', true) : undefined;
  const identity = readClusterIdentity(report, metadata, plan);
  const { references, catalog } = readV2References(report, section(root, 'test_fixtures', false), builtin);
  if (!spec) {
    root.finish(DROPPED);
    return { identity, fabrics: [], serverClasses: [], catalog };
  }
  const ignoredByPlugin = keysPresent(spec, NOT_INGESTED_BY_PLUGIN);
  if (ignoredByPlugin.length > 0) {
    report.info(IMPORT_CODES.ingestDifference, `imported although the plugin's v2 ingest ignores them: ${ignoredByPlugin.join(', ')}`, ['spec']);
  }
  const { fabrics, serverClasses } = readPlanSections(report, spec, references);
  spec.finish();
  root.finish(DROPPED);
  return { identity, fabrics, serverClasses, catalog };
}
