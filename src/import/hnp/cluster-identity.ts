/**
 * The cluster's name and description, from the plugin's case metadata and plan header
 * (v1 `meta` + `plan`, v2 `metadata` + `spec.plan`). diet names the cluster with a
 * DNS-1123 label because it marks what it owns in NetBox and Kubernetes with it; the
 * case id is the plugin's stable identifier, so it is preferred over the display name.
 */
import type { HnpRecord } from './hnp-record.js';
import type { YamlPath } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import { toDnsLabel } from './name-rules.js';

export interface ClusterIdentity {
  readonly name: string;
  readonly description?: string;
}

const BOOKKEEPING = "bookkeeping of the plugin's YAML ingest, not part of the plan";
const META_DROPPED = { version: BOOKKEEPING, managed_by: BOOKKEEPING, tags: "labels for the plugin's case runner" };
const PLAN_DROPPED = { status: 'informational in the plugin; nothing depends on it' };
const FALLBACK_NAME = 'imported-plan';

interface Candidate {
  readonly value: string | undefined;
  readonly path: YamlPath;
  readonly what: string;
}

export function readClusterIdentity(report: ImportReport, meta: HnpRecord | undefined, plan: HnpRecord | undefined): ClusterIdentity {
  const read = (rec: HnpRecord | undefined, key: string, what: string): Candidate => ({
    value: rec?.str(key),
    path: rec ? rec.at(key) : [],
    what,
  });
  const names = [read(meta, 'case_id', 'case_id'), read(plan, 'name', 'plan name'), read(meta, 'name', 'case name')];
  const descriptions = [read(plan, 'description', 'plan description'), read(meta, 'description', 'case description')];
  meta?.finish(META_DROPPED);
  plan?.finish(PLAN_DROPPED);

  const source = names.find((c) => c.value !== undefined && toDnsLabel(c.value) !== '');
  let name = FALLBACK_NAME;
  if (!source) {
    report.error(IMPORT_CODES.missingField, 'the plan has no usable name (case_id or plan name)', names[0].path, {
      hint: `the cluster is named '${FALLBACK_NAME}'; rename it in the output`,
    });
  } else {
    name = toDnsLabel(source.value as string);
    if (name !== source.value) {
      report.info(IMPORT_CODES.legacyRuleApplied, `cluster named '${name}' after the ${source.what} '${source.value}'`, source.path);
    }
  }
  const description = descriptions.find((c) => c.value !== undefined) ?? names.find((c) => c !== source && c.value !== undefined);
  for (const unused of [...names, ...descriptions]) {
    if (unused.value !== undefined && unused !== source && unused !== description) {
      report.leftBehind(IMPORT_CODES.droppedKey, 'info', unused.path, 'the Cluster keeps one name and one description');
    }
  }
  return { name, ...(description?.value !== undefined ? { description: description.value } : {}) };
}
