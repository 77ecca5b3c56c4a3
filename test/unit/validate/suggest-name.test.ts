import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggestName } from '../../../src/validate/suggest-name.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
    ['deviceTyp', 'deviceType', 1],
    ['quantity', 'quantity', 0],
  ])('%s → %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});

describe('suggestName', () => {
  const fields = ['id', 'role', 'deviceType', 'quantity', 'uplinksPerSwitch', 'zones'];
  it('finds close typos, case-insensitively', () => {
    expect(suggestName('deviceTyp', fields)).toBe('deviceType');
    expect(suggestName('Quantitiy', fields)).toBe('quantity');
    expect(suggestName('zone', fields)).toBe('zones');
  });
  it('gives nothing for unrelated names', () => {
    expect(suggestName('foo', fields)).toBeUndefined();
    expect(suggestName('transceiverModuleType', fields)).toBeUndefined();
  });
  it('breaks ties by candidate order', () => {
    expect(suggestName('ab', ['ac', 'ad'])).toBe('ac');
  });
  it('didYouMean phrases the hint and stays silent for an exact name', () => {
    expect(didYouMean('celestica-ds500', ['celestica-ds5000', 'celestica-ds3000'])).toBe("did you mean 'celestica-ds5000'?");
    expect(didYouMean('zones', fields)).toBeUndefined();
  });
});
