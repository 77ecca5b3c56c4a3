import { canonicalJson } from './canonical-json.js';
import type { PlanDocument } from './plan-document.js';

/**
 * The bytes of a plan file: canonical JSON plus a final newline. One line on purpose — the
 * same document always gives the same bytes, and `diet show` is the way to read it.
 */
export function serializePlanDocument(doc: PlanDocument): string {
  return `${canonicalJson(doc)}\n`;
}
