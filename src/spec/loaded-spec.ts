/**
 * The loader's output: every YAML document as plain JS plus where each node came from,
 * so later stages can point a diagnostic at `file:line:col` without keeping the YAML AST.
 */
import type { Diagnostic, SourceRange } from '../diag/diagnostic.js';

/** 1-based line and column of a node's first character. */
export interface NodePosition {
  readonly line: number;
  readonly col: number;
}

export interface SpecDocument {
  readonly file: string;
  /** Zero-based index of the document within its file. */
  readonly index: number;
  /** The document as plain JS (aliases expanded; aliased objects may be shared). */
  readonly value: unknown;
  /** JSON pointer (RFC 6901, e.g. `/spec/switchClasses/0/id`) → position of the value. */
  readonly values: Readonly<Record<string, NodePosition>>;
  /** JSON pointer of a map entry → position of its key. */
  readonly keys: Readonly<Record<string, NodePosition>>;
}

export interface LoadedSpec {
  /** Documents that parsed cleanly, in load order (file order, then document order). */
  readonly documents: readonly SpecDocument[];
  /** Problems reading or parsing the files (DIET-F…, DIET-Y…). */
  readonly diagnostics: readonly Diagnostic[];
}

/** Escapes one JSON-pointer segment (`~` → `~0`, `/` → `~1`). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from segments: `pointerOf('spec', 'zones', 3)` → `/spec/zones/3`. */
export function pointerOf(...segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${escapePointerSegment(s)}`).join('');
}

/**
 * Where a JSON pointer of a document is in the source. Paths without a node of their own
 * (a missing key, content reached through an alias) fall back to the nearest ancestor
 * that has one, so there is always an answer. `key: true` prefers a map entry's key.
 */
export function locateInDocument(doc: SpecDocument, pointer: string, options: { key?: boolean } = {}): SourceRange {
  if (options.key && doc.keys[pointer]) return { file: doc.file, ...doc.keys[pointer] };
  let current = pointer;
  for (;;) {
    const found = doc.values[current] ?? doc.keys[current];
    if (found) return { file: doc.file, line: found.line, col: found.col };
    if (current === '') return { file: doc.file, line: 1, col: 1 };
    current = current.slice(0, current.lastIndexOf('/'));
  }
}
