/**
 * Collects the diagnostics of one import. Dropped keys are aggregated per key pattern
 * (one line for `optic_type` on eight breakouts, not eight lines) so the report stays
 * readable while still naming everything the conversion leaves behind.
 */
import type { Diagnostic, Severity } from '../../diag/diagnostic.js';
import { formatPath, pathPattern, type HnpSource, type YamlPath } from './hnp-source.js';
import type { ImportCode } from './import-codes.js';

interface Aggregate {
  readonly code: ImportCode;
  readonly severity: Severity;
  readonly pattern: string;
  readonly reason: string;
  readonly first: YamlPath;
  count: number;
}

export interface ReportDetails {
  readonly detail?: string;
  readonly hint?: string;
}

export class ImportReport {
  private readonly list: Diagnostic[] = [];
  private readonly aggregates = new Map<string, Aggregate>();

  constructor(private readonly source: HnpSource) {}

  error(code: ImportCode, summary: string, path: YamlPath, more: ReportDetails = {}): void {
    this.add('error', code, summary, path, more);
  }

  warning(code: ImportCode, summary: string, path: YamlPath, more: ReportDetails = {}): void {
    this.add('warning', code, summary, path, more);
  }

  info(code: ImportCode, summary: string, path: YamlPath, more: ReportDetails = {}): void {
    this.add('info', code, summary, path, more);
  }

  /**
   * Records a key left behind; every occurrence of the same key pattern with the same
   * code becomes one diagnostic that counts them and points at the first.
   */
  leftBehind(code: ImportCode, severity: Severity, path: YamlPath, reason: string): void {
    const pattern = pathPattern(path);
    const key = `${code} ${pattern}`;
    const seen = this.aggregates.get(key);
    if (seen) seen.count++;
    else this.aggregates.set(key, { code, severity, pattern, reason, first: path, count: 1 });
  }

  /** All diagnostics, aggregated ones last, in the order they were first seen. */
  diagnostics(): Diagnostic[] {
    const aggregated = [...this.aggregates.values()].map((a): Diagnostic => {
      const times = a.count > 1 ? ` (${a.count} entries)` : '';
      return this.make(a.severity, a.code, `\`${a.pattern}\` not imported${times}: ${a.reason}`, a.first, {});
    });
    return [...this.list, ...aggregated];
  }

  private add(severity: Severity, code: ImportCode, summary: string, path: YamlPath, more: ReportDetails): void {
    this.list.push(this.make(severity, code, summary, path, more));
  }

  private make(severity: Severity, code: ImportCode, summary: string, path: YamlPath, more: ReportDetails): Diagnostic {
    const range = this.source.locate(path);
    const where = path.length > 0 ? `at ${formatPath(path)}` : undefined;
    const detail = [more.detail, where].filter((s) => s !== undefined).join('; ');
    return {
      severity,
      code,
      summary,
      ...(detail ? { detail } : {}),
      ...(more.hint ? { hint: more.hint } : {}),
      ...(range ? { range } : {}),
    };
  }
}
