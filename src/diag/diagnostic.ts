/** Where in a spec file something came from (1-based line and column). */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in user input. Pure stages return these as values; only the CLI
 * decides how to print them and which exit code they map to.
 */
export interface Diagnostic {
  readonly severity: Severity;
  /** Stable, documented code, e.g. `DIET-E102`; see docs/diagnostics.md. */
  readonly code: string;
  readonly summary: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly range?: SourceRange;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

export function formatRange(range: SourceRange | undefined): string {
  return range ? `${range.file}:${range.line}:${range.col}` : '-';
}
