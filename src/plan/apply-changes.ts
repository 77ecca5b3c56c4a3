import type { AttrChange, AttrValue, Attrs, ObservedResource, ResourceChange } from '../resource/resource.js';
import { parseAttrPath } from './attr-path.js';
import { isAttrObject, setOwnAttr } from './attr-object.js';

/**
 * What a set of objects looks like after a list of changes, as a well-behaved backend would
 * do it. Pure: the input is not modified. Used by tests (diff laws) and by in-memory fake
 * targets.
 *
 * - create: a new object with `after` as attrs, appended;
 * - update: the existing object patched at each `attrChanges` path, so attributes diet does
 *   not own are kept (the way a PATCH behaves);
 * - replace: a new object with `after` as attrs in the old one's place (a recreation drops
 *   everything else, including `remoteId`);
 * - delete: removed; noop: untouched.
 *
 * Changed objects lose their `fingerprint`: it described the old version. A change that does
 * not fit (creating an address that exists, touching one that does not) throws, like a
 * conflicting request would; it means the plan was made against a different set.
 */
export function applyChanges(observed: readonly ObservedResource[], changes: readonly ResourceChange[]): ObservedResource[] {
  const current = new Map<string, ObservedResource>();
  for (const o of observed) current.set(o.address, o);
  for (const change of changes) {
    const existing = current.get(change.address);
    if (change.action === 'noop') continue;
    if (change.action === 'create') {
      if (existing) throw new Error(`cannot create ${change.address}: it already exists`);
      current.set(change.address, recreated(change));
      continue;
    }
    if (!existing) throw new Error(`cannot ${change.action} ${change.address}: it does not exist`);
    if (change.action === 'delete') current.delete(change.address);
    else if (change.action === 'replace') current.set(change.address, recreated(change));
    else current.set(change.address, patched(existing, change));
  }
  return [...current.values()];
}

function recreated(change: ResourceChange): ObservedResource {
  const { address, target, type, key, dependsOn } = change;
  return { address, target, type, key, attrs: change.after ?? {}, dependsOn };
}

function patched(existing: ObservedResource, change: ResourceChange): ObservedResource {
  let attrs: Attrs = existing.attrs;
  for (const attrChange of change.attrChanges) attrs = patchAttrs(attrs, attrChange);
  const { fingerprint: _stale, ...rest } = existing;
  return { ...rest, attrs, dependsOn: change.dependsOn };
}

/** A copy of `attrs` with the value at the change's path set to `after`, or removed without one. */
export function patchAttrs(attrs: Attrs, change: AttrChange): Attrs {
  return setIn(attrs, parseAttrPath(change.path), change.after) as Attrs;
}

function setIn(value: AttrValue | undefined, segments: readonly string[], leaf: AttrValue | undefined): AttrValue | undefined {
  if (segments.length === 0) return leaf;
  const object: { [key: string]: AttrValue } = isAttrObject(value) ? { ...value } : {};
  const [head, ...rest] = segments;
  const next = setIn(Object.hasOwn(object, head) ? object[head] : undefined, rest, leaf);
  if (next === undefined) delete object[head];
  else setOwnAttr(object, head, next);
  return object;
}
