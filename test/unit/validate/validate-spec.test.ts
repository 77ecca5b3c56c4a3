import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/catalog/builtin-catalog.js';
import { extendCatalog } from '../../../src/catalog/extend-catalog.js';
import { compareDiagnostics } from '../../../src/validate/sort-diagnostics.js';
import { BASE_FILES, loadTexts, validateTexts, withEdit } from './spec-fixture.js';
import { validateSpec } from '../../../src/validate/validate-spec.js';

describe('validateSpec', () => {
  it('passes loader diagnostics through and gives no model for malformed YAML', () => {
    const result = validateTexts({ ...BASE_FILES, 'broken.yaml': 'kind: Fabric\nkind: Cluster\n' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'DIET-Y002', severity: 'error', range: { file: 'broken.yaml', line: 2, col: 1 } }),
    ]);
    expect(result.model).toBeUndefined();
  });

  it('skips the rules when a file has broken YAML, so its classes are not reported missing', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'role: spine\n', 'role: spine\n      role: spine\n'));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIET-Y002']);
  });

  it('gives a model when there are only warnings', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'portType: data}', 'portType: data, rail: 1}'));
    expect(result.diagnostics.map((d) => d.severity)).toEqual(['warning']);
    expect(result.model).toBeDefined();
  });

  it('sorts findings by file, line, column, code — whatever the rule order', () => {
    let files = withEdit('oob.yaml', 'celestica-es1000', 'no-such-switch');
    files = withEdit('cluster.yaml', 'target: leaf/down', 'target: leaf/nowhere', files);
    files = withEdit('cluster.yaml', 'deviceType: gpu-server-fe', 'deviceType: nope', files);
    files = withEdit('fabric.yaml', 'ports: "1-31:2"', 'ports: "1-31:0"', files);
    const result = validateTexts(files);
    expect(result.diagnostics.map((d) => `${d.range?.file}:${d.range?.line} ${d.code}`)).toEqual([
      'cluster.yaml:9 DIET-R121',
      'cluster.yaml:14 DIET-R123',
      'fabric.yaml:11 DIET-R201',
      'oob.yaml:8 DIET-R120',
    ]);
    const sorted = [...result.diagnostics].sort(compareDiagnostics);
    expect(sorted).toEqual(result.diagnostics);
  });

  it('puts findings without a location first', () => {
    const { 'cluster.yaml': _c, ...files } = BASE_FILES;
    const result = validateTexts(withEdit('fabric.yaml', 'ports: "1-31:2"', 'ports: "x"', files));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIET-R101', 'DIET-R201']);
  });

  it('extends a caller-supplied base catalog instead of the built-in one', () => {
    const base = extendCatalog(builtinCatalog(), {
      serverTypes: [{ slug: 'lab-box', manufacturer: 'Lab', model: 'Box', uHeight: 1 }],
    });
    const files = withEdit('cluster.yaml', 'deviceType: gpu-server-fe', 'deviceType: lab-box');
    expect(validateTexts(files).diagnostics.map((d) => d.code)).toEqual(['DIET-R121']);
    const result = validateSpec(loadTexts(files), { catalog: base });
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.catalog.serverTypes.get('lab-box')?.manufacturer).toBe('Lab');
  });

  it('does not throw on an empty spec set', () => {
    const result = validateSpec({ documents: [], diagnostics: [] });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIET-R101', 'DIET-R102']);
  });
});
