import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../../src/diag/diagnostic.js';
import { convertHnpCase } from '../../../src/import/hnp/convert-hnp-case.js';
import { IMPORT_CODES } from '../../../src/import/hnp/import-codes.js';
import { clusterOf, switchClass } from './hnp-fixtures.js';

const C = IMPORT_CODES;

/** A minimal valid v1 plan; each test breaks one thing in a copy. */
function v1Plan(): Record<string, any> {
  return {
    meta: { case_id: 'tiny', name: 'Tiny', version: 1, managed_by: 'yaml' },
    reference_data: {
      manufacturers: [{ id: 'm', name: 'Maker' }],
      device_types: [
        { id: 'sw', manufacturer: 'm', model: 'Switch 8', slug: 'switch-8' },
        { id: 'srv', manufacturer: 'm', model: 'Box', slug: 'box' },
      ],
      device_type_extensions: [{ id: 'sw_ext', device_type: 'sw', native_speed: 100 }],
      breakout_options: [{ id: 'b', breakout_id: '1x100g', from_speed: 100, logical_ports: 1, logical_speed: 100 }],
      module_types: [{ id: 'nic', manufacturer: 'm', model: 'NIC 1', interface_templates: [{ name: 'p0' }] }],
    },
    plan: { name: 'Tiny', status: 'draft' },
    switch_classes: [
      { switch_class_id: 'leaf', fabric_name: 'frontend', hedgehog_role: 'server-leaf', device_type_extension: 'sw_ext' },
    ],
    switch_port_zones: [{ switch_class: 'leaf', zone_name: 'down', zone_type: 'server', port_spec: '1-8', breakout_option: 'b' }],
    server_classes: [{ server_class_id: 'srv', quantity: 2, server_device_type: 'srv' }],
    server_nics: [{ server_class: 'srv', nic_id: 'fe', module_type: 'nic' }],
    server_connections: [
      { server_class: 'srv', connection_id: 'fe', nic: 'fe', ports_per_connection: 1, speed: 100, target_zone: 'leaf/down' },
    ],
  };
}

const convert = (plan: unknown) => convertHnpCase(stringify(plan), 'case.yaml');
const find = (result: ReturnType<typeof convert>, code: string) => result.diagnostics.filter((d) => d.code === code);

describe('input that is not a plugin plan', () => {
  it('reports malformed YAML with its position and converts nothing', () => {
    const result = convertHnpCase('meta:\n  case_id: x\nplan: [unclosed\n', 'bad.yaml');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', code: C.yamlSyntax, range: { file: 'bad.yaml' } });
    expect(result.diagnostics[0].range?.line).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['an empty file', ''],
    ['a list', '- a\n- b\n'],
    ['a scalar', 'hello\n'],
    ['an unrelated mapping', 'name: something\nreplicas: 3\n'],
    ['another apiVersion', 'apiVersion: v1\nkind: ConfigMap\n'],
    ['a diet spec', 'apiVersion: diet.githedgehog.com/v1alpha1\nkind: Cluster\nmetadata: {name: x}\nspec: {}\n'],
  ])('rejects %s as neither v1 nor v2', (_what, text) => {
    const result = convertHnpCase(text, 'x.yaml');
    expect(result.documents).toEqual([]);
    expect(result.format).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.severity, d.code])).toEqual([['error', C.notAPlan]]);
  });

  it('converts the first of several YAML documents and warns about the rest', () => {
    const result = convertHnpCase(`${stringify(v1Plan())}---\nother: 1\n`, 'two.yaml');
    expect(find(result, C.extraDocuments)).toHaveLength(1);
    expect(hasErrors(result.diagnostics)).toBe(false);
  });
});

