import { describe, expect, it } from 'vitest';
import { formatAttrPath, parseAttrPath } from '../../../src/plan/attr-path.js';

describe('attribute paths', () => {
  it.each([
    [['status'], 'status'],
    [['spec', 'portBreakouts', 'E1/1'], 'spec.portBreakouts.E1/1'],
    [['metadata', 'labels', 'app.kubernetes.io/name'], 'metadata.labels["app.kubernetes.io/name"]'],
    [['a.b', 'c'], '["a.b"].c'],
    [['', 'x[0]', 'q"uote'], '[""]["x[0]"]["q\\"uote"]'],
  ])('%j is written as %s and read back', (segments, text) => {
    expect(formatAttrPath(segments)).toBe(text);
    expect(parseAttrPath(text)).toEqual(segments);
  });

  it.each(['', 'a..b', 'a.', '.a', 'a.["b"]', '["a"', '["a"]x', '[a]'])('rejects the malformed path %j', (text) => {
    expect(() => parseAttrPath(text)).toThrow();
  });
});
