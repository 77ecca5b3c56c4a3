import type { SourceRange } from '../diag/diagnostic.js';
import type { TargetName } from '../resource/address.js';
import type { AttrValue, Attrs, Ownership } from '../resource/resource.js';

import { PLAN_FORMAT_VERSION } from './plan-format-version.js';

// The document's writer and serializer, re-exported so that one module is the entry point
// for everything about the document (the reader lives in read-plan-document.ts).
export { PLAN_FORMAT_VERSION } from './plan-format-version.js';
export { toPlanDocument, computePlanDigest } from './to-plan-document.js';
export { serializePlanDocument } from './serialize-plan-document.js';

/**
 * The plan as a file: the external, versioned contract that `diet plan -o`, `diet show`,
 * `diet apply` and `--json` share. Keys are snake_case; the digest covers everything else, so
 * the document may be re-indented but not edited. Shape: schemas/plan-document.v1.json.
 */
export interface PlanDocument {
  readonly format_version: typeof PLAN_FORMAT_VERSION;
  readonly diet_version: string;
  readonly cluster: string;
  readonly spec_digest: string;
  readonly baseline: PlanBaselineDocument;
  /** Headline figures of the planned fabric, exactly as the planner gave them. */
  readonly topology: { readonly [key: string]: AttrValue };
  readonly summary: PlanSummaryDocument;
  /** In apply order; unchanged resources (noops) are counted in the summary, not listed. */
  readonly resource_changes: readonly ResourceChangeDocument[];
  /** Lower-case hex SHA-256 of the canonical JSON of the document without this field. */
  readonly digest: string;
}

export interface PlanBaselineDocument {
  readonly kind: 'state' | 'live' | 'empty';
  readonly snapshot_id: string | null;
  /** address → fingerprint of each object read when planning (empty when nothing was read). */
  readonly fingerprints: { readonly [address: string]: string };
}

/** A replace counts in add and destroy as well as in replace (Terraform's convention). */
export interface PlanSummaryDocument {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly replace: number;
  readonly noop: number;
}

export type DocumentAction = 'create' | 'update' | 'delete' | 'replace';

export interface ResourceChangeDocument {
  readonly address: string;
  readonly target: TargetName;
  readonly type: string;
  readonly key: string;
  readonly action: DocumentAction;
  /** Owned attributes as observed; null for a create. */
  readonly before: Attrs | null;
  /** Desired attributes; null for a delete. */
  readonly after: Attrs | null;
  /** For update and replace: one entry per changed attribute path. Empty otherwise. */
  readonly attr_changes: readonly AttrChangeDocument[];
  /** Sorted, without repeats. For a delete: what the object depended on when observed. */
  readonly depends_on: readonly string[];
  /** The spec line that produced the resource; null for deletes. */
  readonly origin: SourceRange | null;
  /** Only on updates that adopt an existing object or release an adopted one; absent otherwise. */
  readonly ownership?: Ownership;
}

/** `before` is absent when the attribute is new, `after` when it is removed. */
export interface AttrChangeDocument {
  readonly path: string;
  readonly before?: AttrValue;
  readonly after?: AttrValue;
}
