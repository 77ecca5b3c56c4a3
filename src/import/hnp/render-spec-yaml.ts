/**
 * Renders converted spec documents as one multi-document YAML file in the style of
 * `examples/128gpu/`: block style for the structure, one-line flow mappings for the
 * many small uniform entries (zones, NICs, connections, catalog rows), a blank line
 * between classes. Key order is the documents' own, which the converter builds in
 * spec-reference order. Pure: text in memory, no IO.
 */
import { Document, isMap, isScalar, isSeq, visit, type Node } from 'yaml';
import { describeImportSource, importSourceOf, type ImportSource } from './import-source.js';
import type { SpecDocument } from './spec-document.js';

/** Lists whose entries read best as one flow mapping per line. */
const FLOW_ENTRIES = new Set(['zones', 'nics', 'connections', 'breakouts', 'interfaces', 'ports', 'serverTypes']);
/** Short scalar lists and small mappings written inline, e.g. `roles: [spine, server-leaf]`. */
const FLOW_VALUES = new Set(['supportedBreakouts', 'roles', 'groups', 'order', 'redundancy']);
/** Lists of large entries separated by a blank line, like the hand-written examples. */
const SPACED_ENTRIES = new Set(['switchClasses', 'serverClasses', 'switchTypes', 'nicTypes']);

function styleDocument(doc: Document): void {
  visit(doc, {
    Pair(_key, pair) {
      const name = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value as Node | null;
      if (FLOW_ENTRIES.has(name) && isSeq(value)) {
        for (const item of value.items) if (isMap(item)) item.flow = true;
      }
      if (FLOW_VALUES.has(name) && (isSeq(value) || isMap(value))) value.flow = true;
      // Port specs are quoted as in the examples: `"1-63:2"` reads as text, not a time.
      if (name === 'ports' && isScalar(value) && typeof value.value === 'string') value.type = 'QUOTE_DOUBLE';
      if (SPACED_ENTRIES.has(name) && isSeq(value)) {
        value.items.forEach((item, i) => {
          if (i > 0 && isMap(item)) item.spaceBefore = true;
        });
      }
    },
  });
}

/**
 * The YAML text of `documents`, `---` between documents, headed by a comment naming
 * the plugin file and format (from `source`, or as recorded by `convertHnpCase`).
 */
export function renderSpecYaml(documents: readonly SpecDocument[], source?: ImportSource): string {
  const header = describeImportSource(source ?? importSourceOf(documents))
    .map((line) => `# ${line}\n`)
    .join('');
  const bodies = documents.map((spec) => {
    const doc = new Document(spec);
    styleDocument(doc);
    // lineWidth 0: never fold descriptions or wrap flow mappings across lines.
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  });
  return header + bodies.join('---\n');
}
