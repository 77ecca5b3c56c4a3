/**
 * Deterministic diagnostic order: by file, line, column, code, then summary. Findings
 * without a location (e.g. "no Cluster document") come first. Plain code-point string
 * order, so the output is the same on every machine and locale.
 */
import type { Diagnostic } from '../diag/diagnostic.js';

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (!a.range || !b.range) {
    if (a.range) return 1;
    if (b.range) return -1;
  } else {
    const byPlace = compareText(a.range.file, b.range.file) || a.range.line - b.range.line || a.range.col - b.range.col;
    if (byPlace !== 0) return byPlace;
  }
  return compareText(a.code, b.code) || compareText(a.summary, b.summary);
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}
