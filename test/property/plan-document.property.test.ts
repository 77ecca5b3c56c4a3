import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentError } from '../../src/diag/errors.js';
import { canonicalJson } from '../../src/resource/canonical-json.js';
import { createPlan } from '../../src/plan/create-plan.js';
import { diffResources } from '../../src/plan/diff-resources.js';
import type { PlanDocument } from '../../src/plan/plan-document.js';
import { readPlanDocument } from '../../src/plan/read-plan-document.js';
import { serializePlanDocument } from '../../src/plan/serialize-plan-document.js';
import { toPlanDocument } from '../../src/plan/to-plan-document.js';
import { asObserved, resourceSet, schemas } from './resource-arbitraries.js';

const planDocument: fc.Arbitrary<PlanDocument> = fc
  .record({
    a: resourceSet,
    b: resourceSet,
    topology: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    cluster: fc.string({ maxLength: 10 }),
    snapshotId: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
  })
  .map(({ a, b, topology, cluster, snapshotId }) =>
    toPlanDocument(
      createPlan({
        cluster,
        changes: diffResources(b, asObserved(a), { schemas }),
        topology,
        baseline: { kind: 'state', ...(snapshotId !== undefined ? { snapshotId } : {}), fingerprints: Object.fromEntries(a.map((r) => [r.address, `fp:${r.key}`])) },
        dietVersion: '0.1.0',
        specDigest: 'sha256:0',
      }),
    ),
  );

/** Characters a careless edit or a corrupted copy could put in place of another. */
const replacement = fc.constantFrom('a', 'Z', '0', '7', '"', '\\', '{', '}', '[', ',', ':', ' ', '\n', '-', '.', 'e');

describe('plan document laws', () => {
  it('reads back exactly what it serialized', () => {
    fc.assert(
      fc.property(planDocument, (doc) => {
        expect(readPlanDocument(serializePlanDocument(doc))).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 150 },
    );
  });

  it('rejects any one-character change that changes the content', () => {
    let rejected = 0;
    fc.assert(
      fc.property(planDocument, fc.nat(), replacement, (doc, at, char) => {
        const text = serializePlanDocument(doc);
        const i = at % text.length;
        fc.pre(text[i] !== char);
        const edited = text.slice(0, i) + char + text.slice(i + 1);
        let sameContent = false;
        try {
          sameContent = canonicalJson(JSON.parse(edited)) === canonicalJson(doc);
        } catch {
          // not JSON, or not representable: certainly not the same content
        }
        // An edit that leaves the content identical (whitespace after the final brace, `1E2`
        // for `1e2`) is not tampering; anything else must be refused with a plan error.
        if (sameContent) return;
        expect(() => readPlanDocument(edited)).toThrow(PlanDocumentError);
        rejected++;
      }),
      { numRuns: 300 },
    );
    expect(rejected).toBeGreaterThan(250);
  });

  it('refuses an edit inside any string of the document as tampering, not as broken JSON', () => {
    let digestMismatches = 0;
    fc.assert(
      fc.property(planDocument, fc.nat(), fc.constantFrom('x', 'Q', '5'), (doc, at, char) => {
        const text = serializePlanDocument(doc);
        const editable = plainStringCharacters(text).filter((i) => text[i] !== char);
        fc.pre(editable.length > 0);
        const i = editable[at % editable.length];
        const edited = text.slice(0, i) + char + text.slice(i + 1);
        expect(() => readPlanDocument(edited)).toThrow(PlanDocumentError);
        try {
          readPlanDocument(edited);
        } catch (error) {
          expect((error as Error).message).not.toMatch(/not valid JSON/);
          if (/digest does not match/.test((error as Error).message)) digestMismatches++;
        }
      }),
      { numRuns: 300 },
    );
    // Most edits land in values (addresses, attributes, names), where only the digest can tell.
    expect(digestMismatches).toBeGreaterThan(100);
  });
});

/** Positions of letters and digits inside JSON string literals, outside escape sequences. */
function plainStringCharacters(text: string): number[] {
  const positions: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!inString) {
      if (c === '"') inString = true;
    } else if (c === '\\') {
      i += text[i + 1] === 'u' ? 5 : 1;
    } else if (c === '"') {
      inString = false;
    } else if (/[A-Za-z0-9]/.test(c)) {
      positions.push(i);
    }
  }
  return positions;
}
