import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/render/json.js';
import { topologyLine } from '../../../src/render/topology-figures.js';

describe('renderJson', () => {
  it('indents by two spaces, sorts keys, omits undefined and ends with a newline', () => {
    expect(renderJson({ b: [1, { d: 1, c: 2 }], a: undefined, e: {} })).toBe('{\n  "b": [\n    1,\n    {\n      "c": 2,\n      "d": 1\n    }\n  ],\n  "e": {}\n}\n');
  });

  it('prints the same value the same way whatever the key insertion order', () => {
    expect(renderJson({ x: 1, y: { p: 1, q: 2 } })).toBe(renderJson({ y: { q: 2, p: 1 }, x: 1 }));
  });

  it('throws on values JSON cannot hold', () => {
    expect(() => renderJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('topologyLine', () => {
  it('shows the known whole-number figures in a fixed order', () => {
    expect(topologyLine({ devices: 2, switchInterfaces: 1, cables: 12345, other: 5, servers: 'many' })).toBe('Topology: 12,345 cables, 1 switch interface, 2 devices');
    expect(topologyLine({ switches: 1.5 })).toBeUndefined();
    expect(topologyLine({})).toBeUndefined();
  });
});
