import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { IMPORT_CODES } from '../../../src/import/hnp/import-codes.js';
import type { SpecDocument } from '../../../src/import/hnp/spec-document.js';
import {
  catalogOf,
  clusterOf,
  codesOf,
  convertFixture,
  fabricsOf,
  FIXTURES,
  readRepoFile,
  switchClass,
} from './hnp-fixtures.js';

const v1 = convertFixture(FIXTURES.canonicalV1);
const v2 = convertFixture(FIXTURES.canonicalV2);

describe.each([
  ['v1', v1],
  ['v2', v2],
])('canonical 128-GPU case, format %s', (format, result) => {
  it('is detected and converts without errors or warnings', () => {
    expect(result.format).toBe(format);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has 7 switch classes in the frontend, backend and oob-mgmt fabrics', () => {
    const fabrics = fabricsOf(result.documents);
    expect(fabrics.map((f) => [f.metadata.name, f.spec.class, f.spec.topology])).toEqual([
      ['frontend', 'managed', 'spine-leaf'],
      ['backend', 'managed', 'spine-leaf'],
      ['oob-mgmt', 'unmanaged', 'spine-leaf'],
    ]);
    expect(fabrics.map((f) => f.spec.switchClasses.map((c) => c.id))).toEqual([
      ['fe-gpu-leaf', 'fe-storage-leaf', 'fe-border-leaf', 'fe-spine'],
      ['be-rail-leaf', 'be-spine'],
      ['oob-mgmt-leaf'],
    ]);
  });

  it('has 9 server classes, 155 servers and 26 connections, 9 of them IPMI', () => {
    const classes = clusterOf(result.documents).spec.serverClasses;
    expect(classes).toHaveLength(9);
    expect(classes.reduce((n, c) => n + c.quantity, 0)).toBe(155);
    const connections = classes.flatMap((c) => c.connections ?? []);
    expect(connections).toHaveLength(26);
    expect(connections.filter((c) => c.portType === 'ipmi')).toHaveLength(9);
  });

  it('keeps the fe-spine override, the standalone border leaf and its peer zone', () => {
    expect(switchClass(result.documents, 'fe-spine')).toMatchObject({ role: 'spine', quantity: 4, uplinksPerSwitch: 0 });
    const border = switchClass(result.documents, 'fe-border-leaf');
    expect(border.uplinksPerSwitch).toBe(0);
    expect(border.quantity).toBeUndefined();
    expect(border.zones?.find((z) => z.name === 'fe-border-uplinks')).toMatchObject({
      type: 'uplink',
      ports: '17-32',
      breakout: '1x100g',
      priority: 200,
      peer: 'fe-spine/fe-spine-100G-downlinks',
    });
    expect(switchClass(result.documents, 'oob-mgmt-leaf').zones?.[1].peer).toBe('fe-border-leaf/fe-border-25g-shared');
  });

  it('names the cluster with a DNS-1123 label made from the case id', () => {
    expect(clusterOf(result.documents).metadata.name).toBe('ux-case-128gpu-odd-ports');
  });
});

/** The parts of a spec that decide the plan, without names, optics and descriptions. */
function planShape(docs: readonly SpecDocument[]) {
  const strip = <T extends object>(o: T, keys: string[]) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
  return {
    fabrics: fabricsOf(docs).map((f) => ({
      name: f.metadata.name,
      class: f.spec.class,
      switchClasses: f.spec.switchClasses.map((c) => ({
        ...strip(c, ['zones', 'deviceType']),
        zones: (c.zones ?? []).map((z) => strip(z, ['transceiver'])),
      })),
    })),
    serverClasses: clusterOf(docs).spec.serverClasses.map((s) => ({
      ...strip(s, ['description', 'nics', 'connections']),
      nics: (s.nics ?? []).map((n) => strip(n, ['description'])),
      connections: (s.connections ?? []).map((c) => strip(c, ['name', 'transceiver'])),
    })),
  };
}

describe('canonical case across formats', () => {
  it('v1 and v2 describe the same plan', () => {
    expect(planShape(v2.documents)).toEqual(planShape(v1.documents));
  });

  it('matches the hand-written examples/128gpu spec', () => {
    const files = ['cluster', 'frontend', 'backend', 'oob-mgmt'];
    const example = files.flatMap((f) =>
      parseAllDocuments(readRepoFile(`examples/128gpu/${f}.yaml`)).map((d) => d.toJS() as SpecDocument),
    );
    expect(planShape(v1.documents)).toEqual(planShape(example));
    // Switch types agree except for the management switch, which the plugin calls es1000-48.
    const types = (docs: readonly SpecDocument[]) =>
      fabricsOf(docs).flatMap((f) => f.spec.switchClasses.map((c) => `${c.id}=${c.deviceType}`));
    expect(types(v1.documents).filter((t) => !t.startsWith('oob-'))).toEqual(types(example).filter((t) => !t.startsWith('oob-')));
  });
});

