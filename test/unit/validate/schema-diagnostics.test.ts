import { describe, expect, it } from 'vitest';
import { BASE_FILES, validateTexts, withCode, withEdit } from './spec-fixture.js';

describe('schema diagnostics', () => {
  it('unknown field: located at the key, with the nearest valid name as hint', () => {
    const result = validateTexts(withEdit('fabric.yaml', '      deviceType: celestica-ds5000\n      zones:\n        - {name: down', '      deviceTyp: celestica-ds5000\n      zones:\n        - {name: down'));
    const [unknown] = withCode(result, 'DIET-S003');
    expect(unknown).toMatchObject({
      severity: 'error',
      summary: "unknown field 'deviceTyp' in switch class",
      hint: "did you mean 'deviceType'?",
      range: { file: 'fabric.yaml', line: 9, col: 7 },
    });
    // The same object also lacks deviceType now; that is reported at the object itself.
    expect(withCode(result, 'DIET-S004')[0]).toMatchObject({
      summary: "switch class is missing required field 'deviceType'",
      range: { file: 'fabric.yaml', line: 7, col: 7 },
    });
    expect(result.model).toBeUndefined();
  });

  it('unknown field without a close match lists the allowed fields', () => {
    const result = validateTexts(withEdit('oob.yaml', '  name: oob-mgmt\n', '  name: oob-mgmt\n  labels: {a: b}\n'));
    const [unknown] = withCode(result, 'DIET-S003');
    expect(unknown.summary).toBe("unknown field 'labels' in metadata");
    expect(unknown.hint).toBe('allowed fields: name');
    expect(unknown.range).toEqual({ file: 'oob.yaml', line: 5, col: 3 });
  });

  it('wrong type: "expected integer, got string" at the value', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'quantity: 4', 'quantity: "4"'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'DIET-S005',
        summary: "'quantity': expected integer, got string",
        range: { file: 'cluster.yaml', line: 8, col: 17 },
      }),
    ]);
  });

  it('out-of-range value', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'ports: 2, speed: 200', 'ports: 0, speed: 200'));
    const [range] = withCode(result, 'DIET-S007');
    expect(range.summary).toBe("'ports' must be >= 1, got 0");
    expect(range.range).toEqual({ file: 'cluster.yaml', line: 14, col: 36 });
  });

  it('enum value with a typo gets a suggestion', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'type: server', 'type: sever'));
    const [bad] = withCode(result, 'DIET-S006');
    expect(bad.summary).toMatch(/^'type': 'sever' is not one of server, uplink/);
    expect(bad.hint).toBe("did you mean 'server'?");
    expect(bad.range).toEqual({ file: 'fabric.yaml', line: 11, col: 30 });
  });

  it('pattern: metadata.name must be a DNS-1123 label', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'name: frontend', 'name: Front_End'));
    const [bad] = withCode(result, 'DIET-S008');
    expect(bad.summary).toBe("'name': 'Front_End' is not valid");
    expect(bad.hint).toMatch(/DNS-1123 label of at most 50 characters/);
    expect(bad.range).toEqual({ file: 'fabric.yaml', line: 4, col: 9 });
  });

  it('size limit on strings', () => {
    const longId = 'x'.repeat(101);
    const result = validateTexts(withEdit('fabric.yaml', '- id: spine', `- id: ${longId}`));
    expect(withCode(result, 'DIET-S009')[0].summary).toBe("'id' is longer than 100 characters");
  });

  it('apiVersion and kind are checked by the envelope', () => {
    const badVersion = validateTexts(withEdit('oob.yaml', 'diet.githedgehog.com/v1alpha1', 'diet.githedgehog.com/v2'));
    expect(withCode(badVersion, 'DIET-S001')[0]).toMatchObject({ range: { file: 'oob.yaml', line: 1, col: 13 } });
    const badKind = validateTexts(withEdit('oob.yaml', 'kind: Fabric', 'kind: Fabrik'));
    expect(withCode(badKind, 'DIET-S002')[0]).toMatchObject({ summary: "unknown kind 'Fabrik'", hint: "did you mean 'Fabric'?" });
  });

  it('a document that is not a mapping is a type error of the document', () => {
    const result = validateTexts({ ...BASE_FILES, 'list.yaml': '- a\n- b\n' });
    expect(withCode(result, 'DIET-S005')[0]).toMatchObject({ summary: 'document: expected mapping, got list', range: { file: 'list.yaml', line: 1, col: 1 } });
  });

  it('a bare number is accepted as a zone port spec', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'ports: "1-64"', 'ports: 64'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.switchClasses[1].zones[0]).toMatchObject({ portSpec: '64', ports: [64] });
  });

  it('stops before the rules when the structure is broken', () => {
    // A dangling zone reference would be DIET-R123, but the schema error comes first.
    let files = withEdit('cluster.yaml', 'target: leaf/down', 'target: leaf/nowhere');
    files = withEdit('fabric.yaml', 'role: spine', 'role: spline', files);
    const result = validateTexts(files);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIET-S006']);
  });

  it('reports every schema error of a document at once', () => {
    let files = withEdit('cluster.yaml', 'quantity: 4', 'quantity: -4');
    files = withEdit('cluster.yaml', 'speed: 1,', 'speed: fast,', files);
    const codes = validateTexts(files).diagnostics.map((d) => d.code);
    expect(codes).toEqual(['DIET-S007', 'DIET-S005']);
  });
});
