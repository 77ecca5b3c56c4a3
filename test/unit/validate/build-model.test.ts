import { describe, expect, it } from 'vitest';
import { BASE_FILES, validateTexts, withEdit } from './spec-fixture.js';

describe('FabricModel defaults', () => {
  const model = validateTexts(BASE_FILES).model!;

  it('cluster: name, default site, empty naming, reference planner options', () => {
    expect(model.name).toBe('lab');
    expect(model.site).toEqual({ name: 'Hedgehog', slug: 'hedgehog' });
    expect(model.naming).toEqual({});
    expect(model.options).toEqual({ alternatingPlacement: 'reference', railCapacity: 'first-server-zone', spineRounding: 'reference', zoneOverlap: 'warning' });
    expect(model.origin).toEqual({ file: 'cluster.yaml', line: 4, col: 9 });
    expect(model).not.toHaveProperty('description');
  });

  it('fabric class comes from the name when absent; topology defaults to spine-leaf', () => {
    expect(model.fabrics).toEqual([
      { name: 'frontend', class: 'managed', topology: 'spine-leaf', origin: { file: 'fabric.yaml', line: 4, col: 9 } },
      { name: 'oob-mgmt', class: 'unmanaged', topology: 'spine-leaf', origin: { file: 'oob.yaml', line: 4, col: 9 } },
    ]);
    const renamed = validateTexts(withEdit('fabric.yaml', 'name: frontend', 'name: backend')).model!;
    expect(renamed.fabrics[0].class).toBe('managed');
    const custom = validateTexts(withEdit('fabric.yaml', 'name: frontend', 'name: converged')).model!;
    expect(custom.fabrics[0].class).toBe('unmanaged');
    expect(custom.switchClasses[0].fabricClass).toBe('unmanaged');
    const explicit = validateTexts(withEdit('oob.yaml', 'spec:\n', 'spec:\n  class: managed\n')).model!;
    expect(explicit.fabrics[1].class).toBe('managed');
  });

  it('switch class and zone defaults', () => {
    const oob = model.switchClasses[2];
    expect(oob).toEqual({
      id: 'oob',
      fabric: 'oob-mgmt',
      fabricClass: 'unmanaged',
      topology: 'spine-leaf',
      role: '',
      deviceType: 'celestica-es1000',
      groups: [],
      mclagPair: false,
      zones: [
        {
          name: 'oob-down',
          type: 'oob',
          portSpec: '1-48',
          ports: Array.from({ length: 48 }, (_, i) => i + 1),
          breakout: '1x1g',
          strategy: 'sequential',
          priority: 100,
          origin: { file: 'oob.yaml', line: 10, col: 11 },
        },
      ],
      origin: { file: 'oob.yaml', line: 7, col: 7 },
    });
  });

  it('server class and connection defaults', () => {
    const gpu = model.serverClasses[0];
    expect(gpu).toMatchObject({ id: 'gpu', category: '', gpusPerServer: 0, quantity: 4, deviceType: 'gpu-server-fe' });
    expect(gpu.nics.map((n) => n.id)).toEqual(['fe', 'bmc']);
    expect(gpu.connections[0]).toEqual({
      id: 'fe',
      nic: 'fe',
      portIndex: 0,
      ports: 2,
      speed: 200,
      distribution: 'alternating',
      type: 'unbundled',
      target: { switchClass: 'leaf', zone: 'down' },
      portType: 'data',
      origin: { file: 'cluster.yaml', line: 14, col: 11 },
    });
  });

  it('absent distribution and portType become blank', () => {
    const files = withEdit('cluster.yaml', 'distribution: same-switch, target: oob/oob-down, portType: ipmi', 'target: oob/oob-down, portType: ipmi');
    const connection = validateTexts(files).model!.serverClasses[0].connections[1];
    expect(connection.distribution).toBe('');
  });

  it('explicit values win over defaults', () => {
    let files = withEdit('cluster.yaml', 'spec:\n', 'spec:\n  description: lab cluster\n  site: {name: Lab, slug: lab}\n  naming: {server: "{class}-{index:03d}"}\n  planner: {alternatingPlacement: spread}\n');
    files = withEdit('fabric.yaml', '{name: up, type: uplink, ports: "2-32:2", breakout: 1x800g}', '{name: up, type: uplink, ports: "2-32:2", breakout: 1X800G, strategy: interleaved, priority: 5}', files);
    const result = validateTexts(files);
    expect(result.diagnostics).toEqual([]);
    const explicit = result.model!;
    expect(explicit).toMatchObject({ description: 'lab cluster', site: { name: 'Lab', slug: 'lab' }, naming: { server: '{class}-{index:03d}' } });
    expect(explicit.options.alternatingPlacement).toBe('spread');
    expect(explicit.options.zoneOverlap).toBe('warning');
    expect(explicit.switchClasses[0].zones[1]).toMatchObject({ strategy: 'interleaved', priority: 5, breakout: '1x800g' });
  });
});
