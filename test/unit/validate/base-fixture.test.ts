import { describe, expect, it } from 'vitest';
import { BASE_FILES, validateTexts } from './spec-fixture.js';

describe('the base fixture', () => {
  it('is valid without any finding, so every other test sees only its own change', () => {
    const result = validateTexts(BASE_FILES);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.switchClasses.map((c) => c.id)).toEqual(['leaf', 'spine', 'oob']);
  });
});
