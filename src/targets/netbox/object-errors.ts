/**
 * Per-object validation errors from a NetBox 400 answer, tied back to the objects of the
 * request. NetBox 4.7 answers bulk writes with
 * `{"detail": "1 of 3 objects could not be created.", "errors": [{"index": 1, "errors": {...}}]}`
 * (updates and deletes name the object by `id` instead of `index`); NetBox 4.0–4.6 with a
 * positional list of error dicts; a single-object request with one dict of field errors.
 */
export interface ObjectError {
  /** The request item the error belongs to; undefined when NetBox did not say. */
  readonly index?: number;
  /** Field name → messages; `__all__` holds object-level (non-field) messages. */
  readonly fields: Readonly<Record<string, readonly string[]>>;
}

export function parseObjectErrors(body: unknown, ids: readonly (number | undefined)[]): ObjectError[] {
  if (Array.isArray(body)) {
    return body.flatMap((entry, index) => {
      const fields = fieldErrors(entry);
      return Object.keys(fields).length > 0 ? [{ index, fields }] : [];
    });
  }
  if (typeof body !== 'object' || body === null) return [];
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errors)) {
    return record.errors.flatMap((entry): ObjectError[] => {
      if (typeof entry !== 'object' || entry === null) return [];
      const e = entry as Record<string, unknown>;
      const index = typeof e.index === 'number' ? e.index : typeof e.id === 'number' ? indexOfId(ids, e.id) : undefined;
      return [{ ...(index !== undefined ? { index } : {}), fields: fieldErrors(e.errors) }];
    });
  }
  const fields = fieldErrors(record);
  if (Object.keys(fields).length === 0) return [];
  return [{ ...(ids.length === 1 ? { index: 0 } : {}), fields }];
}

/** `name: a device with this name already exists; site: …` (object-level messages first, unprefixed). */
export function formatFieldErrors(fields: Readonly<Record<string, readonly string[]>>): string {
  const keys = Object.keys(fields).sort((a, b) => Number(!isObjectLevel(a)) - Number(!isObjectLevel(b)) || (a < b ? -1 : a > b ? 1 : 0));
  return keys.map((k) => (isObjectLevel(k) ? fields[k].join('; ') : `${k}: ${fields[k].join('; ')}`)).join('; ');
}

function isObjectLevel(key: string): boolean {
  return key === '__all__' || key === 'non_field_errors' || key === 'detail';
}

function indexOfId(ids: readonly (number | undefined)[], id: number): number | undefined {
  const i = ids.indexOf(id);
  return i < 0 ? undefined : i;
}

/** Flattens nested DRF errors (`{"a_terminations": [{"object_id": ["…"]}]}`) to dotted field names. */
function fieldErrors(value: unknown, prefix = '', out: Record<string, string[]> = {}): Record<string, string[]> {
  if (typeof value === 'string') {
    (out[prefix || '__all__'] ??= []).push(value.replace(/\s+/g, ' ').trim());
  } else if (Array.isArray(value)) {
    for (const item of value) fieldErrors(item, prefix, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      const name = isObjectLevel(key) ? prefix : prefix ? `${prefix}.${key}` : key;
      fieldErrors(inner, name, out);
    }
  }
  return out;
}
