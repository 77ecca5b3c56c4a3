import { canonicalJson } from '../resource/canonical-json.js';

/** Sorted-key JSON indented for people (`--json` output, attribute values in plans). */
export function stableJson(value: unknown, indent = 0): string {
  const canonical = canonicalJson(value);
  return indent > 0 ? JSON.stringify(JSON.parse(canonical), null, indent) : canonical;
}
