/**
 * The canonical 128-GPU case (DOMAIN.md §13.B): diet must reproduce the reference
 * planner's counts and port assignments exactly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModel } from '../../src/engine/load-model.js';
import { planTopology } from '../../src/planner/plan-topology.js';
import type { Topology } from '../../src/planner/topology.js';
import type { FabricModel } from '../../src/model/fabric-model.js';
import { buildWiringObjects } from '../../src/targets/kubernetes/wiring-objects.js';

let model: FabricModel;
let t: Topology;

beforeAll(async () => {
  const loaded = await loadModel(['examples/128gpu']);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  model = loaded.model!;
  const r = planTopology(model);
  expect(r.diagnostics).toEqual([]);
  t = r.topology!;
});

const to = (device: string, port: string) => {
  const c = t.cables.find((x) => (x.a.device === device && x.a.port === port) || (x.b.device === device && x.b.port === port));
  if (!c) return undefined;
  const far = c.a.device === device && c.a.port === port ? c.b : c.a;
  return `${far.device} ${far.port}`;
};

describe('canonical 128-GPU case', () => {
  it('calculates the reference switch quantities', () => {
    const q = Object.fromEntries([...t.quantities].map(([id, v]) => [id, [v.calculated, v.effective]]));
    expect(q).toEqual({
      'fe-gpu-leaf': [2, 2],
      'fe-storage-leaf': [2, 2],
      'be-rail-leaf': [4, 4],
      'fe-border-leaf': [2, 2],
      'oob-mgmt-leaf': [4, 4],
      'fe-spine': [3, 4],
      'be-spine': [2, 2],
    });
  });

  it('gives 175 devices, 1,313 switch interfaces and 1,017 cables', () => {
    expect(t.servers).toHaveLength(155);
    expect(t.switches).toHaveLength(20);
    expect(t.switchInterfaces).toHaveLength(1313);
    expect(t.cables).toHaveLength(1017);
  });

  it('breaks the cables down as the reference does', () => {
    const byKind = (kind: string) => t.cables.filter((c) => c.kind === kind).length;
    expect(byKind('server')).toBe(721);
    expect(byKind('fabric')).toBe(256);
    expect(byKind('surrogate')).toBe(8);
    expect(byKind('peer')).toBe(32);
    expect(t.cables.filter((c) => c.b.device.startsWith('be-rail-leaf')).length).toBe(256);
    expect(t.cables.filter((c) => c.a.port === 'bmc-bmc0').length).toBe(155);
  });

  it('assigns the sample ports of §13.B', () => {
    expect(to('gpu-fe-only-001', 'fe-p0')).toBe('fe-gpu-leaf-01 E1/1/1');
    expect(to('gpu-fe-only-001', 'fe-p1')).toBe('fe-gpu-leaf-02 E1/1/1');
    expect(to('gpu-fe-only-001', 'bmc-bmc0')).toBe('oob-mgmt-leaf-01 E1/3');
    expect(to('admin-node-001', 'bmc-bmc0')).toBe('oob-mgmt-leaf-01 E1/1');
    expect(to('exo-kube-001', 'bmc-bmc0')).toBe('oob-mgmt-leaf-01 E1/2');
    expect(to('gpu-fe-only-002', 'fe-p0')).toBe('fe-gpu-leaf-01 E1/1/2');
    expect(to('gpu-fe-only-002', 'fe-p1')).toBe('fe-gpu-leaf-02 E1/1/2');
    expect(to('gpu-fe-only-096', 'fe-p0')).toBe('fe-gpu-leaf-01 E1/47/4');
    expect(to('gpu-with-backend-001', 'fe-p0')).toBe('fe-gpu-leaf-01 E1/49/1');
    expect(to('gpu-with-backend-001', 'fe-p1')).toBe('fe-gpu-leaf-02 E1/49/1');
    expect(to('gpu-with-backend-032', 'fe-p0')).toBe('fe-gpu-leaf-01 E1/63/4');
    expect(to('gpu-with-backend-001', 'be-rail-0-port0')).toBe('be-rail-leaf-01 E1/1/1');
    expect(to('gpu-with-backend-001', 'be-rail-1-port0')).toBe('be-rail-leaf-01 E1/1/2');
    expect(to('gpu-with-backend-001', 'be-rail-2-port0')).toBe('be-rail-leaf-02 E1/1/1');
    expect(to('gpu-with-backend-001', 'be-rail-7-port0')).toBe('be-rail-leaf-04 E1/1/2');
    expect(to('gpu-with-backend-032', 'be-rail-0-port0')).toBe('be-rail-leaf-01 E1/32/1');
    expect(to('gpu-with-backend-032', 'be-rail-7-port0')).toBe('be-rail-leaf-04 E1/32/2');
    expect(to('hhg-001', 'fe-port0')).toBe('fe-spine-01 E1/1/1');
    expect(to('hhg-001', 'fe-port1')).toBe('fe-spine-02 E1/1/1');
  });

  it('rail N always lands on be-rail-leaf-0(N div 2 + 1)', () => {
    for (let s = 1; s <= 32; s++) {
      for (let rail = 0; rail < 8; rail++) {
        expect(to(`gpu-with-backend-${String(s).padStart(3, '0')}`, `be-rail-${rail}-port0`)).toMatch(new RegExp(`^be-rail-leaf-0${Math.floor(rail / 2) + 1} `));
      }
    }
  });

  it('wires leaf uplinks to spines in order', () => {
    const uplinks = [2, 4, 6, 8, 10, 12, 14, 16].map((p) => to('fe-gpu-leaf-01', `E1/${p}`));
    expect(uplinks).toEqual(['E1/2', 'E1/3', 'E1/4', 'E1/5', 'E1/6', 'E1/7', 'E1/8', 'E1/9'].map((p) => `fe-spine-01 ${p}`));
    expect(to('fe-gpu-leaf-01', 'E1/18')).toBe('fe-spine-02 E1/2');
    expect(['E1/17', 'E1/18', 'E1/19', 'E1/20'].map((p) => to('fe-border-leaf-01', p))).toEqual(['1', '2', '3', '4'].map((l) => `fe-spine-01 E1/64/${l}`));
    expect(to('fe-border-leaf-01', 'E1/21')).toBe('fe-spine-02 E1/64/1');
    expect(t.cables.filter((c) => c.kind === 'fabric' && c.a.device === 'be-rail-leaf-01' && c.b.device === 'be-spine-01')).toHaveLength(16);
  });

  it('cables the out-of-band uplinks to the border leaves', () => {
    for (let k = 1; k <= 4; k++) {
      expect(to(`oob-mgmt-leaf-0${k}`, 'E1/49')).toMatch(/^fe-border-leaf-01 /);
      expect(to(`oob-mgmt-leaf-0${k}`, 'E1/50')).toMatch(/^fe-border-leaf-02 /);
    }
    expect(to('admin-node-001', 'fe-port0')).toBe('fe-border-leaf-01 E1/14/1');
    expect(to('oob-mgmt-leaf-01', 'E1/49')).toBe('fe-border-leaf-01 E1/14/2');
    expect(to('oob-mgmt-leaf-04', 'E1/49')).toBe('fe-border-leaf-01 E1/15/1');
  });

  it('exports the per-fabric wiring with the reference document counts', () => {
    const count = (fabric: string) => {
      const kinds: Record<string, number> = {};
      for (const o of buildWiringObjects(model, t, fabric)) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
      return kinds;
    };
    expect(count('frontend')).toEqual({ VLANNamespace: 1, IPv4Namespace: 1, Switch: 10, Server: 159, Connection: 342 });
    expect(count('backend')).toEqual({ VLANNamespace: 1, IPv4Namespace: 1, Switch: 6, Server: 32, Connection: 264 });
  });

  it('names connections as the reference does', () => {
    const names = new Set(buildWiringObjects(model, t, 'frontend').map((o) => o.metadata.name));
    expect(names.has('gpu-fe-only-001-fe-p0--unbundled--fe-gpu-leaf-01')).toBe(true);
    expect(names.has('fe-spine-01-fabric-fe-gpu-leaf-01')).toBe(true);
    expect(names.has('fe-spine-01-fabric-fe-border-leaf-01')).toBe(true);
  });
});
