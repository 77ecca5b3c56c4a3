import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/plan/apply-changes.js';
import { attrValuesEqual } from '../../src/plan/attr-value-equal.js';
import { diffResources } from '../../src/plan/diff-resources.js';
import { pickOwnedAttrs } from '../../src/plan/owned-attrs.js';
import type { Attrs, ResourceChange } from '../../src/resource/resource.js';
import { asObserved, resourceSet, schemas } from './resource-arbitraries.js';

/** What the diff compares: normalized, then only the owned attributes. */
function comparable(type: string, attrs: Attrs): Attrs {
  const schema = schemas(type);
  const normalized = schema?.normalize ? schema.normalize(attrs) : attrs;
  return schema ? pickOwnedAttrs(normalized, schema.ownedAttrs) : normalized;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('diff laws', () => {
  it('diff(x, x) has only noops', () => {
    fc.assert(
      fc.property(resourceSet, (x) => {
        const changes = diffResources(x, asObserved(x), { schemas });
        expect(changes.every((c) => c.action === 'noop')).toBe(true);
        expect(changes).toHaveLength(x.length);
      }),
    );
  });

  it('applying diff(a → b) to a yields b, and diffing again comes back empty', () => {
    fc.assert(
      fc.property(resourceSet, resourceSet, (a, b) => {
        const before = asObserved(a);
        const after = applyChanges(before, diffResources(b, before, { schemas }));
        expect(after.map((o) => o.address).sort()).toEqual(b.map((r) => r.address).sort());
        const byAddress = new Map(after.map((o) => [o.address, o]));
        for (const want of b) {
          const got = byAddress.get(want.address)!;
          expect(attrValuesEqual(comparable(got.type, got.attrs), comparable(want.type, want.attrs))).toBe(true);
        }
        expect(diffResources(b, after, { schemas }).filter((c) => c.action !== 'noop')).toEqual([]);
      }),
    );
  });

  it('orders every change after its dependencies and every delete before its own', () => {
    fc.assert(
      fc.property(resourceSet, resourceSet, (a, b) => {
        const changes = diffResources(b, asObserved(a), { schemas });
        const position = new Map(changes.map((c, i) => [c.address, i]));
        const deleted = (address: string) => changes[position.get(address) ?? -1]?.action === 'delete';
        const formerDeps = new Map(a.map((r) => [r.address, r.dependsOn]));
        changes.forEach((c: ResourceChange, i) => {
          if (c.action === 'delete') {
            // Deleted before whatever it depended on that is deleted too.
            for (const d of c.dependsOn) if (deleted(d)) expect(position.get(d)!).toBeGreaterThan(i);
            return;
          }
          // Created/updated after its dependencies...
          for (const d of c.dependsOn) if (position.has(d) && !deleted(d)) expect(position.get(d)!).toBeLessThan(i);
          // ...and before the deletion of anything it used to depend on.
          for (const d of formerDeps.get(c.address) ?? []) if (deleted(d)) expect(position.get(d)!).toBeGreaterThan(i);
        });
      }),
    );
  });

  it('does not depend on the order of its inputs', () => {
    fc.assert(
      fc.property(resourceSet, resourceSet, fc.nat(), (a, b, seed) => {
        const once = diffResources(b, asObserved(a), { schemas });
        const again = diffResources(shuffled(b, seed), shuffled(asObserved(a), seed + 1), { schemas });
        expect(again).toEqual(once);
      }),
    );
  });
});