describe('v1 plans with mistakes', () => {
  it('accepts the minimal plan as it is', () => {
    const result = convert(v1Plan());
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(clusterOf(result.documents).spec.serverClasses[0].connections?.[0].target).toBe('leaf/down');
  });

  it('reports an unknown device type extension at its line', () => {
    const text = stringify(v1Plan()).replace('device_type_extension: sw_ext', 'device_type_extension: nope');
    const result = convertHnpCase(text, 'case.yaml');
    const [diag] = find(result, C.unknownReference);
    expect(diag.summary).toContain("'nope'");
    const line = text.split('\n').findIndex((l) => l.includes('device_type_extension: nope')) + 1;
    expect(diag.range).toMatchObject({ file: 'case.yaml', line });
  });

  it.each([
    ['target zone', (p: any) => (p.server_connections[0].target_zone = 'leaf/up'), "unknown target_zone 'leaf/up'"],
    ['NIC', (p: any) => (p.server_connections[0].nic = 'be'), "unknown nic 'be'"],
    ['peer zone', (p: any) => (p.switch_port_zones[0].peer_zone = 'spine/down'), "unknown peer_zone 'spine/down'"],
    ['breakout', (p: any) => (p.switch_port_zones[0].breakout_option = 'b2'), "unknown breakout_option 'b2'"],
    ['NIC module type', (p: any) => (p.server_nics[0].module_type = 'cx9'), "unknown module_type 'cx9'"],
    ['zone switch class', (p: any) => (p.switch_port_zones[0].switch_class = 'spine'), "unknown switch class 'spine'"],
  ])('reports an unknown %s', (_what, breakIt, summary) => {
    const plan = v1Plan();
    breakIt(plan);
    const unknown = find(convert(plan), C.unknownReference);
    expect(unknown.map((d) => d.summary).join('\n')).toContain(summary);
    expect(unknown.every((d) => d.severity === 'error' && d.range !== undefined)).toBe(true);
  });

  it('reports missing sections and fields', () => {
    const plan = v1Plan();
    delete plan.server_connections;
    delete plan.server_classes[0].quantity;
    const missing = find(convert(plan), C.missingField).map((d) => d.summary);
    expect(missing).toEqual(expect.arrayContaining(['server_connections is required in a v1 plan', 'quantity is required']));
  });

  it('reports wrong types and values', () => {
    const plan = v1Plan();
    plan.server_classes[0].quantity = 'many';
    plan.switch_port_zones[0].zone_type = 'downlink';
    plan.switch_classes[0].topology_mode = 'prefer-mesh';
    const result = convert(plan);
    expect(find(result, C.invalidType).map((d) => d.summary)).toContain("quantity must be an integer, found string 'many'");
    const invalid = find(result, C.invalidValue).map((d) => d.summary);
    expect(invalid).toHaveLength(2);
    expect(invalid.join('\n')).toContain("zone_type 'downlink' is not one of server");
    expect(invalid.join('\n')).toContain("topology_mode 'prefer-mesh' is no longer supported");
  });

  it('reports duplicate ids', () => {
    const plan = v1Plan();
    plan.switch_classes.push({ ...plan.switch_classes[0] });
    plan.server_nics.push({ ...plan.server_nics[0] });
    expect(find(convert(plan), C.duplicateId)).toHaveLength(2);
  });

  it('reports switch classes of one fabric that disagree on class or topology', () => {
    const plan = v1Plan();
    plan.switch_classes[0].fabric_class = 'managed';
    plan.switch_classes.push(
      { switch_class_id: 'leaf2', fabric_name: 'frontend', fabric_class: 'unmanaged', device_type_extension: 'sw_ext', topology_mode: 'mesh' },
    );
    const conflicts = find(convert(plan), C.fabricConflict).map((d) => d.summary);
    expect(conflicts).toHaveLength(2);
    expect(conflicts[0]).toContain('fabric_class (leaf: managed, leaf2: unmanaged)');
    expect(conflicts[1]).toContain('topology_mode (leaf: spine-leaf, leaf2: mesh)');
  });

  it('ignores the topology mode of spines', () => {
    const plan = v1Plan();
    plan.switch_classes[0].topology_mode = 'mesh';
    plan.switch_classes.push({ switch_class_id: 'spine', fabric_name: 'frontend', hedgehog_role: 'spine', device_type_extension: 'sw_ext' });
    const result = convert(plan);
    expect(find(result, C.fabricConflict)).toEqual([]);
    expect(switchClass(result.documents, 'spine').role).toBe('spine');
  });

  it('rejects the keys the plugin rejects and warns about keys it does not know', () => {
    const plan = v1Plan();
    plan.server_connections[0].target_switch_class = 'leaf';
    plan.switch_classes[0].colour = 'blue';
    plan.switch_classes[0].fabric = 'backend';
    const result = convert(plan);
    expect(find(result, C.deprecatedKey)[0]).toMatchObject({ severity: 'error' });
    expect(find(result, C.unknownKey)[0]).toMatchObject({ severity: 'warning' });
    expect(find(result, C.unknownKey)[0].summary).toContain('switch_classes[].colour');
    expect(find(result, C.invalidValue)[0].summary).toBe('fabric and fabric_name must match when both are given');
  });

  it('derives a redundancy group when only the type is given', () => {
    const plan = v1Plan();
    plan.switch_classes[0].redundancy_type = 'eslag';
    const result = convert(plan);
    expect(switchClass(result.documents, 'leaf').redundancy).toEqual({ type: 'eslag', group: 'eslag-leaf' });
    expect(find(result, C.legacyRuleApplied).some((d) => d.severity === 'warning')).toBe(true);
  });

  it('falls back to the plan name when the case id is missing', () => {
    const plan = v1Plan();
    delete plan.meta.case_id;
    plan.plan.name = 'My Lab #2';
    expect(clusterOf(convert(plan).documents).metadata.name).toBe('my-lab-2');
  });
});

