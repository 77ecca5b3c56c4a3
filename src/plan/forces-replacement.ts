import type { AttrChange } from '../resource/resource.js';
import { parseAttrPath } from './attr-path.js';
import { parsedPaths } from './owned-attrs.js';

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
