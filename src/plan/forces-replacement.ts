import type { AttrChange, Attrs } from '../resource/resource.js';
import { isAttrObject } from './attr-object.js';
import { parseAttrPath } from './attr-path.js';
import { parsedPaths, valueAt } from './owned-attrs.js';

/**
 * Whether any change touches an immutable attribute: the change is at the immutable path,
 * inside it (`spec.location.rack` when `spec.location` is immutable) or encloses it (a whole
 * `spec` object appearing or vanishing when `spec.location` is immutable).
 */
export function forcesReplacement(changes: readonly AttrChange[], immutable: readonly string[]): boolean {
  if (immutable.length === 0) return false;
  const immutablePaths = parsedPaths(immutable);
  return changes.some((change) => {
    const path = parseAttrPath(change.path);
    return immutablePaths.some((im) => isPrefix(im, path) || isPrefix(path, im));
  });
}

function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) if (prefix[i] !== path[i]) return false;
  return true;
}

/**
 * Whether a union attribute chose another key: the keys set at any of the `unions` paths
 * differ between `before` and `after` (`spec: {unbundled: …}` → `spec: {bundled: …}`).
 * Values that are not objects on both sides (absent, scalars) are left to the plain diff.
 */
export function unionKeyChanged(before: Attrs, after: Attrs, unions: readonly string[] | undefined): boolean {
  if (!unions || unions.length === 0) return false;
  return parsedPaths(unions).some((path) => {
    const b = valueAt(before, path);
    const a = valueAt(after, path);
    if (!isAttrObject(b) || !isAttrObject(a)) return false;
    const keys = (o: object) => Object.keys(o).sort().join('\u0000');
    return keys(b) !== keys(a);
  });
}
