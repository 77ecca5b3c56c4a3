import type { ResourceChange } from '../resource/resource.js';
import { canonicalJson, sha256Hex } from '../resource/canonical-json.js';
import { compareCodeUnits } from './compare-code-units.js';
import type { Plan } from './plan.js';
import { rememberSerialization } from './serialize-plan-document.js';
import type { PlanDocument, ResourceChangeDocument } from './plan-document.js';
import { PLAN_FORMAT_VERSION } from './plan-format-version.js';

/**
 * The document form of a plan, digest included. Contains no timestamps or generated ids, so
 * the same inputs always give the same bytes. Throws a TypeError when the topology is not
 * plain JSON (a programming error: the planner produces plain data).
 */
export function toPlanDocument(plan: Plan): PlanDocument {
  const body: Omit<PlanDocument, 'digest'> = {
    format_version: PLAN_FORMAT_VERSION,
    diet_version: plan.dietVersion,
    cluster: plan.cluster,
    spec_digest: plan.specDigest,
    baseline: {
      kind: plan.baseline.kind,
      snapshot_id: plan.baseline.snapshotId ?? null,
      fingerprints: { ...plan.baseline.fingerprints },
    },
    topology: plan.topology as PlanDocument['topology'],
    summary: { ...plan.summary },
    resource_changes: plan.changes.filter((c) => c.action !== 'noop').map(toChangeDocument),
  };
  // Each top-level member is encoded once and the encodings are reused for the file text.
  const members: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) members[key] = canonicalJson(value);
  const digest = sha256Hex(joinMembers(members));
  const doc: PlanDocument = { ...body, digest };
  rememberSerialization(doc, `${joinMembers({ ...members, digest: JSON.stringify(digest) })}\n`);
  return doc;
}

/** SHA-256 of the canonical JSON of everything but the digest itself. */
export function computePlanDigest(body: object): string {
  return sha256Hex(canonicalJson(body));
}

/** The canonical JSON of an object whose member values are already canonical JSON. */
function joinMembers(encoded: Record<string, string>): string {
  const keys = Object.keys(encoded).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${encoded[key]}`).join(',')}}`;
}

function toChangeDocument(change: ResourceChange): ResourceChangeDocument {
  return {
    address: change.address,
    target: change.target,
    type: change.type,
    key: change.key,
    action: change.action as ResourceChangeDocument['action'],
    before: change.before ?? null,
    after: change.after ?? null,
    attr_changes: change.attrChanges.map((a) => ({
      path: a.path,
      ...(a.before !== undefined ? { before: a.before } : {}),
      ...(a.after !== undefined ? { after: a.after } : {}),
    })),
    depends_on: [...new Set(change.dependsOn)].sort(compareCodeUnits),
    origin: change.origin ? { file: change.origin.file, line: change.origin.line, col: change.origin.col } : null,
    // Absent rather than null when unset, so plans without adoption keep their bytes and digest.
    ...(change.ownership ? { ownership: change.ownership } : {}),
  };
}
