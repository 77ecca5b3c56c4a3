/**
 * Diagnostic codes of the loader: files (DIET-F…) and YAML syntax (DIET-Y…). The table
 * in docs/diagnostics.md lists the same codes; a test keeps the two in step.
 */
import type { Diagnostic, Severity, SourceRange } from '../diag/diagnostic.js';

export interface DiagnosticCode {
  readonly code: string;
  readonly severity: Severity;
  /** What the code means, for docs/diagnostics.md. */
  readonly meaning: string;
  /** Default hint when the finding has no more specific one. */
  readonly hint: string;
}

export const LOAD_CODES = {
  fileNotFound: { code: 'DIET-F001', severity: 'error', meaning: 'a spec path does not exist', hint: 'check the path given to -f; it may be a file or a directory' },
  fileUnreadable: { code: 'DIET-F002', severity: 'error', meaning: 'a spec file or directory cannot be read', hint: 'check the permissions of the file or directory' },
  fileTooLarge: { code: 'DIET-F003', severity: 'error', meaning: 'a spec file exceeds the size limit (16 MiB)', hint: 'split the spec into several files or remove generated content' },
  noDocuments: { code: 'DIET-F004', severity: 'warning', meaning: 'a spec file or directory holds no YAML documents', hint: 'directories are read for *.yaml and *.yml files only, not recursively' },
  yamlSyntax: { code: 'DIET-Y001', severity: 'error', meaning: 'YAML syntax error', hint: 'fix the YAML at the given position; check indentation and brackets' },
  duplicateKey: { code: 'DIET-Y002', severity: 'error', meaning: 'the same key appears twice in one YAML mapping', hint: 'remove or rename one of the two keys' },
  tabIndent: { code: 'DIET-Y003', severity: 'error', meaning: 'a tab character is used for indentation', hint: 'YAML indents with spaces only; replace the tabs' },
  aliasProblem: { code: 'DIET-Y004', severity: 'error', meaning: 'a YAML alias is unresolved or expands too much', hint: 'define each `&anchor` before its `*alias` and avoid nesting aliases of aliases' },
  yamlWarning: { code: 'DIET-Y005', severity: 'warning', meaning: 'YAML construct that is accepted but probably not meant (e.g. an unknown tag)', hint: 'remove custom tags (`!foo`); the spec uses plain YAML only' },
  tooDeep: { code: 'DIET-Y006', severity: 'error', meaning: 'YAML nests deeper than the limits (flow depth 128, indentation 256 columns)', hint: 'real specs nest about ten levels; check for generated or corrupted content' },
} as const satisfies Record<string, DiagnosticCode>;

export function createDiagnostic(entry: DiagnosticCode, summary: string, range?: SourceRange, hint?: string): Diagnostic {
  return { severity: entry.severity, code: entry.code, summary, hint: hint ?? entry.hint, range };
}
