/**
 * The parsed plugin file: its plain data plus a way back from a data path to the line
 * and column it came from, so every import diagnostic can point into the user's YAML.
 */
import { isNode, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { SourceRange } from '../../diag/diagnostic.js';

/** A path into the plain data, e.g. `['switch_classes', 2, 'fabric_name']`. */
export type YamlPath = readonly (string | number)[];

export interface HnpSource {
  readonly file: string;
  /** The first YAML document as plain data (undefined for an empty file). */
  readonly data: unknown;
  /** Number of YAML documents in the file. */
  readonly documentCount: number;
  /** Syntax errors with their positions; when present, `data` is not usable. */
  readonly syntaxErrors: readonly { message: string; range: SourceRange }[];
  /** The position of the node at `path`, or of its nearest ancestor that exists. */
  locate(path: YamlPath): SourceRange | undefined;
}

/**
 * Limit on alias expansion (the yaml package's measure). Plugin cases use no aliases;
 * a few are fine, an expansion bomb is not.
 */
const MAX_ALIAS_COUNT = 1000;

export function parseHnpSource(text: string, file: string): HnpSource {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): SourceRange => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, col };
  };
  const list = Array.isArray(docs) ? docs : [];
  const syntaxErrors = list.flatMap((doc) =>
    doc.errors.map((e) => ({ message: e.message.split('\n')[0], range: at(e.pos[0]) })),
  );
  const first: Document | undefined = list[0];
  let data: unknown;
  if (first && syntaxErrors.length === 0) {
    try {
      data = first.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      // Unresolved aliases, or aliases expanding past the limit ("billion laughs").
      const message = error instanceof Error ? error.message : String(error);
      syntaxErrors.push({ message, range: at(first.contents?.range?.[0] ?? 0) });
    }
  }
  return {
    file,
    data,
    documentCount: list.length,
    syntaxErrors,
    locate(path) {
      if (!first) return undefined;
      for (let n = path.length; n >= 0; n--) {
        const node = n === 0 ? first.contents : first.getIn(path.slice(0, n), true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return undefined;
    },
  };
}

/** `reference_data.breakout_options[3].optic_type`, the form the plugin uses in its errors. */
export function formatPath(path: YamlPath): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

/** `reference_data.breakout_options[].optic_type`: the same key in every list entry. */
export function pathPattern(path: YamlPath): string {
  return formatPath(path.map((part) => (typeof part === 'number' ? -1 : part))).replace(/\[-1\]/g, '[]');
}
