import type { AttrValue } from '../resource/resource.js';
import { isAttrObject } from './attr-object.js';

/**
 * Structural equality of JSON values: object key order never matters, array order always
 * does (arrays are compared as whole values; a reordered list is a change). `undefined`
 * stands for "absent" and equals only itself.
 */
export function attrValuesEqual(a: AttrValue | undefined, b: AttrValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!attrValuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (!isAttrObject(a) || !isAttrObject(b)) return false;
  const ra = a;
  const rb = b;
  const keys = Object.keys(ra);
  if (keys.length !== Object.keys(rb).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(rb, key) || !attrValuesEqual(ra[key], rb[key])) return false;
  }
  return true;
}

