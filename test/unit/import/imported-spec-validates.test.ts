import { describe, expect, it } from 'vitest';
import { renderSpecYaml } from '../../../src/import/hnp/render-spec-yaml.js';
import { parseSpecText } from '../../../src/spec/parse-spec-text.js';
import { validateSpec } from '../../../src/validate/validate-spec.js';
import { convertFixture, FIXTURES } from './hnp-fixtures.js';

/** The rendered import goes through the same loader and validator as a hand-written spec. */
function validateImported(path: string) {
  const { documents } = convertFixture(path);
  return validateSpec(parseSpecText(renderSpecYaml(documents), 'imported.yaml'));
}

describe('an imported plan is a valid diet spec', () => {
  it.each([
    ['v1', FIXTURES.canonicalV1],
    ['v2', FIXTURES.canonicalV2],
  ])('canonical case (%s) validates with no errors into the expected model', (_format, path) => {
    const { model, diagnostics } = validateImported(path);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // The only warning is the reference case's deliberate overlap on be-rail-leaf port 33.
    expect(diagnostics.filter((d) => d.severity === 'warning').map((d) => d.summary)).toEqual([
      "zone 'backend-uplinks' of switch class 'be-rail-leaf' shares port 33 with zone 'be-leaf-downlinks'",
    ]);
    expect(model?.name).toBe('ux-case-128gpu-odd-ports');
    expect(model?.fabrics.map((f) => [f.name, f.class])).toEqual([
      ['frontend', 'managed'],
      ['backend', 'managed'],
      ['oob-mgmt', 'unmanaged'],
    ]);
    expect(model?.switchClasses).toHaveLength(7);
    expect(model?.serverClasses).toHaveLength(9);
    expect(model?.serverClasses.flatMap((s) => s.connections)).toHaveLength(26);
    const spine = model?.switchClasses.find((c) => c.id === 'fe-spine');
    expect(spine?.overrideQuantity).toBe(4);
    const border = model?.switchClasses.find((c) => c.id === 'fe-border-leaf');
    expect(border?.uplinkPortsPerSwitch).toBe(0);
    expect(border?.zones.find((z) => z.name === 'fe-border-uplinks')?.peer).toEqual({
      switchClass: 'fe-spine',
      zone: 'fe-spine-100G-downlinks',
    });
    expect(model?.catalog.switchTypes.get('es1000-48')?.nativeSpeed).toBe(1);
  });

  it('small lab case validates with no errors or warnings', () => {
    const { model, diagnostics } = validateImported(FIXTURES.labV1);
    expect(diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(model?.switchClasses.find((c) => c.id === 'lab-leaf')?.redundancy).toEqual({ type: 'mclag', group: 'mclag-lab-leaf' });
  });
});
