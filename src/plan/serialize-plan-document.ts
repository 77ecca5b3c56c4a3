import { canonicalJson } from '../resource/canonical-json.js';
import type { PlanDocument } from './plan-document.js';

/**
 * Text already produced for a document by `toPlanDocument`, which has to encode the whole
 * body anyway to compute the digest. Encoding a large plan is the most expensive step of
 * `diet plan` after the diff, so it is done once. Documents are immutable by contract (all
 * fields readonly); one changed behind the types' back would be serialized stale.
 */
const known = new WeakMap<PlanDocument, string>();

export function rememberSerialization(doc: PlanDocument, text: string): void {
  known.set(doc, text);
}

/**
 * The bytes of a plan file: canonical JSON plus a final newline. One line on purpose — the
 * same document always gives the same bytes, and `diet show` is the way to read it.
 */
export function serializePlanDocument(doc: PlanDocument): string {
  return known.get(doc) ?? `${canonicalJson(doc)}\n`;
}
