import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/diag/errors.js';
import { formatDuration, parseDuration } from '../../../src/engine/duration-text.js';

describe('durations on the command line', () => {
  it.each([
    ['0', 0],
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['30d', 2_592_000_000],
    ['1h30m', 5_400_000],
    [' 10s ', 10_000],
  ])('%j is %d ms', (text, ms) => {
    expect(parseDuration(text, '--x')).toBe(ms);
  });

  it.each(['', '30', 's', '-5s', '1.5h', '10 s', '3w', '30sx', 'x30s'])('%j is refused naming the option', (text) => {
    expect(() => parseDuration(text, '--older-than')).toThrow(ConfigError);
    expect(() => parseDuration(text, '--older-than')).toThrow(/^--older-than must be a duration/);
  });

  it.each([
    [0, '0s'],
    [-5_000, '0s'],
    [45_999, '45s'],
    [133_000, '2m13s'],
    [3_900_000, '1h05m'],
    [273_600_000, '3d04h'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
