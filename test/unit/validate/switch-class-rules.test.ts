import { describe, expect, it } from 'vitest';
import { BASE_FILES, CLUSTER_YAML, validateTexts, withCode, withEdit } from './spec-fixture.js';

const LEAF = '    - id: leaf\n      role: server-leaf\n      deviceType: celestica-ds5000\n';
const editLeaf = (extra: string, deviceType = 'celestica-ds5000') =>
  withEdit('fabric.yaml', LEAF, `    - id: leaf\n      role: server-leaf\n      deviceType: ${deviceType}\n${extra}`);
const DS3000_ZONES = ['"1-31:2", breakout: 4x200g', '"2-32:2", breakout: 1x800g'];
/** The leaf as a DS3000 (which supports ESLAG and MCLAG) with zones that fit it. */
const ds3000Leaf = (extra: string) => {
  let files = editLeaf(extra, 'celestica-ds3000');
  files = withEdit('fabric.yaml', DS3000_ZONES[0], '"1-16", breakout: 4x25g', files);
  return withEdit('fabric.yaml', DS3000_ZONES[1], '"17-32", breakout: 1x100g', files);
};

describe('mesh topology', () => {
  const mesh = (quantity: string) => {
    let files = withEdit('fabric.yaml', 'spec:\n', 'spec:\n  topology: mesh\n');
    files = withEdit('fabric.yaml', LEAF, `${LEAF}      quantity: ${quantity}\n`, files);
    return files;
  };

  it('quantity 4 is rejected and a spine class is not allowed', () => {
    const result = validateTexts(mesh('4'));
    expect(result.diagnostics.map((d) => [d.code, d.range?.line, d.range?.col])).toEqual([
      ['DIET-R220', 11, 17],
      ['DIET-R221', 16, 13],
    ]);
    expect(withCode(result, 'DIET-R220')[0].summary).toBe("switch class 'leaf': mesh topology requires quantity 2 or 3 (the switches of the mesh), got 4");
  });

  it('quantity 2 or 3 is fine (the spine still is not)', () => {
    expect(validateTexts(mesh('3')).diagnostics.map((d) => d.code)).toEqual(['DIET-R221']);
  });
});

describe('redundancy', () => {
  it('ESLAG on a DS5000 is an error (the profile has no ESLAG)', () => {
    const result = validateTexts(editLeaf('      redundancy: {type: eslag, group: leaf-es}\n'));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'DIET-R222',
        summary: "switch class 'leaf': switch type celestica-ds5000 does not support ESLAG",
        range: { file: 'fabric.yaml', line: 10, col: 26 },
      }),
    ]);
  });

  it('MCLAG on a DS5000 too', () => {
    const result = validateTexts(editLeaf('      redundancy: {type: mclag, group: leaf-mc}\n'));
    expect(withCode(result, 'DIET-R222')[0].summary).toContain('does not support MCLAG');
  });

  it('ESLAG on a DS3000 is fine, and the group joins groups in the model', () => {
    const result = validateTexts(ds3000Leaf('      redundancy: {type: eslag, group: leaf-es}\n      groups: [rack-1]\n'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.switchClasses[0]).toMatchObject({ redundancy: { type: 'eslag', group: 'leaf-es' }, groups: ['rack-1', 'leaf-es'] });
  });

  it.each([
    ['mclag', 3, 'MCLAG requires an even number of switches, got 3'],
    ['mclag', 0, 'MCLAG requires at least 2 switches, got 0'],
    ['eslag', 5, 'ESLAG supports at most 4 switches per group, got 5'],
    ['eslag', 1, 'ESLAG requires at least 2 switches, got 1'],
  ])('%s with quantity %i', (type, quantity, message) => {
    const result = validateTexts(ds3000Leaf(`      quantity: ${quantity}\n      redundancy: {type: ${type}, group: g1}\n`));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'DIET-R223', summary: `switch class 'leaf': ${message}`, range: { file: 'fabric.yaml', line: 10, col: 17 } }),
    ]);
  });

  it.each([[2], [4]])('mclag with quantity %i is fine', (quantity) => {
    expect(validateTexts(ds3000Leaf(`      quantity: ${quantity}\n      redundancy: {type: mclag, group: g1}\n`)).diagnostics).toEqual([]);
  });

  it('group names must be DNS-1123 labels of at most 63 characters', () => {
    const long = 'g'.repeat(64);
    const result = validateTexts(ds3000Leaf(`      redundancy: {type: eslag, group: Leaf_ES}\n      groups: [${long}]\n`));
    expect(withCode(result, 'DIET-R224').map((d) => d.summary)).toEqual([
      "switch class 'leaf': group 'Leaf_ES' is not a DNS-1123 label",
      `switch class 'leaf': group '${long}' is longer than 63 characters`,
    ]);
  });
});

describe('Kubernetes names', () => {
  it('warns when device names of a class id would exceed 63 characters', () => {
    const id = `gpu-${'x'.repeat(56)}`; // 60 characters, + "-001" = 64
    let files = withEdit('cluster.yaml', '- id: gpu', `- id: ${id}`);
    const result = validateTexts(files);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'warning', code: 'DIET-R230', range: { file: 'cluster.yaml', line: 7, col: 11 } }),
    ]);
    expect(result.diagnostics[0].summary).toContain('(64 characters, more than 63)');
    // A switch class id of the same length still fits: "-01" is one character shorter.
    files = withEdit('oob.yaml', '- id: oob', `- id: ${id}`);
    files = withEdit('cluster.yaml', 'target: oob/oob-down', `target: ${id}/oob-down`, files);
    expect(validateTexts(files).diagnostics).toEqual([]);
  });

  it('ids that differ only in case or _ versus - would name the same devices', () => {
    const extra = '    - {id: GPU, quantity: 1, deviceType: generic-server}\n';
    const result = validateTexts({ ...BASE_FILES, 'cluster.yaml': CLUSTER_YAML + extra });
    expect(withCode(result, 'DIET-R231')).toEqual([
      expect.objectContaining({ summary: "server class 'GPU' and 'gpu' (at cluster.yaml:7:11) both name their devices 'gpu-…'", range: { file: 'cluster.yaml', line: 16, col: 12 } }),
    ]);
  });
});
