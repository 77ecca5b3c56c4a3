import type { AttrValue } from '../resource/resource.js';

/** A JSON object (not an array, not null): the only kind of value attribute paths descend into. */
export function isAttrObject(value: AttrValue | undefined): value is { readonly [key: string]: AttrValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets an own property even for keys like `__proto__`: attribute keys come from spec files and
 * remote servers, and a plain assignment with that key would change the object's prototype
 * instead of storing the value.
 */
export function setOwnAttr(object: { [key: string]: AttrValue }, key: string, value: AttrValue): void {
  // defineProperty is several times slower than assignment, and only one key needs it.
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
