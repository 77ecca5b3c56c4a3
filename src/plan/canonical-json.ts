import { createHash } from 'node:crypto';

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
  return new Encoder('', false).encode(value);
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
  return new Encoder(' '.repeat(options.indent ?? 0), options.omitUndefined ?? false).encode(value);
}

/** Lower-case hex SHA-256 of the UTF-8 bytes of `text`. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Plan documents reach megabytes, and are encoded twice per plan (digest, file), so the
 * encoder appends to one string (V8 ropes make that cheap) and keeps the path of the current
 * value as a stack of keys, turned into text only for an error message.
 */
class Encoder {
  private text = '';
  private readonly path: (string | number)[] = [];
  private readonly open = new Set<object>();

  constructor(
    private readonly indent: string,
    private readonly omitUndefined: boolean,
  ) {}

  encode(value: unknown): string {
    this.value(value, '');
    return this.text;
  }

  private value(value: unknown, pad: string): void {
    switch (typeof value) {
      case 'string':
        this.text += JSON.stringify(value);
        return;
      case 'boolean':
        this.text += value ? 'true' : 'false';
        return;
      case 'number':
        if (!Number.isFinite(value)) this.fail(`non-finite number ${value}`);
        this.text += JSON.stringify(value);
        return;
      case 'object':
        if (value === null) {
          this.text += 'null';
          return;
        }
        if (this.open.has(value)) this.fail('cycle');
        this.open.add(value);
        if (Array.isArray(value)) this.array(value, pad);
        else this.object(value, pad);
        this.open.delete(value);
        return;
      default:
        this.fail(`${typeof value} is not a JSON value`);
    }
  }

  private array(items: readonly unknown[], pad: string): void {
    if (items.length === 0) {
      this.text += '[]';
      return;
    }
    const inner = pad + this.indent;
    this.text += '[';
    for (let i = 0; i < items.length; i++) {
      if (i > 0) this.text += ',';
      if (this.indent) this.text += `\n${inner}`;
      // Holes in sparse arrays read as undefined and are rejected like any undefined.
      this.path.push(i);
      this.value(items[i], inner);
      this.path.pop();
    }
    if (this.indent) this.text += `\n${pad}`;
    this.text += ']';
  }

  private object(obj: object, pad: string): void {
    const proto = Object.getPrototypeOf(obj);
    if (proto !== Object.prototype && proto !== null) this.fail(`${proto?.constructor?.name ?? 'object'} is not a plain object`);
    const record = obj as Record<string, unknown>;
    // The default sort compares UTF-16 code units: the order on every machine and locale.
    const keys = Object.keys(record).sort();
    const inner = pad + this.indent;
    const separator = this.indent ? ': ' : ':';
    let written = 0;
    this.text += '{';
    for (const key of keys) {
      const v = record[key];
      if (v === undefined && this.omitUndefined) continue;
      if (written++ > 0) this.text += ',';
      if (this.indent) this.text += `\n${inner}`;
      this.text += JSON.stringify(key) + separator;
      this.path.push(key);
      this.value(v, inner);
      this.path.pop();
    }
    if (this.indent && written > 0) this.text += `\n${pad}`;
    this.text += '}';
  }

  private fail(problem: string): never {
    const where = this.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    throw new TypeError(`canonical JSON: ${problem} at $${where}`);
  }
}
