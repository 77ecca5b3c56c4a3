import { isAttrObject, setOwnAttr } from '../../../plan/attr-object.js';
import type { AttrValue } from '../../../resource/resource.js';

/** diet's field manager name: what it applies with, and whose fields count as diet's. */
export const FIELD_MANAGER = 'diet';

/** A `fieldsV1` set: `{ "f:spec": { "f:role": {} } }`. */
export type FieldSet = { readonly [key: string]: FieldSet };

interface ManagedFieldsEntry {
  readonly manager?: string;
  readonly operation?: string;
  readonly subresource?: string;
  readonly fieldsV1?: FieldSet;
}

/**
 * The fields diet's apply owns on a live object (its `Apply` entries for the main resource,
 * merged), or undefined when diet never applied it.
 */
export function dietFieldSet(managedFields: unknown): FieldSet | undefined {
  if (!Array.isArray(managedFields)) return undefined;
  let merged: FieldSet | undefined;
  for (const entry of managedFields as ManagedFieldsEntry[]) {
    if (entry.manager !== FIELD_MANAGER || entry.operation !== 'Apply' || entry.subresource || !entry.fieldsV1) continue;
    merged = merged ? mergeSets(merged, entry.fieldsV1) : entry.fieldsV1;
  }
  return merged;
}

function mergeSets(a: FieldSet, b: FieldSet): FieldSet {
  const out: { [key: string]: FieldSet } = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = out[k] ? mergeSets(out[k], v) : v;
  return out;
}

/**
 * The part of a live value that is diet's business: keys diet wants (`desired`) or owns
 * (`owned`, from managedFields). A key that neither names was added by another manager;
 * diet's apply would leave it alone, so it is not drift and is dropped. A key diet owns but
 * no longer wants stays, because the next apply removes it. Objects are walked key by key;
 * lists and scalars are kept whole (Hedgehog's lists are atomic).
 */
export function projectOwned(live: AttrValue, desired: AttrValue | undefined, owned: FieldSet | undefined): AttrValue {
  if (!isAttrObject(live)) return live;
  const out: { [key: string]: AttrValue } = {};
  for (const [key, value] of Object.entries(live)) {
    const want = isAttrObject(desired) && Object.hasOwn(desired, key) ? desired[key] : undefined;
    const own = owned && Object.hasOwn(owned, `f:${key}`) ? owned[`f:${key}`] : undefined;
    if (want === undefined && own === undefined) continue;
    const descend = isAttrObject(value) && (want !== undefined ? isAttrObject(want) : Object.keys(own ?? {}).length > 0);
    setOwnAttr(out, key, descend ? projectOwned(value, want, own) : value);
  }
  return out;
}
