import { describe, expect, it } from 'vitest';
import { BASE_FILES, CLUSTER_YAML, FABRIC_YAML, validateTexts, withCode, withEdit } from './spec-fixture.js';

const CATALOG_HEAD = 'apiVersion: diet.githedgehog.com/v1alpha1\nkind: Catalog\nmetadata:\n  name: extra\nspec:\n';

describe('document counts', () => {
  it('no Cluster document', () => {
    const { 'cluster.yaml': _omitted, ...files } = BASE_FILES;
    const result = validateTexts(files);
    expect(withCode(result, 'DIET-R101')).toEqual([expect.objectContaining({ severity: 'error', summary: 'the spec has no Cluster document' })]);
    expect(result.model).toBeUndefined();
  });

  it('a second Cluster document is reported where it starts', () => {
    const second = CLUSTER_YAML.replace('name: lab', 'name: lab2').replace('- id: gpu', '- id: gpu2');
    const result = validateTexts({ ...BASE_FILES, 'z-second.yaml': second });
    const [extra] = withCode(result, 'DIET-R101');
    expect(extra.summary).toBe("a second Cluster document 'lab2'; the spec already has 'lab' at cluster.yaml:1:1");
    expect(extra.range).toEqual({ file: 'z-second.yaml', line: 1, col: 1 });
  });

  it('no Fabric document', () => {
    const result = validateTexts({ 'cluster.yaml': CLUSTER_YAML });
    expect(withCode(result, 'DIET-R102')).toHaveLength(1);
  });

  it('two fabrics with one name', () => {
    const copy = FABRIC_YAML.replace('- id: leaf', '- id: leaf2').replace('- id: spine', '- id: spine2');
    const result = validateTexts({ ...BASE_FILES, 'fabric2.yaml': copy });
    expect(withCode(result, 'DIET-R103')).toEqual([
      expect.objectContaining({ summary: "fabric 'frontend' is defined twice (first at fabric.yaml:4:9)", range: { file: 'fabric2.yaml', line: 4, col: 9 } }),
    ]);
  });
});

describe('duplicate ids', () => {
  it('switch class ids are unique across fabrics', () => {
    const result = validateTexts(withEdit('oob.yaml', '- id: oob', '- id: spine'));
    expect(withCode(result, 'DIET-R110')).toEqual([
      expect.objectContaining({ summary: "switch class 'spine' is already defined at fabric.yaml:13:11", range: { file: 'oob.yaml', line: 7, col: 11 } }),
    ]);
  });

  it('server class ids', () => {
    const extra = '    - {id: gpu, quantity: 1, deviceType: generic-server}\n';
    const result = validateTexts({ ...BASE_FILES, 'cluster.yaml': CLUSTER_YAML + extra });
    expect(withCode(result, 'DIET-R111')[0]).toMatchObject({ range: { file: 'cluster.yaml', line: 16, col: 12 } });
  });

  it('zone names within a switch class', () => {
    const result = validateTexts(withEdit('fabric.yaml', '{name: up,', '{name: down,'));
    expect(withCode(result, 'DIET-R112')[0]).toMatchObject({ summary: expect.stringContaining("zone of switch class 'leaf' 'down'"), range: { file: 'fabric.yaml', line: 12, col: 18 } });
  });

  it('the same zone name in two classes is fine', () => {
    const result = validateTexts(withEdit('fabric.yaml', '{name: fabric,', '{name: down,'));
    expect(withCode(result, 'DIET-R112')).toEqual([]);
  });

  it('NIC ids and connection ids within a server class', () => {
    let files = withEdit('cluster.yaml', '{id: bmc, type: bmc-management-port}', '{id: fe, type: bmc-management-port}');
    files = withEdit('cluster.yaml', '{id: bmc, nic: bmc,', '{id: fe, nic: fe,', files);
    const result = validateTexts(files);
    expect(withCode(result, 'DIET-R113')[0]).toMatchObject({ range: { file: 'cluster.yaml', line: 12, col: 16 } });
    expect(withCode(result, 'DIET-R114')[0]).toMatchObject({ range: { file: 'cluster.yaml', line: 15, col: 16 } });
  });
});

