import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePortSpec, type PortSpecResult } from '../../../src/model/port-spec.js';

function portsOf(result: PortSpecResult): readonly number[] {
  if ('error' in result) throw new Error(`unexpected error: ${result.error}`);
  return result.ports;
}

function errorOf(result: PortSpecResult): string {
  if (!('error' in result)) throw new Error(`expected an error, got ${JSON.stringify(result.ports)}`);
  return result.error;
}

const range = (from: number, to: number, step = 1): number[] => {
  const out: number[] = [];
  for (let p = from; p <= to; p += step) out.push(p);
  return out;
};

describe('parsePortSpec — valid specs (DOMAIN §3.1 examples)', () => {
  it.each<[string, number[]]>([
    ['5', [5]],
    ['1-48', range(1, 48)],
    ['1,3,5,7,9', [1, 3, 5, 7, 9]],
    ['1-4,6,8-10', [1, 2, 3, 4, 6, 8, 9, 10]],
    ['1-32:2', range(1, 31, 2)],
    ['1-16:3', [1, 4, 7, 10, 13, 16]],
    ['1-4,3-6', [1, 2, 3, 4, 5, 6]],
    ['10,5,20,15,1', [1, 5, 10, 15, 20]],
    ['5-5', [5]],
    ['1-10:20', [1]],
    ['5-5:1', [5]],
    ['1-1024', range(1, 1024)],
    ['1020-1024', [1020, 1021, 1022, 1023, 1024]],
    [' 1 - 4 , 6 ', [1, 2, 3, 4, 6]],
    ['2-64:2', range(2, 64, 2)],
  ])('%s', (spec, expected) => {
    expect(portsOf(parsePortSpec(spec))).toEqual(expected);
  });

  it('1-32:2 gives the 16 odd ports', () => {
    const ports = portsOf(parsePortSpec('1-32:2'));
    expect(ports).toHaveLength(16);
    expect(ports.every((p) => p % 2 === 1)).toBe(true);
  });
});

describe('parsePortSpec — errors (DOMAIN §3.1)', () => {
  it.each<[string, RegExp]>([
    ['', /empty/],
    ['   ', /empty/],
    ['1-9999', /exceeds maximum port number \(1024\)/],
    ['2000', /exceeds maximum port number \(1024\)/],
    ['0-5', /port 0 must be positive/],
    ['1-16:0', /step must be a positive integer/],
    ['1-16:-2', /step must be a positive integer/],
    ['1-16abc', /'16abc' is not a port number/],
    ['1-16:2:3', /more than one ':'/],
    ['5:2', /a step needs a range/],
    ['-5', /must be positive/],
    ['1--3', /not a valid range/],
    ['10-5', /starts after it ends/],
    ['1,,3', /empty part/],
    ['abc', /not a port number/],
  ])('%j → error', (spec, message) => {
    expect(errorOf(parsePortSpec(spec))).toMatch(message);
  });
});

describe('parsePortSpec — properties', () => {
  it('result is sorted, unique and within 1..1024 for any list of valid parts', () => {
    const part = fc.oneof(
      fc.integer({ min: 1, max: 1024 }).map(String),
      fc
        .tuple(fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 1, max: 1024 }), fc.integer({ min: 1, max: 9 }))
        .map(([a, b, s]) => `${Math.min(a, b)}-${Math.max(a, b)}:${s}`),
    );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 6 }), (parts) => {
        const ports = portsOf(parsePortSpec(parts.join(',')));
        for (let i = 1; i < ports.length; i++) expect(ports[i]).toBeGreaterThan(ports[i - 1]);
        expect(ports[0]).toBeGreaterThanOrEqual(1);
        expect(ports[ports.length - 1]).toBeLessThanOrEqual(1024);
      }),
    );
  });

  it('joining the parsed ports back with commas round-trips', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 30 }), (ports) => {
        const sorted = [...ports].sort((a, b) => a - b);
        expect(portsOf(parsePortSpec(ports.join(',')))).toEqual(sorted);
      }),
    );
  });
});
