import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, stableJson } from '../../../src/plan/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('sorts keys by code units, not by locale or numeric value', () => {
    expect(canonicalJson({ b: 0, B: 0, '10': 0, '9': 0, é: 0 })).toBe('{"10":0,"9":0,"B":0,"b":0,"é":0}');
  });

  it('writes numbers the ECMAScript way', () => {
    expect(canonicalJson([1, -0, 0.1, 1e21, 1.5e-7, -3])).toBe('[1,0,0.1,1e+21,1.5e-7,-3]');
  });

  it('escapes strings like JSON.stringify, including lone surrogates', () => {
    expect(canonicalJson(['a"b\\c\n\u0001', '\ud800'])).toBe('["a\\"b\\\\c\\n\\u0001","\\ud800"]');
  });

  it.each([
    ['undefined', undefined],
    ['an undefined property', { a: undefined }],
    ['a function', { f: () => 1 }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Infinity]],
    ['a bigint', { n: 1n }],
    ['a symbol', Symbol('s')],
    ['a Date', { d: new Date(0) }],
    ['a Map', new Map()],
    ['a sparse array hole', [1, , 2]],
  ])('rejects %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('names the path of a rejected value', () => {
    expect(() => canonicalJson({ a: [{ b: Number.NaN }] })).toThrow('$.a[0].b');
  });

  it('rejects cycles but accepts shared references', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow('cycle');
  });

  it('accepts objects without a prototype and keeps __proto__ as a plain key', () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.k = 1;
    expect(canonicalJson(bare)).toBe('{"k":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"a":1}}'))).toBe('{"__proto__":{"a":1}}');
  });
});

describe('stableJson', () => {
  it('indents with sorted keys and can omit undefined properties', () => {
    expect(stableJson({ b: [1, {}], a: undefined, c: [] }, { indent: 2, omitUndefined: true })).toBe('{\n  "b": [\n    1,\n    {}\n  ],\n  "c": []\n}');
  });

  it('equals canonicalJson without options', () => {
    const value = { z: [1, 'a'], a: { b: null } };
    expect(stableJson(value)).toBe(canonicalJson(value));
  });
});

describe('sha256Hex', () => {
  it('hashes the UTF-8 bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
