import { ConfigError } from '../diag/errors.js';

/**
 * Typed access to one mapping of the configuration file. Each accessor checks the value's
 * type and throws a ConfigError naming the full key (`netbox.timeoutSeconds`) and the file.
 */
export interface ConfigFields {
  /** The file (or `environment`) the values came from, for messages. */
  readonly where: string;
  path(key: string): string;
  has(key: string): boolean;
  keys(): string[];
  raw(key: string): unknown;
  /** Refuses any key not listed (a typo must not be silently ignored). */
  only(allowed: readonly string[]): void;
  string(key: string): string;
  optionalString(key: string): string | undefined;
  optionalBoolean(key: string): boolean | undefined;
  optionalNumber(key: string): number | undefined;
  object(key: string): ConfigFields;
}

const HINT = 'see docs/netbox.md for the configuration file format';

export function readConfigFields(value: unknown, prefix: string, allowed: readonly string[] | undefined, where: string): ConfigFields {
  const label = prefix === '' ? 'the top level' : prefix;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(`${where}: ${label} must be a mapping`, HINT);
  const record = value as Record<string, unknown>;
  const path = (key: string) => (prefix === '' ? key : `${prefix}.${key}`);
  const present = (key: string) => Object.hasOwn(record, key) && record[key] !== null && record[key] !== undefined;
  const wrong = (key: string, expected: string): never => {
    throw new ConfigError(`${where}: ${path(key)} must be ${expected}, got ${describe(record[key])}`, HINT);
  };
  const fields: ConfigFields = {
    where,
    path,
    has: present,
    keys: () => Object.keys(record),
    raw: (key) => record[key],
    only(keys) {
      for (const key of Object.keys(record)) {
        if (!keys.includes(key)) throw new ConfigError(`${where}: unknown key ${path(key)} (expected ${keys.join(', ')})`, HINT);
      }
    },
    string(key) {
      if (!present(key)) throw new ConfigError(`${where}: ${path(key)} is missing`, HINT);
      return fields.optionalString(key)!;
    },
    optionalString(key) {
      if (!present(key)) return undefined;
      const v = record[key];
      if (typeof v !== 'string' || v.trim() === '') wrong(key, 'a non-empty string');
      return (v as string).trim();
    },
    optionalBoolean(key) {
      if (!present(key)) return undefined;
      const v = record[key];
      if (typeof v !== 'boolean') wrong(key, 'true or false');
      return v as boolean;
    },
    optionalNumber(key) {
      if (!present(key)) return undefined;
      const v = record[key];
      if (typeof v !== 'number' || !Number.isFinite(v)) wrong(key, 'a number');
      return v as number;
    },
    object(key) {
      return readConfigFields(record[key], path(key), undefined, where);
    },
  };
  if (allowed) fields.only(allowed);
  return fields;
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}
