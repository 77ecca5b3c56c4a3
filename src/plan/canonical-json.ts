import { createHash } from 'node:crypto';
import { compareCodeUnits } from './compare-code-units.js';

/**
 * Canonical JSON: the one byte sequence a JSON value has, so that equal plans hash equally.
 *
 * - object keys sorted by UTF-16 code units at every level (not locale order, which varies
 *   between machines), no whitespace;
 * - numbers as ECMAScript writes them (`1`, `0.5`, `1e+21`; `-0` becomes `0`), which is
 *   stable across Node versions;
 * - strings escaped as `JSON.stringify` escapes them;
 * - `undefined`, functions, symbols, bigints, non-finite numbers, cycles and objects that are
 *   not plain (Date, Map, class instances) are rejected rather than silently dropped or
 *   converted, because a value that would change meaning on a round trip must not be hashed.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  encode(value, { indent: '', omitUndefined: false }, out, '$', new Set(), '');
  return out.join('');
}

export interface StableJsonOptions {
  /** Spaces per nesting level; 0 gives the compact canonical form. */
  readonly indent?: number;
  /** Drop object properties whose value is `undefined`, as `JSON.stringify` does. */
  readonly omitUndefined?: boolean;
}

/**
 * Sorted-key JSON with optional indentation, for output people read (`--json`). Same value
 * rules as `canonicalJson`, except that `undefined` properties may be omitted.
 */
export function stableJson(value: unknown, options: StableJsonOptions = {}): string {
  const out: string[] = [];
  const style = { indent: ' '.repeat(options.indent ?? 0), omitUndefined: options.omitUndefined ?? false };
  encode(value, style, out, '$', new Set(), '');
  return out.join('');
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface Style {
  readonly indent: string;
  readonly omitUndefined: boolean;
}

function encode(value: unknown, style: Style, out: string[], path: string, open: Set<object>, pad: string): void {
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON: non-finite number ${value} at ${path}`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      if (value === null) {
        out.push('null');
        return;
      }
      if (open.has(value)) throw new TypeError(`canonical JSON: cycle at ${path}`);
      open.add(value);
      if (Array.isArray(value)) encodeArray(value, style, out, path, open, pad);
      else encodeObject(value, style, out, path, open, pad);
      open.delete(value);
      return;
    default:
      throw new TypeError(`canonical JSON: ${typeof value} at ${path} is not a JSON value`);
  }
}

function encodeArray(items: readonly unknown[], style: Style, out: string[], path: string, open: Set<object>, pad: string): void {
  if (items.length === 0) {
    out.push('[]');
    return;
  }
  const inner = pad + style.indent;
  out.push('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.push(',');
    if (style.indent) out.push('\n', inner);
    // Holes in sparse arrays read as undefined and are rejected like any undefined.
    encode(items[i], style, out, `${path}[${i}]`, open, inner);
  }
  if (style.indent) out.push('\n', pad);
  out.push(']');
}

function encodeObject(obj: object, style: Style, out: string[], path: string, open: Set<object>, pad: string): void {
  const proto = Object.getPrototypeOf(obj);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonical JSON: ${proto?.constructor?.name ?? 'object'} at ${path} is not a plain object`);
  }
  const record = obj as Record<string, unknown>;
  const keys = Object.keys(record).sort(compareCodeUnits);
  const inner = pad + style.indent;
  const sep = style.indent ? ': ' : ':';
  let written = 0;
  out.push('{');
  for (const key of keys) {
    const v = record[key];
    if (v === undefined && style.omitUndefined) continue;
    if (written++ > 0) out.push(',');
    if (style.indent) out.push('\n', inner);
    out.push(JSON.stringify(key), sep);
    encode(v, style, out, `${path}.${key}`, open, inner);
  }
  if (style.indent && written > 0) out.push('\n', pad);
  out.push('}');
}
