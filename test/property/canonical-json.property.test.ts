import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/resource/canonical-json.js';

/** The same JSON value rebuilt with every object's keys inserted in another order. */
function reinserted(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => reinserted(v, seed + i));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const rotated = entries.map((_, i) => entries[(i + seed) % entries.length]).reverse();
  const out: Record<string, unknown> = {};
  for (const [k, v] of rotated) Object.defineProperty(out, k, { value: reinserted(v, seed * 31 + 7), enumerable: true, writable: true, configurable: true });
  return out;
}

describe('canonical JSON laws', () => {
  it('does not depend on the order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(canonicalJson(reinserted(value, seed))).toBe(canonicalJson(value));
      }),
    );
  });

  // Parsing gives back the value, so two values with the same text are the same value.
  it('is valid JSON for the same value, and canonical again after a round trip', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const parsed = JSON.parse(text);
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(parsed)).toBe(text);
      }),
    );
  });
});
