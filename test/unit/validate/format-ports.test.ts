import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parsePortSpec } from '../../../src/model/port-spec.js';
import { describePorts, formatPorts } from '../../../src/validate/format-ports.js';

describe('formatPorts', () => {
  it.each<[number[], string]>([
    [[5], '5'],
    [[1, 2, 3, 5, 9, 11, 13], '1-3, 5, 9-13:2'],
    [[1, 3], '1, 3'],
    [[9, 10], '9-10'],
    [[4, 3, 3, 1, 2], '1-4'],
    [[2, 4, 6, 8, 9], '2-8:2, 9'],
  ])('%j → %s', (ports, text) => {
    expect(formatPorts(ports)).toBe(text);
  });

  it('bounds long lists', () => {
    expect(formatPorts([1, 3, 7, 20, 40, 61, 99, 200, 300, 500], 3)).toBe('1, 3, 7 and 7 more');
  });

  it('output parses back to the same ports (it is port-spec notation)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1024 }), { minLength: 1, maxLength: 40 }), (ports) => {
        const parsed = parsePortSpec(formatPorts(ports, 1000));
        expect(parsed).toEqual({ ports: [...ports].sort((a, b) => a - b) });
      }),
    );
  });

  it('describePorts picks singular or plural', () => {
    expect(describePorts([7])).toBe('port 7');
    expect(describePorts([7, 8])).toBe('ports 7-8');
  });
});
