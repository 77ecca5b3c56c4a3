/**
 * Turns ajv errors into diagnostics a person can act on: located at the offending node
 * (for an unknown field at its key, for a missing field at the object that lacks it),
 * worded in the spec's terms, with a typo suggestion where one fits.
 */
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from '../diag/diagnostic.js';
import { createDiagnostic, type DiagnosticCode } from '../spec/load-codes.js';
import { escapePointerSegment, locateInDocument, type SpecDocument } from '../spec/loaded-spec.js';
import { SCHEMA_CODES } from './diagnostic-codes.js';
import { didYouMean } from './suggest-name.js';

export function schemaDiagnostics(errors: readonly ErrorObject[], doc: SpecDocument): Diagnostic[] {
  // maxProperties only restates additionalProperties: false; report the unknown key alone.
  const unknownAt = new Set(errors.filter((e) => e.keyword === 'additionalProperties').map((e) => e.instancePath));
  return errors
    .filter((e) => !(e.keyword === 'maxProperties' && unknownAt.has(e.instancePath)))
    .map((error) => toDiagnostic(error, doc));
}

function toDiagnostic(error: ErrorObject, doc: SpecDocument): Diagnostic {
  const at = (pointer: string, key = false) => locateInDocument(doc, pointer, { key });
  const path = error.instancePath;
  const field = fieldLabel(path);
  const params = error.params as Record<string, unknown>;
  const make = (entry: DiagnosticCode, summary: string, pointer = path, hint?: string, key = false) =>
    createDiagnostic(entry, summary, at(pointer, key), hint);
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const hint = didYouMean(name, allowed) ?? (allowed.length > 0 ? `allowed fields: ${allowed.join(', ')}` : undefined);
      return make(SCHEMA_CODES.unknownField, `unknown field '${name}' in ${titleOf(error)}`, `${path}/${escapePointerSegment(name)}`, hint, true);
    }
    case 'required':
      return make(SCHEMA_CODES.missingField, `${titleOf(error)} is missing required field '${String(params.missingProperty)}'`);
    case 'type':
      return make(SCHEMA_CODES.wrongType, `${field}: expected ${expectedTypes(params.type)}, got ${typeName(error.data)}`);
    case 'const':
      if (path === '/apiVersion') {
        return make(SCHEMA_CODES.apiVersion, `unsupported apiVersion ${show(error.data)}`);
      }
      return make(SCHEMA_CODES.notAllowed, `${field} must be ${show(params.allowedValue)}, got ${show(error.data)}`);
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (path === '/kind') {
        return make(SCHEMA_CODES.kind, `unknown kind ${show(error.data)}`, path, didYouMean(String(error.data), allowed));
      }
      const hint = didYouMean(String(error.data), allowed) ?? `use one of: ${allowed.join(', ')}`;
      return make(SCHEMA_CODES.notAllowed, `${field}: ${show(error.data)} is not one of ${allowed.join(', ')}`, path, hint);
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return make(SCHEMA_CODES.outOfRange, `${field} must be ${String(params.comparison)} ${String(params.limit)}, got ${show(error.data)}`);
    case 'pattern': {
      const description = error.parentSchema?.description as string | undefined;
      return make(SCHEMA_CODES.pattern, `${field}: ${show(error.data)} is not valid`, path, description ? `expected ${description}` : undefined);
    }
    case 'minLength':
      return make(SCHEMA_CODES.size, `${field} must not be empty`);
    case 'maxLength':
      return make(SCHEMA_CODES.size, `${field} is longer than ${String(params.limit)} characters`);
    case 'minItems':
      return make(SCHEMA_CODES.size, `${field} needs at least ${String(params.limit)} item(s)`);
    case 'maxItems':
      return make(SCHEMA_CODES.size, `${field} has more than ${String(params.limit)} items`);
    case 'minProperties':
      return make(SCHEMA_CODES.size, `${titleOf(error)} needs at least ${String(params.limit)} field(s)`);
    case 'maxProperties':
      return make(SCHEMA_CODES.size, `${titleOf(error)} has more than ${String(params.limit)} fields`);
    case 'uniqueItems':
      return make(SCHEMA_CODES.duplicateItem, `${field} lists ${show(itemAt(error.data, Number(params.i)))} twice`, `${path}/${String(params.i)}`);
    default:
      return make(SCHEMA_CODES.other, `${field}: ${error.message ?? 'is not valid'}`);
  }
}

/** `'quantity'`, or `item 3 of 'zones'` for list items; pointer segments unescaped. */
function fieldLabel(pointer: string): string {
  if (pointer === '') return 'document';
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = segments[segments.length - 1];
  if (/^\d+$/.test(last) && segments.length > 1) return `item ${last} of '${segments[segments.length - 2]}'`;
  return `'${last}'`;
}

function titleOf(error: ErrorObject): string {
  const title = error.parentSchema?.title;
  return typeof title === 'string' ? title : fieldLabel(error.instancePath);
}

/** JSON Schema type names in YAML words: an object is a mapping, an array a list. */
const YAML_TYPE_NAMES: Readonly<Record<string, string>> = { object: 'mapping', array: 'list' };

function expectedTypes(types: unknown): string {
  return String(types)
    .split(',')
    .map((t) => YAML_TYPE_NAMES[t] ?? t)
    .join(' or ');
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function itemAt(list: unknown, index: number): unknown {
  return Array.isArray(list) ? list[index] : undefined;
}

/** A value for a message: JSON-quoted, cut short so one bad value cannot flood the output. */
function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
