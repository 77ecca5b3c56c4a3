import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffResources } from '../../src/plan/diff-resources.js';
import { diffWithAdoption, NO_ADOPTION } from '../../src/plan/diff-with-adoption.js';
import { asObserved, resourceSet, schemas } from './resource-arbitraries.js';

const options = { schemas };

describe('adoption laws', () => {
  it('without adoption the diff is exactly the plain diff, and every collision stays one', () => {
    fc.assert(
      fc.property(resourceSet, resourceSet, (desired, observed) => {
        const collisions = asObserved(desired.slice(0, 2));
        const diff = diffWithAdoption(desired, asObserved(observed), collisions, NO_ADOPTION, options);
        expect(diff.changes).toEqual(diffResources(desired, asObserved(observed), options));
        expect(diff.collisions).toEqual(collisions);
      }),
    );
  });

  it('an address recorded as adopted is never deleted, and only adopted addresses are released', () => {
    fc.assert(
      fc.property(resourceSet, resourceSet, fc.integer({ min: 0, max: 15 }), (desired, observed, n) => {
        const adopted = new Set(observed.slice(0, n).map((o) => o.address));
        const { changes } = diffWithAdoption(desired, asObserved(observed), [], { adopted, ownershipTag: 'diet-x' }, options);
        for (const c of changes) {
          if (adopted.has(c.address)) expect(c.action).not.toBe('delete');
          if (c.ownership === 'release') expect(adopted.has(c.address) && !desired.some((d) => d.address === c.address)).toBe(true);
          expect(c.ownership).not.toBe('adopt');
        }
      }),
    );
  });

  it('every covered collision becomes an adoption, and none is created or refused', () => {
    fc.assert(
      fc.property(resourceSet, (desired) => {
        const existing = asObserved(desired).map((o) => ({ ...o, attrs: { ...o.attrs, tags: ['by-hand'] } }));
        const diff = diffWithAdoption(desired, [], existing, { covers: () => true, adopted: new Set(), ownershipTag: 'diet-x' }, options);
        expect(diff.collisions).toEqual([]);
        expect(diff.changes.filter((c) => c.action === 'create')).toEqual([]);
        for (const c of diff.changes) if (c.action !== 'noop') expect(c.ownership).toBe('adopt');
      }),
    );
  });
});
