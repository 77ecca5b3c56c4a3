import { describe, expect, it } from 'vitest';
import { validateTexts, withCode, withEdit } from './spec-fixture.js';

const adopt = (yaml: string) => validateTexts(withEdit('cluster.yaml', 'spec:\n', `spec:\n  adopt:\n    netbox:\n${yaml}`));

describe('Cluster.spec.adopt', () => {
  it('builds the model: lists and `all` per kind, with where each kind was written', () => {
    const { model } = adopt('      devices: [gpu-001, gpu-002]\n      deviceTypes: all\n');
    expect(model!.adopt).toEqual({
      kinds: { devices: ['gpu-001', 'gpu-002'], deviceTypes: 'all' },
      origins: { devices: { file: 'cluster.yaml', line: 8, col: 16 }, deviceTypes: { file: 'cluster.yaml', line: 9, col: 20 } },
    });
  });

  it('is absent from the model when the spec adopts nothing', () => {
    expect(validateTexts(withEdit('cluster.yaml', 'spec:\n', 'spec:\n')).model).not.toHaveProperty('adopt');
  });

  it('refuses values other than `all` or a list of names, with one diagnostic each', () => {
    expect(withCode(adopt('      devices: everything\n'), 'DIET-S008').map((d) => `${d.summary} / ${d.hint}`)).toEqual(["'devices': 'everything' is not valid / expected all, or a list of device names"]);
    expect(withCode(adopt('      devices: 5\n'), 'DIET-S005').map((d) => d.summary)).toEqual(["'devices': expected list or string, got integer"]);
    expect(withCode(adopt('      devices: [a, a]\n'), 'DIET-S010').map((d) => d.summary)).toEqual(["'devices' lists 'a' twice"]);
    expect(withCode(adopt('      devices: []\n'), 'DIET-S009').map((d) => d.summary)).toEqual(["'devices' needs at least 1 item(s)"]);
    expect(withCode(adopt('      racks: [r1]\n'), 'DIET-S003').map((d) => d.summary)).toEqual(["unknown field 'racks' in NetBox objects to adopt"]);
    expect(withCode(validateTexts(withEdit('cluster.yaml', 'spec:\n', 'spec:\n  adopt:\n    netbox: {}\n')), 'DIET-S009').map((d) => d.summary)).toEqual(['NetBox objects to adopt needs at least 1 field(s)']);
    for (const bad of ['      devices: everything\n', '      devices: 5\n', '      devices: [a, a]\n']) expect(adopt(bad).diagnostics).toHaveLength(1);
  });
});
