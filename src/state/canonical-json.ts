/**
 * The canonical JSON text that the state file stores for attributes, dependencies and
 * event details: object keys sorted by UTF-16 code unit, arrays in order, no
 * whitespace, undefined members dropped (as JSON.stringify does). Two equal values
 * therefore always store as the same bytes, which is what makes a snapshot checksum
 * reproducible.
 *
 * The state module keeps its own copy of this rule on purpose: checksums already
 * written to users' state files must stay valid even if the plan document's JSON form
 * changes one day. Changing the output needs a migration that rewrites stored text.
 *
 * Written with plain loops and string concatenation because a 100k-resource snapshot
 * canonicalizes every attribute map once per save; the path of an offending value is
 * assembled only when one is found.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (err) {
    if (err instanceof NotJsonSafe) throw new TypeError(`$${err.path.join('')}: ${err.message}`);
    throw err;
  }
}

class NotJsonSafe extends Error {
  readonly path: string[] = [];
}

function write(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      // NaN and Infinity would silently turn into null and change the value.
      if (!Number.isFinite(value)) throw new NotJsonSafe(`${value} is not JSON-safe`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? writeArray(value) : writeObject(value as Record<string, unknown>);
    default:
      throw new NotJsonSafe(`a ${typeof value} is not JSON-safe`);
  }
}

function writeArray(value: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < value.length; i++) {
    if (i > 0) out += ',';
    try {
      out += write(value[i]);
    } catch (err) {
      throw within(err, `[${i}]`);
    }
  }
  return `${out}]`;
}

function writeObject(value: Record<string, unknown>): string {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NotJsonSafe('only plain objects are JSON-safe');
  const keys = Object.keys(value).sort();
  let out = '{';
  for (const key of keys) {
    const member = value[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    try {
      out += `${JSON.stringify(key)}:${write(member)}`;
    } catch (err) {
      throw within(err, `.${key}`);
    }
  }
  return `${out}}`;
}

function within(err: unknown, segment: string): unknown {
  if (err instanceof NotJsonSafe) err.path.unshift(segment);
  return err;
}
