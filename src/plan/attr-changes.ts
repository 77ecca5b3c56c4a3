import type { AttrChange, AttrValue, Attrs } from '../resource/resource.js';
import { formatAttrPath } from './attr-path.js';
import { isAttrObject } from './attr-object.js';
import { attrValuesEqual } from './attr-value-equal.js';
import { compareCodeUnits } from './compare-code-units.js';

/**
 * The attribute-level differences between two attribute sets, one entry per changed leaf.
 * Objects are descended into (paths like `spec.portBreakouts.E1/1`); arrays and scalars are
 * compared as whole values. A value present on one side only has `before` or `after` alone.
 * Keys are visited in code-unit order so the list is deterministic.
 */
export function diffAttrs(before: Attrs, after: Attrs): AttrChange[] {
  const changes: AttrChange[] = [];
  diffObjects(before, after, [], changes);
  return changes;
}

function diffObjects(before: { readonly [key: string]: AttrValue }, after: { readonly [key: string]: AttrValue }, prefix: string[], out: AttrChange[]): void {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of [...keys].sort(compareCodeUnits)) {
    const b = Object.hasOwn(before, key) ? before[key] : undefined;
    const a = Object.hasOwn(after, key) ? after[key] : undefined;
    const path = [...prefix, key];
    if (isAttrObject(b) && isAttrObject(a)) {
      diffObjects(b, a, path, out);
    } else if (!attrValuesEqual(b, a)) {
      out.push({ path: formatAttrPath(path), ...(b !== undefined ? { before: b } : {}), ...(a !== undefined ? { after: a } : {}) });
    }
  }
}
