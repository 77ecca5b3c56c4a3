/**
 * Typed, reporting access to one mapping of the plugin file. Every key read is marked,
 * so that `finish` can account for the rest: keys diet deliberately drops, keys the
 * plugin rejects, and keys that are not part of the plugin's format. Nothing is lost
 * silently.
 *
 * Null and empty-string values count as absent, as in the plugin's ingest, where
 * `item.get(key)` returning None or "" selects the model default.
 */
import type { YamlPath } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';

export type Raw = Record<string, unknown>;

export function isMapping(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class HnpRecord {
  private readonly used = new Set<string>();

  private constructor(
    readonly report: ImportReport,
    readonly path: YamlPath,
    private readonly raw: Raw,
  ) {}

  /** A record for `value`, or undefined (with an error) when it is not a mapping. */
  static of(report: ImportReport, path: YamlPath, value: unknown): HnpRecord | undefined {
    if (isMapping(value)) return new HnpRecord(report, path, value);
    report.error(IMPORT_CODES.invalidType, `expected a mapping, found ${describe(value)}`, path);
    return undefined;
  }

  at(key: string): YamlPath {
    return [...this.path, key];
  }

  /** The value, marked as read; undefined when absent, null or "". */
  value(key: string): unknown {
    this.used.add(key);
    const v = this.raw[key];
    return v === null || v === '' ? undefined : v;
  }

  /** The raw value without marking it as read, for looking before deciding. */
  peek(key: string): unknown {
    return this.raw[key];
  }

  has(key: string): boolean {
    return this.value(key) !== undefined;
  }

  /** Strings; numbers are accepted because YAML reads `port_spec: 64` as an integer. */
  str(key: string, required = false): string | undefined {
    const v = this.value(key);
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    return this.problem(key, v, 'a string', required);
  }

  int(key: string, required = false): number | undefined {
    const v = this.value(key);
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
    return this.problem(key, v, 'an integer', required);
  }

  bool(key: string): boolean | undefined {
    const v = this.value(key);
    if (typeof v === 'boolean') return v;
    return this.problem(key, v, 'true or false', false);
  }

  /** A list; absent gives []. */
  list(key: string, required = false): unknown[] {
    const v = this.value(key);
    if (Array.isArray(v)) return v;
    return this.problem(key, v, 'a list', required) ?? [];
  }

  strings(key: string): string[] | undefined {
    const items = this.list(key);
    if (!this.has(key)) return undefined;
    return items.flatMap((item, i) => {
      if (typeof item === 'string' || typeof item === 'number') return [String(item)];
      this.report.error(IMPORT_CODES.invalidType, `expected a string, found ${describe(item)}`, [...this.at(key), i]);
      return [];
    });
  }

  /** A string that must be one of `allowed`; other values are reported and kept. */
  choice(key: string, allowed: readonly string[], required = false): string | undefined {
    const v = this.str(key, required);
    if (v !== undefined && !allowed.includes(v)) {
      this.report.error(IMPORT_CODES.invalidValue, `${key} '${v}' is not one of ${allowed.join(', ')}`, this.at(key));
    }
    return v;
  }

  /**
   * Accounts for every key not read: `dropped` keys (with the reason diet leaves them
   * behind) become aggregated infos, `deprecated` ones errors, anything else a warning.
   */
  finish(dropped: Readonly<Record<string, string>> = {}, deprecated: Readonly<Record<string, string>> = {}): void {
    for (const key of Object.keys(this.raw)) {
      if (this.used.has(key)) continue;
      const path = this.at(key);
      if (key in deprecated) this.report.error(IMPORT_CODES.deprecatedKey, `${key}: ${deprecated[key]}`, path);
      else if (key in dropped) this.report.leftBehind(IMPORT_CODES.droppedKey, 'info', path, dropped[key]);
      else this.report.leftBehind(IMPORT_CODES.unknownKey, 'warning', path, 'not a key of the plugin format');
    }
  }

  private problem(key: string, v: unknown, expected: string, required: boolean): undefined {
    if (v === undefined) {
      if (required) this.report.error(IMPORT_CODES.missingField, `${key} is required`, this.at(key));
    } else {
      this.report.error(IMPORT_CODES.invalidType, `${key} must be ${expected}, found ${describe(v)}`, this.at(key));
    }
    return undefined;
  }
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} '${String(value)}'`;
}
