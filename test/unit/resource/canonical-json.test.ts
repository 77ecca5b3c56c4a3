import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/resource/canonical-json.js';

/** Test oracle: the canonical form spelled out in the most direct way. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const k of Object.keys(value).reverse()) out[k] = reversedKeys((value as Record<string, unknown>)[k]);
  return out;
}

const jsonValues = fc.jsonValue({ maxDepth: 4 });
const integerKeyed = fc.dictionary(fc.oneof(fc.nat({ max: 200 }).map(String), fc.string({ maxLength: 3 })), jsonValues, { maxKeys: 8 });

describe('canonicalJson', () => {
  it('matches the reference form for any JSON value, integer-like and __proto__ keys included', () => {
    fc.assert(fc.property(fc.oneof(jsonValues, integerKeyed), (v) => {
      expect(canonicalJson(v)).toBe(reference(v));
    }), { numRuns: 500 });
  });

  it('does not depend on key insertion order', () => {
    fc.assert(fc.property(fc.oneof(jsonValues, integerKeyed), (v) => {
      expect(canonicalJson(reversedKeys(v))).toBe(canonicalJson(v));
    }), {
      numRuns: 300,
    });
  });

  it('parses back to an equal value', () => {
    fc.assert(fc.property(jsonValues, (v) => {
      expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
    }), { numRuns: 300 });
  });

  it('sorts by code unit, not numerically or by locale', () => {
    expect(canonicalJson({ b: 1, a: { z: [3, { y: 1, x: 2 }], '10': 0, '9': 0, B: 0 } })).toBe('{"a":{"10":0,"9":0,"B":0,"z":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ 'é': 1, z: 2, '': 3 })).toBe('{"":3,"z":2,"é":1}');
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"y":1,"x":2},"a":2}'))).toBe('{"__proto__":{"x":2,"y":1},"a":2,"b":1}');
  });

  it('drops undefined object members like JSON.stringify', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson({ 2: undefined, 1: 'x', a: 1, ' ': 0 })).toBe('{" ":0,"1":"x","a":1}');
  });

  it('refuses values JSON would silently change', () => {
    for (const bad of [NaN, Infinity, [1, undefined], { a: -Infinity }, new Date(0), { when: new Date(0) }, new Map(), () => 1, 1n, undefined]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(TypeError);
    }
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson({ 5: 'x', 1: [1, , 3] })).toThrow(/undefined in an array/);
    expect(() => canonicalJson({ b: 1, a: { mtu: NaN } })).toThrow(/member "mtu": NaN/);
  });
});
