import { describe, expect, it } from 'vitest';
import { validateTexts, withCode, withEdit } from './spec-fixture.js';

const SPINE_ZONE = '{name: fabric, type: fabric, ports: "1-64", breakout: 1x800g}';
const spineZones = (...zones: string[]) => withEdit('fabric.yaml', SPINE_ZONE, zones.join('\n        - '));

describe('port specs', () => {
  it('a bad port spec is located at the ports value', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'ports: "1-31:2"', 'ports: "1-2000"'));
    expect(withCode(result, 'DIET-R201')).toEqual([
      expect.objectContaining({
        severity: 'error',
        summary: "zone 'down' of switch class 'leaf': ports '1-2000': port 2000 exceeds maximum port number (1024)",
        range: { file: 'fabric.yaml', line: 11, col: 45 },
      }),
    ]);
    expect(result.model).toBeUndefined();
  });

  it.each(['1-16:0', '5:2', '1--3', '0-4'])('%s is rejected', (spec) => {
    const result = validateTexts(withEdit('fabric.yaml', 'ports: "1-31:2"', `ports: "${spec}"`));
    expect(withCode(result, 'DIET-R201')).toHaveLength(1);
  });
});

describe('ports on the device', () => {
  it('profile switches: ports beyond the profile', () => {
    const result = validateTexts(spineZones('{name: fabric, type: fabric, ports: "1-70", breakout: 1x800g}'));
    const [missing] = withCode(result, 'DIET-R202');
    expect(missing.summary).toBe("zone 'fabric' of switch class 'spine': ports 67-70 not on celestica-ds5000");
    expect(missing.hint).toBe('celestica-ds5000 has data ports 1-66');
    expect(missing.range).toEqual({ file: 'fabric.yaml', line: 17, col: 47 });
  });

  it('the management-switch ports come from the catalog too', () => {
    const result = validateTexts(withEdit('oob.yaml', 'ports: "1-48"', 'ports: "1-53"'));
    expect(withCode(result, 'DIET-R202')[0].summary).toBe("zone 'oob-down' of switch class 'oob': port 53 not on celestica-es1000");
  });
});

describe('breakout support', () => {
  it('a breakout port must list the mode (case-insensitively)', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'breakout: 4x200g', 'breakout: 4x25g'));
    const [unsupported] = withCode(result, 'DIET-R203');
    expect(unsupported.summary).toBe("zone 'down' of switch class 'leaf': breakout 4x25g is not supported on ports 1-31:2 of celestica-ds5000");
    expect(unsupported.hint).toMatch(/^port 1 \(OSFP-800G\) supports .*4x200G/);
    expect(unsupported.range).toEqual({ file: 'fabric.yaml', line: 11, col: 65 });
  });

  it('speed ports take only one-lane breakouts at a supported speed', () => {
    const bad = validateTexts(spineZones(SPINE_ZONE.replace('"1-64"', '"1-63"'), '{name: mgmt, type: server, ports: "65-66", breakout: 1x100g}'));
    expect(withCode(bad, 'DIET-R203')[0].summary).toBe("zone 'mgmt' of switch class 'spine': breakout 1x100g is not supported on ports 65-66 of celestica-ds5000");
    const good = validateTexts(spineZones(SPINE_ZONE.replace('"1-64"', '"1-63"'), '{name: mgmt, type: server, ports: "65-66", breakout: 1x10g}'));
    expect(good.diagnostics).toEqual([]);
  });

  it('the 128-GPU breakouts are all supported', () => {
    const result = validateTexts(spineZones('{name: a, type: fabric, ports: "1-62", breakout: 1x800g}', '{name: b, type: server, ports: "63", breakout: 2x400g}', '{name: c, type: server, ports: "64", breakout: 8x100g}'));
    expect(result.diagnostics).toEqual([]);
  });
});

describe('zone overlaps', () => {
  const overlapping = spineZones('{name: a, type: fabric, ports: "1-40"}', '{name: b, type: server, ports: "33-64", breakout: 8x100g}');

  it('are a warning by default', () => {
    const result = validateTexts(overlapping);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'DIET-R204',
        summary: "zone 'b' of switch class 'spine' shares ports 33-40 with zone 'a'",
        range: { file: 'fabric.yaml', line: 18, col: 42 },
      }),
    ]);
    expect(result.model).toBeDefined();
  });

  it('are an error with planner.zoneOverlap: error', () => {
    const files = withEdit('cluster.yaml', 'spec:\n', 'spec:\n  planner: {zoneOverlap: error}\n', overlapping);
    const result = validateTexts(files);
    expect(withCode(result, 'DIET-R204')[0].severity).toBe('error');
    expect(result.model).toBeUndefined();
  });
});

describe('custom strategy', () => {
  const customZone = (order: string) => spineZones(`{name: fabric, type: fabric, ports: "1-4", strategy: custom${order}}`);

  it('requires an order', () => {
    const result = validateTexts(customZone(''));
    expect(withCode(result, 'DIET-R205')[0].summary).toBe("zone 'fabric' of switch class 'spine': custom strategy requires an order");
  });

  it.each([
    [', order: [4, 3, 2]', 'order must match port count: the zone has 4 ports, order lists 3'],
    [', order: [4, 3, 3, 1]', 'order cannot contain duplicates: port 3 repeated'],
    [', order: [4, 3, 2, 5]', 'order must match port set: port 5 not in the zone; port 1 missing'],
  ])('order%s is not a permutation', (order, message) => {
    const [problem] = withCode(validateTexts(customZone(order)), 'DIET-R205');
    expect(problem.summary).toBe(`zone 'fabric' of switch class 'spine': ${message}`);
    expect(problem.range).toEqual({ file: 'fabric.yaml', line: 17, col: 79 });
  });

  it('accepts a permutation, which the model keeps', () => {
    const result = validateTexts(customZone(', order: [4, 2, 3, 1]'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.switchClasses[1].zones[0]).toMatchObject({ strategy: 'custom', order: [4, 2, 3, 1], ports: [1, 2, 3, 4] });
  });

  it('warns when an order is given without the custom strategy', () => {
    const result = validateTexts(spineZones('{name: fabric, type: fabric, ports: "1-2", order: [2, 1]}'));
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['DIET-R206', 'warning']]);
  });
});

describe('peer zones', () => {
  it('only uplink and oob zones may have a peer', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'breakout: 4x200g}', 'breakout: 4x200g, peer: spine/fabric}'));
    expect(withCode(result, 'DIET-R207')).toEqual([
      expect.objectContaining({ summary: "zone 'down' of switch class 'leaf' is a server zone and cannot have a peer", range: { file: 'fabric.yaml', line: 11, col: 73 } }),
    ]);
  });

  it('an uplink zone with a peer is fine and resolved in the model', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'breakout: 1x800g}\n    - id: spine', 'breakout: 1x800g, peer: spine/fabric}\n    - id: spine'));
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.switchClasses[0].zones[1].peer).toEqual({ switchClass: 'spine', zone: 'fabric' });
  });
});