describe('dangling references', () => {
  it('switch device type, with a suggestion', () => {
    const result = validateTexts(withEdit('oob.yaml', 'celestica-es1000', 'celestica-es100'));
    expect(withCode(result, 'DIET-R120')).toEqual([
      expect.objectContaining({
        summary: "switch class 'oob': unknown switch type 'celestica-es100'",
        hint: "did you mean 'celestica-es1000'?",
        range: { file: 'oob.yaml', line: 8, col: 19 },
      }),
    ]);
  });

  it('a server type used as a switch type says so', () => {
    const result = validateTexts(withEdit('oob.yaml', 'celestica-es1000', 'generic-server'));
    expect(withCode(result, 'DIET-R120')[0].summary).toBe("switch class 'oob': 'generic-server' is a server type, not a switch type");
  });

  it('server device type', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'deviceType: gpu-server-fe', 'deviceType: gpu-server'));
    expect(withCode(result, 'DIET-R121')[0]).toMatchObject({ range: { file: 'cluster.yaml', line: 9, col: 19 } });
  });

  it('NIC type', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'bluefield-3-bf3220', 'bluefield-3'));
    expect(withCode(result, 'DIET-R122')[0]).toMatchObject({ range: { file: 'cluster.yaml', line: 11, col: 26 } });
  });

  it('zone of a connection target, with a suggestion', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'target: leaf/down', 'target: leaf/dwn'));
    expect(withCode(result, 'DIET-R123')).toEqual([
      expect.objectContaining({
        summary: "connection 'fe' of server class 'gpu': switch class 'leaf' has no zone 'dwn'",
        hint: "did you mean 'down'?",
        range: { file: 'cluster.yaml', line: 14, col: 86 },
      }),
    ]);
  });

  it('switch class of a connection target', () => {
    const result = validateTexts(withEdit('cluster.yaml', 'target: leaf/down', 'target: leafs/down'));
    expect(withCode(result, 'DIET-R123')[0].summary).toBe("connection 'fe' of server class 'gpu': 'leafs/down' names no switch class 'leafs'");
    expect(withCode(result, 'DIET-R123')[0].hint).toBe("did you mean 'leaf'?");
  });

  it('zone peer', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'breakout: 1x800g}\n    - id: spine', 'breakout: 1x800g, peer: spine/fabrik}\n    - id: spine'));
    expect(withCode(result, 'DIET-R123')[0]).toMatchObject({ summary: "peer of zone 'up' of switch class 'leaf': switch class 'spine' has no zone 'fabrik'" });
  });

  it('NIC of a connection', () => {
    const result = validateTexts(withEdit('cluster.yaml', '{id: fe, nic: fe,', '{id: fe, nic: fe0,'));
    expect(withCode(result, 'DIET-R124')).toEqual([
      expect.objectContaining({ summary: "connection 'fe' of server class 'gpu': no NIC 'fe0' in the class", hint: "did you mean 'fe'?", range: { file: 'cluster.yaml', line: 14, col: 25 } }),
    ]);
  });

  it('breakout id', () => {
    const result = validateTexts(withEdit('fabric.yaml', 'breakout: 4x200g', 'breakout: 4x300g'));
    expect(withCode(result, 'DIET-R125')[0]).toMatchObject({ range: { file: 'fabric.yaml', line: 11, col: 65 } });
  });
});

describe('Catalog documents', () => {
  it('add a NIC type the spec can use', () => {
    const catalog = `${CATALOG_HEAD}  nicTypes:\n    - {slug: quad-nic, manufacturer: Acme, model: Quad, ports: [{name: p0, type: other}, {name: p1, type: other}, {name: p2, type: other}, {name: p3, type: other}]}\n`;
    const files = withEdit('cluster.yaml', 'bluefield-3-bf3220', 'quad-nic', { ...BASE_FILES, 'catalog.yaml': catalog });
    const result = validateTexts(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.catalog.nicTypes.get('quad-nic')?.ports).toHaveLength(4);
  });

  it('an entry with a built-in slug replaces it, with an info diagnostic', () => {
    const catalog = `${CATALOG_HEAD}  serverTypes:\n    - {slug: generic-server, manufacturer: Acme, model: Box, uHeight: 2}\n`;
    const result = validateTexts({ ...BASE_FILES, 'catalog.yaml': catalog });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ severity: 'info', code: 'DIET-R130', range: { file: 'catalog.yaml', line: 7, col: 7 } }),
    ]);
    expect(result.model?.catalog.serverTypes.get('generic-server')?.manufacturer).toBe('Acme');
  });

  it('a switch type based on a Hedgehog profile takes its ports', () => {
    const catalog = `${CATALOG_HEAD}  switchTypes:\n    - {slug: my-ds5000, manufacturer: Acme, model: M, hedgehogProfile: celestica-ds5000}\n`;
    const files = withEdit('fabric.yaml', '- id: spine\n      role: spine\n      deviceType: celestica-ds5000', '- id: spine\n      role: spine\n      deviceType: my-ds5000', { ...BASE_FILES, 'catalog.yaml': catalog });
    const result = validateTexts(files);
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.catalog.switchTypes.get('my-ds5000')?.ports).toHaveLength(66);
  });

  it('warns about an unknown profile and about a slug defined twice', () => {
    const catalog = `${CATALOG_HEAD}  switchTypes:\n    - {slug: x1, manufacturer: A, model: M, hedgehogProfile: no-such-profile}\n    - {slug: x1, manufacturer: A, model: N}\n`;
    const result = validateTexts({ ...BASE_FILES, 'catalog.yaml': catalog });
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.range?.line])).toEqual([
      ['DIET-R126', 'warning', 7],
      ['DIET-R131', 'warning', 8],
    ]);
  });
});
