import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load-spec.js';
import { validateSpec } from '../../../src/validate/validate-spec.js';

const EXAMPLE = new URL('../../../examples/128gpu', import.meta.url).pathname;

describe('examples/128gpu', async () => {
  const loaded = await loadSpec([EXAMPLE]);
  const result = validateSpec(loaded);
  const model = result.model!;

  it('validates with no errors; the only finding is the known port-33 overlap warning', () => {
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'DIET-R204',
        summary: "zone 'backend-uplinks' of switch class 'be-rail-leaf' shares port 33 with zone 'be-leaf-downlinks'",
        range: { file: `${EXAMPLE}/backend.yaml`, line: 15, col: 56 },
      }),
    ]);
    expect(model).toBeDefined();
  });

  it('has the expected classes and connection count', () => {
    expect(model.name).toBe('ux-case-128gpu');
    expect(model.switchClasses).toHaveLength(7);
    expect(model.serverClasses).toHaveLength(9);
    expect(model.serverClasses.reduce((n, c) => n + c.connections.length, 0)).toBe(26);
    expect(model.serverClasses.flatMap((c) => c.connections).filter((c) => c.portType === 'ipmi')).toHaveLength(9);
    expect(model.serverClasses.reduce((n, c) => n + c.quantity, 0)).toBe(155);
  });

  it('keeps fabric facts on every switch class', () => {
    const byId = new Map(model.switchClasses.map((c) => [c.id, c]));
    expect(byId.get('fe-spine')).toMatchObject({ overrideQuantity: 4, role: 'spine', uplinkPortsPerSwitch: 0, fabric: 'frontend' });
    expect(byId.get('oob-mgmt-leaf')).toMatchObject({ fabric: 'oob-mgmt', fabricClass: 'unmanaged', uplinkPortsPerSwitch: 2 });
    expect(byId.get('be-rail-leaf')).toMatchObject({ fabric: 'backend', fabricClass: 'managed', topology: 'spine-leaf' });
    expect(byId.get('fe-gpu-leaf')?.overrideQuantity).toBeUndefined();
    expect(model.fabrics.map((f) => [f.name, f.class])).toEqual([
      ['backend', 'managed'],
      ['frontend', 'managed'],
      ['oob-mgmt', 'unmanaged'],
    ]);
  });

  it('parses zones and resolves peers', () => {
    const border = model.switchClasses.find((c) => c.id === 'fe-border-leaf')!;
    const uplinks = border.zones.find((z) => z.name === 'fe-border-uplinks')!;
    expect(uplinks).toMatchObject({ type: 'uplink', portSpec: '17-32', breakout: '1x100g', priority: 200, strategy: 'sequential' });
    expect(uplinks.ports).toEqual(Array.from({ length: 16 }, (_, i) => 17 + i));
    expect(uplinks.peer).toEqual({ switchClass: 'fe-spine', zone: 'fe-spine-100G-downlinks' });
    const gpuDown = model.switchClasses.find((c) => c.id === 'fe-gpu-leaf')!.zones[0];
    expect(gpuDown.ports).toHaveLength(32);
    expect(gpuDown.ports.every((p) => p % 2 === 1)).toBe(true);
  });

  it('expands the anchored NIC and connection lists into each class', () => {
    const classes = ['host-lfm-ctrl', 'hh-fe-ctrl', 'hh-be-ctrl'].map((id) => model.serverClasses.find((c) => c.id === id)!);
    for (const serverClass of classes) {
      expect(serverClass.nics.map((n) => [n.id, n.type])).toEqual([
        ['fe', 'connectx-7-dual-100g'],
        ['bmc', 'bmc-management-port'],
      ]);
      expect(serverClass.connections.map((c) => c.id)).toEqual(['fe-border', 'bmc']);
    }
    const exo = model.serverClasses.find((c) => c.id === 'exo-kube')!;
    expect(exo.connections[0]).toMatchObject({
      target: { switchClass: 'fe-border-leaf', zone: 'fe-border-100g-downlinks' },
      portIndex: 0,
      type: 'unbundled',
      distribution: 'alternating',
      portType: 'data',
    });
    // Aliased content is located at the alias: exo-kube's `connections: *border-100g`.
    expect(exo.connections[0].origin).toEqual({ file: `${EXAMPLE}/cluster.yaml`, line: 117, col: 20 });
  });

  it('applies defaults and records origins', () => {
    expect(model.site).toEqual({ name: 'Hedgehog', slug: 'hedgehog' });
    expect(model.options).toEqual({ alternatingPlacement: 'reference', railCapacity: 'first-server-zone', spineRounding: 'reference', zoneOverlap: 'warning' });
    const storage = model.serverClasses.find((c) => c.id === 'storage')!;
    expect(storage.gpusPerServer).toBe(0);
    expect(storage.origin).toEqual({ file: `${EXAMPLE}/cluster.yaml`, line: 52, col: 7 });
    const rail3 = model.serverClasses.find((c) => c.id === 'gpu-with-backend')!.connections.find((c) => c.id === 'be-rail-3')!;
    expect(rail3).toMatchObject({ rail: 3, distribution: 'rail-optimized', speed: 400, nic: 'be-rail-3' });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(validateSpec(loaded))).toBe(JSON.stringify(result));
  });
});
