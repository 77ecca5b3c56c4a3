import { describe, expect, it } from 'vitest';
import { validateTexts, withCode, withEdit } from './spec-fixture.js';

const FE = '{id: fe, nic: fe, ports: 2, speed: 200, distribution: alternating, target: leaf/down, portType: data}';
const BMC = '{id: bmc, nic: bmc, ports: 1, speed: 1, distribution: same-switch, target: oob/oob-down, portType: ipmi}';
const editFe = (to: string) => withEdit('cluster.yaml', FE, to);

describe('connection targets', () => {
  it('IPMI connections must target an oob zone', () => {
    const result = validateTexts(withEdit('cluster.yaml', BMC, BMC.replace('target: oob/oob-down', 'target: leaf/down')));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'DIET-R210',
        summary: "connection 'bmc' of server class 'gpu': IPMI connections must target an oob zone; 'leaf/down' is a server zone",
        range: { file: 'cluster.yaml', line: 15, col: 86 },
      }),
    ]);
  });

  it('non-IPMI connections must not target an oob zone', () => {
    const result = validateTexts(withEdit('cluster.yaml', BMC, BMC.replace('portType: ipmi', 'portType: pxe')));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIET-R211']);
  });

  it('a connection without portType is not IPMI', () => {
    const result = validateTexts(withEdit('cluster.yaml', BMC, BMC.replace(', portType: ipmi', '')));
    expect(result.diagnostics.map((d) => d.code)).toEqual(['DIET-R211']);
  });

  it('only server and oob zones are targets', () => {
    const result = validateTexts(editFe(FE.replace('leaf/down', 'leaf/up')));
    expect(withCode(result, 'DIET-R212')[0].summary).toBe("connection 'fe' of server class 'gpu': connections cannot target a uplink zone, only server or oob zones");
  });
});

describe('rails', () => {
  it('rail-optimized needs a rail', () => {
    const result = validateTexts(editFe(FE.replace('alternating', 'rail-optimized')));
    expect(withCode(result, 'DIET-R213')).toEqual([
      expect.objectContaining({ range: { file: 'cluster.yaml', line: 14, col: 65 }, summary: expect.stringContaining('rail is required') }),
    ]);
  });

  it('a rail on another distribution is ignored with a warning', () => {
    const result = validateTexts(editFe(FE.replace('portType: data', 'portType: data, rail: 2')));
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['DIET-R214', 'warning']]);
    expect(result.model).toBeDefined();
  });

  it('a rail-optimized connection with its rail is valid', () => {
    const result = validateTexts(editFe(FE.replace('alternating', 'rail-optimized').replace('portType: data', 'portType: data, rail: 0')));
    expect(result.diagnostics).toEqual([]);
  });
});

describe('bundled connections', () => {
  it('alternating bundled needs redundancy on the target class', () => {
    const result = validateTexts(editFe(FE.replace('portType: data', 'portType: data, type: eslag')));
    expect(withCode(result, 'DIET-R215')).toEqual([
      expect.objectContaining({
        summary: "connection 'fe' of server class 'gpu': distribution alternating with a eslag connection requires switch class 'leaf' to have redundancy",
      }),
    ]);
  });

  it('unbundled alternating needs no redundancy, and same-switch bundled neither', () => {
    expect(validateTexts(editFe(FE.replace('portType: data', 'portType: data, type: unbundled'))).diagnostics).toEqual([]);
    expect(validateTexts(editFe(FE.replace('alternating', 'same-switch').replace('portType: data', 'portType: data, type: bundled'))).diagnostics).toEqual([]);
  });
});

describe('NIC port range', () => {
  it('port index beyond the NIC', () => {
    const result = validateTexts(editFe(FE.replace('ports: 2,', 'portIndex: 2, ports: 1,')));
    expect(withCode(result, 'DIET-R216')).toEqual([
      expect.objectContaining({ summary: "connection 'fe' of server class 'gpu': port index 2 exceeds the ports (0-1) of NIC type 'bluefield-3-bf3220'", range: { file: 'cluster.yaml', line: 14, col: 29 } }),
    ]);
  });

  it('more ports than the NIC has from the index', () => {
    const result = validateTexts(editFe(FE.replace('ports: 2,', 'portIndex: 1, ports: 2,')));
    expect(withCode(result, 'DIET-R216')[0].summary).toBe("connection 'fe' of server class 'gpu': requests 2 ports starting at index 1, but NIC type 'bluefield-3-bf3220' has only 1 from there");
  });
});