describe('v1 reference data → Catalog', () => {
  const catalog = catalogOf(v1.documents)?.spec;

  it('maps breakouts, switch types with extensions, server types and NIC types', () => {
    expect(catalog?.breakouts?.map((b) => b.id)).toEqual(['1x1g', '1x25g', '1x100g', '4x25g', '1x800g', '2x400g', '4x200g', '8x100g']);
    expect(catalog?.breakouts?.find((b) => b.id === '8x100g')).toEqual({ id: '8x100g', fromSpeed: 800, logicalPorts: 8, logicalSpeed: 100 });
    expect(catalog?.switchTypes?.map((t) => t.slug)).toEqual(['celestica-ds5000', 'celestica-ds3000', 'es1000-48']);
    expect(catalog?.serverTypes?.map((t) => t.slug)).toEqual(['gpu-server-fe', 'gpu-server-fe-be', 'storage-server-200g', 'generic-server']);
    expect(catalog?.nicTypes?.map((t) => t.slug)).toEqual([
      'bluefield-3-bf3220', 'connectx-7-single-port', 'bmc-management-port', 'aiom-dual-25g',
      'connectx-7-dual-100g', 'connectx-7-dual-200g', 'generic-dual-100g',
    ]);
  });

  it('carries the Hedgehog metadata of each extension', () => {
    const ds5000 = catalog?.switchTypes?.[0];
    expect(ds5000).toMatchObject({
      manufacturer: 'Celestica', model: 'DS5000', hedgehogProfile: 'celestica-ds5000', nativeSpeed: 800,
      supportedBreakouts: ['1x800g', '2x400g', '4x200g', '8x100g'], mclagCapable: false, roles: ['spine', 'server-leaf'],
    });
    expect(ds5000?.interfaces).toHaveLength(64);
    const es1000 = catalog?.switchTypes?.[2];
    expect(es1000?.hedgehogProfile).toBeUndefined();
    expect(es1000?.nativeSpeed).toBe(1);
    expect(es1000?.interfaces?.slice(47, 49)).toEqual([{ name: 'E1/48', type: '1000base-t' }, { name: 'E1/49', type: '25gbase-x-sfp28' }]);
    expect(catalog?.nicTypes?.[0].ports.map((p) => p.name)).toEqual(['p0', 'p1']);
  });

  it('drops transceivers from the catalog but keeps their model on zones and connections', () => {
    expect(codesOf(v1, 'info')).toContain(IMPORT_CODES.transceiverDropped);
    expect(switchClass(v1.documents, 'fe-border-leaf').zones?.[1].transceiver).toBe('QSFP28-4xSFP28-DAC');
    const rail = clusterOf(v1.documents).spec.serverClasses[1].connections?.find((c) => c.id === 'be-rail-3');
    expect(rail).toEqual({
      id: 'be-rail-3', name: 'backend rail 3', nic: 'be-rail-3', ports: 1, speed: 400, distribution: 'rail-optimized',
      rail: 3, target: 'be-rail-leaf/be-leaf-downlinks', portType: 'data', transceiver: 'OSFP-400G-SR4',
    });
  });

  it('reports the plugin-only keys it drops, once per key', () => {
    const dropped = v1.diagnostics.filter((d) => d.code === IMPORT_CODES.droppedKey).map((d) => d.summary);
    expect(dropped.some((s) => s.startsWith('`reference_data.breakout_options[].optic_type` not imported (2 entries)'))).toBe(true);
    expect(dropped.some((s) => s.startsWith('`expected`'))).toBe(true);
    expect(dropped.some((s) => s.startsWith('`contract`'))).toBe(true);
  });
});

describe('v2 references', () => {
  it('turns test_fixtures into a Catalog and maps NIC module types to built-in slugs', () => {
    const catalog = catalogOf(v2.documents)?.spec;
    expect(catalog?.switchTypes?.map((t) => t.slug)).toEqual(['es1000-48']);
    expect(catalog?.switchTypes?.[0].interfaces).toHaveLength(52);
    const gpu = clusterOf(v2.documents).spec.serverClasses[1];
    expect(gpu.nics?.map((n) => n.type)).toEqual(['bluefield-3-bf3220', 'bmc-management-port', ...Array(8).fill('connectx-7-single-port')]);
    expect(codesOf(v2, 'info')).toContain(IMPORT_CODES.mappedToBuiltin);
  });

  it("says what the plugin's v2 ingest would have ignored", () => {
    const note = v2.diagnostics.find((d) => d.code === IMPORT_CODES.ingestDifference);
    expect(note?.summary).toContain('server_connections');
    expect(note?.summary).toContain('peer_zone');
  });
});

describe('small lab case with legacy spellings', () => {
  const lab = convertFixture(FIXTURES.labV1);

  it('converts without errors or warnings', () => {
    expect(lab.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it("applies the plugin's legacy rules explicitly", () => {
    expect(fabricsOf(lab.documents).map((f) => [f.metadata.name, f.spec.class])).toEqual([['frontend', 'managed'], ['oob-mgmt', 'unmanaged']]);
    expect(switchClass(lab.documents, 'lab-leaf')).toMatchObject({
      quantity: 2, uplinksPerSwitch: 0, mclagPair: true, groups: ['lab-rack-1'],
      redundancy: { type: 'mclag', group: 'mclag-lab-leaf' },
    });
    expect(switchClass(lab.documents, 'lab-leaf').zones?.[0]).toEqual({
      name: 'servers', type: 'server', ports: '1-4', breakout: '4x25g', strategy: 'custom', order: [4, 3, 2, 1],
    });
    expect(catalogOf(lab.documents)?.spec.breakouts?.[0]).toEqual({ id: '1x100g', fromSpeed: 100, logicalPorts: 1, logicalSpeed: 100 });
    expect(catalogOf(lab.documents)?.spec.switchTypes?.[1].slug).toBe('mgmt-switch-24');
    expect(clusterOf(lab.documents).spec.serverClasses[0].connections?.[0]).toMatchObject({ type: 'mclag', distribution: 'alternating' });
  });

  it('reports the removed connection keys it drops', () => {
    const summaries = lab.diagnostics.filter((d) => d.code === IMPORT_CODES.droppedKey).map((d) => d.summary);
    expect(summaries.filter((s) => /server_connections\[\]\.(cage_type|medium)/.test(s))).toHaveLength(2);
    expect(codesOf(lab, 'info')).toContain(IMPORT_CODES.ingestDifference);
  });
});
