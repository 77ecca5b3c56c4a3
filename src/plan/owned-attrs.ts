import type { AttrValue, Attrs } from '../resource/resource.js';
import { parseAttrPath } from './attr-path.js';
import { isAttrObject, setOwnAttr } from './attr-object.js';

/**
 * The part of `attrs` that diet owns: only the values at the `owned` attribute paths (top-level
 * names or nested paths such as `metadata.labels`), with the same nesting. Everything else a
 * backend adds (ids, timestamps, other tools' fields) is left out so it can never show up as a
 * diff. A wider path wins over a narrower one inside it (`spec` covers `spec.x`).
 */
export function pickOwnedAttrs(attrs: Attrs, owned: readonly string[]): Attrs {
  const result: Record<string, AttrValue> = {};
  const built = new Set<object>([result]); // containers created here, safe to write into
  for (const segments of parsedPaths(owned)) {
    const value = valueAt(attrs, segments);
    if (value === undefined) continue;
    let into: Record<string, AttrValue> | undefined = result;
    for (let i = 0; i < segments.length - 1 && into; i++) {
      const existing: AttrValue | undefined = Object.hasOwn(into, segments[i]) ? into[segments[i]] : undefined;
      if (existing === undefined) {
        const child: Record<string, AttrValue> = {};
        built.add(child);
        setOwnAttr(into, segments[i], child);
        into = child;
      } else {
        // A wider owned path already copied this whole subtree.
        into = built.has(existing as object) ? (existing as Record<string, AttrValue>) : undefined;
      }
    }
    if (into && !Object.hasOwn(into, segments[segments.length - 1])) setOwnAttr(into, segments[segments.length - 1], value);
  }
  return result;
}

/** The value at a path, or undefined when any step is missing or not an object. */
export function valueAt(attrs: Attrs, segments: readonly string[]): AttrValue | undefined {
  let current: AttrValue | undefined = attrs;
  for (const segment of segments) {
    if (!isAttrObject(current) || !Object.hasOwn(current, segment)) return undefined;
    current = current[segment];
  }
  return current;
}

// Schemas are long-lived constants: parse each owned list once, not once per resource.
const parsedCache = new WeakMap<readonly string[], readonly (readonly string[])[]>();

/** Parsed paths, widest first, so that a wider path is copied before a narrower one inside it. */
export function parsedPaths(paths: readonly string[]): readonly (readonly string[])[] {
  let parsed = parsedCache.get(paths);
  if (!parsed) {
    parsed = paths.map(parseAttrPath).sort((a, b) => a.length - b.length);
    parsedCache.set(paths, parsed);
  }
  return parsed;
}
