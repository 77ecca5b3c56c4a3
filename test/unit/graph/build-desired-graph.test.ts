import { describe, expect, it } from 'vitest';
import { buildDesiredGraph } from '../../../src/graph/build-desired-graph.js';
import { addr, desired, layeredResources, typeRank } from '../../support/resource-factory.js';

const typeOrder = (type: string) => typeRank[type] ?? 99;
const origin = (line: number) => ({ file: 'spec.yaml', line, col: 3 });

describe('buildDesiredGraph', () => {
  it('orders dependencies first, then by type rank, then by address', () => {
    const resources = [
      desired('dcim.cable', 'c1', {}, [addr('dcim.interface', 'b/1'), addr('dcim.interface', 'a/1')]),
      desired('dcim.interface', 'b/1', {}, [addr('dcim.device', 'b')]),
      desired('dcim.interface', 'a/1', {}, [addr('dcim.device', 'a')]),
      desired('dcim.device', 'b'),
      desired('dcim.device', 'a'),
      desired('dcim.site', 'z'),
    ];
    const { graph, diagnostics } = buildDesiredGraph(resources, { typeOrder });
    expect(diagnostics).toEqual([]);
    expect(graph.order.map((r) => r.address)).toEqual([
      'netbox.dcim.site[z]',
      'netbox.dcim.device[a]',
      'netbox.dcim.device[b]',
      'netbox.dcim.interface[a/1]',
      'netbox.dcim.interface[b/1]',
      'netbox.dcim.cable[c1]',
    ]);
    expect(graph.resources.size).toBe(6);
    expect([...graph.resources.keys()]).toEqual(resources.map((r) => r.address));
    expect(graph.resources.get('netbox.dcim.device[a]')).toBe(resources[4]);
    expect(graph.resources.has('netbox.dcim.device[zz]')).toBe(false);
  });

  it('lets a dependency override the type rank', () => {
    // A site that depends on a device must come after it even though sites rank first.
    const resources = [desired('dcim.site', 's', {}, [addr('dcim.device', 'd')]), desired('dcim.device', 'd')];
    const { graph } = buildDesiredGraph(resources, { typeOrder });
    expect(graph.order.map((r) => r.key)).toEqual(['d', 's']);
  });

  it('gives the same order whatever the input order', () => {
    const resources = layeredResources(400);
    const reversed = [...resources].reverse();
    const a = buildDesiredGraph(resources, { typeOrder }).graph.order.map((r) => r.address);
    const b = buildDesiredGraph(reversed, { typeOrder }).graph.order.map((r) => r.address);
    expect(b).toEqual(a);
  });

  it('reports a duplicate address once per repeat and keeps the first', () => {
    const first = desired('dcim.device', 'leaf-01', { n: 1 }, [], origin(3));
    const second = desired('dcim.device', 'leaf-01', { n: 2 }, [], origin(9));
    const { graph, diagnostics } = buildDesiredGraph([first, second]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'DIET-G001', severity: 'error', range: origin(9), detail: 'first produced at spec.yaml:3:3' });
    expect(graph.resources.get(first.address)?.attrs).toEqual({ n: 1 });
  });

  it('reports a dangling dependency once and still orders the rest', () => {
    const r = desired('dcim.device', 'd', {}, [addr('dcim.site', 'gone'), addr('dcim.site', 'gone')], origin(5));
    const { graph, diagnostics } = buildDesiredGraph([r]);
    expect(diagnostics.map((d) => d.code)).toEqual(['DIET-G002']);
    expect(diagnostics[0].summary).toContain('netbox.dcim.site[gone]');
    expect(diagnostics[0].range).toEqual(origin(5));
    expect(graph.order).toHaveLength(1);
  });

  it('reports a cycle with its path and still returns every resource', () => {
    const resources = [
      desired('t', 'a', {}, [addr('t', 'b')], origin(1)),
      desired('t', 'b', {}, [addr('t', 'c')]),
      desired('t', 'c', {}, [addr('t', 'a')]),
      desired('t', 'd', {}, [addr('t', 'a')]),
      desired('t', 'self', {}, [addr('t', 'self')]),
    ];
    const { graph, diagnostics } = buildDesiredGraph(resources);
    expect(diagnostics.map((d) => d.summary)).toEqual([
      'dependency cycle: netbox.t[a] -> netbox.t[b] -> netbox.t[c] -> netbox.t[a]',
      'dependency cycle: netbox.t[self] -> netbox.t[self]',
    ]);
    expect(diagnostics[0]).toMatchObject({ code: 'DIET-G003', range: origin(1) });
    const order = graph.order.map((r) => r.key);
    expect([...order].sort()).toEqual(['a', 'b', 'c', 'd', 'self']);
    expect(order.indexOf('d')).toBeGreaterThan(order.indexOf('a'));
  });

  it('orders 100k resources correctly', () => {
    const resources = layeredResources(100_000);
    const { graph, diagnostics } = buildDesiredGraph(resources, { typeOrder });
    expect(diagnostics).toEqual([]);
    expect(graph.order).toHaveLength(100_000);
    const position = new Map(graph.order.map((r, i) => [r.address, i]));
    let violations = 0;
    for (const r of graph.order) for (const d of r.dependsOn) if (position.get(d)! >= position.get(r.address)!) violations++;
    expect(violations).toBe(0);
  });
});
