/**
 * Parses the text of one spec file into documents with source positions. Pure: the
 * caller reads the file. Malformed YAML never throws; it becomes located diagnostics
 * and the broken document is left out.
 */
import { isScalar, LineCounter, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import type { Diagnostic, SourceRange } from '../diag/diagnostic.js';
import { createDiagnostic, LOAD_CODES, type DiagnosticCode } from './load-codes.js';
import type { LoadedSpec, SpecDocument } from './loaded-spec.js';
import { findExcessiveNesting } from './nesting-guard.js';
import { collectSourcePositions } from './source-positions.js';

/** Largest spec file accepted, in bytes (checked as UTF-16 units for text already read). */
export const MAX_SPEC_BYTES = 16 * 1024 * 1024;

/**
 * Limit for alias expansion (the yaml package's measure: uses of an anchor times the
 * aliases inside it). Real specs reuse a few lists; a "billion laughs" document hits this
 * long before it can exhaust memory.
 */
export const MAX_ALIAS_COUNT = 1000;

export function parseSpecText(text: string, file: string): LoadedSpec {
  if (text.length > MAX_SPEC_BYTES) {
    const summary = `${file} is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MiB`;
    return { documents: [], diagnostics: [createDiagnostic(LOAD_CODES.fileTooLarge, summary, { file, line: 1, col: 1 })] };
  }
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) {
    const range = { file, line: tooDeep.line, col: tooDeep.col };
    return { documents: [], diagnostics: [createDiagnostic(LOAD_CODES.tooDeep, tooDeep.summary, range)] };
  }
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: true });
  const documents: SpecDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  parsed.forEach((doc, index) => {
    for (const error of doc.errors) diagnostics.push(yamlDiagnostic(error, file));
    for (const warning of doc.warnings) diagnostics.push(yamlDiagnostic(warning, file, LOAD_CODES.yamlWarning));
    if (doc.errors.length > 0 || isEmptyDocument(doc)) return;
    const value = toPlainValue(doc, file, lineCounter, diagnostics);
    if (value === undefined) return;
    const { values, keys } = collectSourcePositions(doc.contents, lineCounter);
    documents.push({ file, index, value, values, keys });
  });
  if (documents.length === 0 && diagnostics.length === 0) {
    diagnostics.push(createDiagnostic(LOAD_CODES.noDocuments, `${file} holds no YAML documents`, { file, line: 1, col: 1 }));
  }
  return { documents, diagnostics };
}

/** A trailing `---` or a comment-only document carries nothing to validate. */
function isEmptyDocument(doc: Document): boolean {
  return doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && doc.contents.source === '');
}

function toPlainValue(doc: Document, file: string, lineCounter: LineCounter, diagnostics: Diagnostic[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS throws for unresolved aliases and for alias expansion beyond the limit; it does
    // not say where, so point at the first alias of the document.
    const message = error instanceof Error ? error.message : String(error);
    const summary = /resource exhaustion/.test(message)
      ? `YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT} nodes`
      : message;
    diagnostics.push(createDiagnostic(LOAD_CODES.aliasProblem, summary, firstAliasRange(doc, file, lineCounter)));
    return undefined;
  }
}

function firstAliasRange(doc: Document, file: string, lineCounter: LineCounter): SourceRange {
  let offset = doc.contents?.range?.[0] ?? 0;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, col };
}

const CODE_BY_YAML_ERROR: Readonly<Record<string, DiagnosticCode>> = {
  DUPLICATE_KEY: LOAD_CODES.duplicateKey,
  TAB_AS_INDENT: LOAD_CODES.tabIndent,
  BAD_ALIAS: LOAD_CODES.aliasProblem,
  ALIAS_PROPS: LOAD_CODES.aliasProblem,
};

function yamlDiagnostic(error: YAMLError, file: string, fallback: DiagnosticCode = LOAD_CODES.yamlSyntax): Diagnostic {
  const entry = fallback === LOAD_CODES.yamlSyntax ? (CODE_BY_YAML_ERROR[error.code] ?? fallback) : fallback;
  const position = error.linePos?.[0] ?? { line: 1, col: 1 };
  // prettyErrors appends " at line L, column C:" and a source excerpt; the range says that.
  const summary = error.message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
  return createDiagnostic(entry, summary, { file, line: position.line, col: position.col });
}