describe('v2 plans with references diet does not know', () => {
  function v2Plan(): Record<string, any> {
    const v1 = v1Plan();
    const spec: Record<string, any> = { plan: v1.plan };
    for (const key of ['switch_classes', 'switch_port_zones', 'server_classes', 'server_nics', 'server_connections']) spec[key] = v1[key];
    const { device_type_extension: _v1Only, ...leaf } = spec.switch_classes[0];
    spec.switch_classes[0] = { ...leaf, device_type: 'celestica-ds5000' };
    spec.switch_port_zones[0].breakout_option = '1x800g';
    spec.server_classes[0].server_device_type = 'generic-server';
    spec.server_nics[0].module_type = { manufacturer: 'nvidia', model: 'ConnectX-7 Dual-Port 200G' };
    return { apiVersion: 'diet/v2', kind: 'TopologyPlan', metadata: { case_id: 'tiny_v2', name: 'Tiny', version: 2, managed_by: 'yaml' }, spec };
  }

  it('resolves built-in references without diagnostics beyond infos', () => {
    const result = convert(v2Plan());
    expect(result.format).toBe('v2');
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(clusterOf(result.documents).spec.serverClasses[0].nics?.[0].type).toBe('connectx-7-dual-200g');
  });

  it('names each unknown reference and keeps it as written', () => {
    const plan = v2Plan();
    plan.spec.switch_classes[0].device_type = 'acme-x1';
    plan.spec.switch_port_zones[0].breakout_option = '3x33g';
    plan.spec.server_classes[0].server_device_type = 'acme-box';
    plan.spec.server_nics[0].module_type = { manufacturer: 'acme', model: 'Acme NIC' };
    const result = convert(plan);
    const summaries = find(result, C.notInCatalog).map((d) => d.summary);
    expect(summaries).toEqual([
      "switch device type 'acme-x1' is neither in test_fixtures nor in diet's built-in catalog",
      "breakout '3x33g' is neither in test_fixtures nor in diet's built-in catalog",
      "server device type 'acme-box' is neither in test_fixtures nor in diet's built-in catalog",
      "NIC module type 'acme/Acme NIC' is neither in test_fixtures nor in diet's built-in catalog",
    ]);
    expect(switchClass(result.documents, 'leaf').deviceType).toBe('acme-x1');
    expect(clusterOf(result.documents).spec.serverClasses[0].nics?.[0].type).toBe('acme-nic');
  });

  it('maps the plugin slug of the ES1000 management switch to the built-in one', () => {
    const plan = v2Plan();
    plan.spec.switch_classes[0].device_type = 'es1000-48';
    const result = convert(plan);
    expect(switchClass(result.documents, 'leaf').deviceType).toBe('celestica-es1000');
    expect(find(result, C.mappedToBuiltin)[0].summary).toContain("'es1000-48' mapped to built-in 'celestica-es1000'");
  });

  it('reports a wrong kind and ignores reference_data as the plugin forbids it', () => {
    const plan = { ...v2Plan(), kind: 'Plan', reference_data: { manufacturers: [] } };
    const result = convert(plan);
    expect(find(result, C.invalidValue).map((d) => d.severity)).toEqual(['error', 'warning']);
  });
});

describe('YAML aliases', () => {
  it('expands a few aliases but refuses an expansion bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const result = convertHnpCase(`meta: {case_id: x}\n${bomb.join('\n')}\n`, 'bomb.yaml');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual([C.yamlSyntax]);
    expect(result.diagnostics[0].summary).toMatch(/alias/i);
  });
});
