import type { ResourceTypeSchema } from '../../src/resource/resource-type-schema.js';
import { createPlan } from '../../src/plan/create-plan.js';
import { diffResources } from '../../src/plan/diff-resources.js';
import type { Plan } from '../../src/plan/plan.js';
import { addr, desired, observed } from './resource-factory.js';

/**
 * A small fixed plan with every action, nested attributes, a key that needs quoting and
 * origins: the input of the golden tests of the plan document and of the text renderer.
 */
export function smallPlan(): Plan {
  const table: Record<string, ResourceTypeSchema> = {
    'dcim.site': { target: 'netbox', type: 'dcim.site', order: 0, ownedAttrs: ['name', 'slug'], immutableAttrs: [] },
    'dcim.device': { target: 'netbox', type: 'dcim.device', order: 1, ownedAttrs: ['name', 'status', 'role', 'custom_fields'], immutableAttrs: ['role'] },
    'wiring.githedgehog.com/Switch': { target: 'kubernetes', type: 'wiring.githedgehog.com/Switch', order: 0, ownedAttrs: ['metadata.labels', 'spec'], immutableAttrs: [] },
  };
  const schemas = (type: string): ResourceTypeSchema | undefined => table[type];
  const site = addr('dcim.site', 'dc1');
  const spec = (line: number) => ({ file: 'examples/lab/cluster.yaml', line, col: 5 });
  const want = [
    desired('dcim.site', 'dc1', { name: 'dc1', slug: 'dc1' }, [], spec(3)),
    desired('dcim.device', 'leaf-01', { name: 'leaf-01', status: 'active', role: 'leaf', custom_fields: { diet_owner: 'lab' } }, [site], spec(12)),
    desired('dcim.device', 'leaf-02', { name: 'leaf-02', status: 'active', role: 'leaf' }, [site], spec(13)),
    desired('dcim.device', 'spine-01', { name: 'spine-01', status: 'active', role: 'spine' }, [site], spec(20)),
    desired('wiring.githedgehog.com/Switch', 'leaf-01', { metadata: { labels: { 'fabric.githedgehog.com/rack': 'r1' } }, spec: { role: 'server-leaf', description: 'rack 1\nrow A' } }, [], spec(12), 'kubernetes'),
  ];
  const have = [
    observed('dcim.site', 'dc1', { id: 1, name: 'dc1', slug: 'dc1' }),
    observed('dcim.device', 'leaf-01', { id: 2, name: 'leaf-01', status: 'planned', role: 'leaf', serial: 'X1' }),
    observed('dcim.device', 'spine-01', { id: 3, name: 'spine-01', status: 'active', role: 'leaf' }),
    observed('dcim.device', 'old-leaf', { id: 4, name: 'old-leaf', status: 'active', role: 'leaf' }, [site]),
    observed('wiring.githedgehog.com/Switch', 'leaf-01', { metadata: { labels: { 'fabric.githedgehog.com/rack': 'r0' }, uid: 'u1' }, spec: { role: 'server-leaf', description: 'rack 1\nrow B' } }, [], 'kubernetes'),
  ];
  return createPlan({
    cluster: 'lab',
    changes: diffResources(want, have, { schemas }),
    topology: { switches: 3, servers: 8, cables: 24, switch_interfaces: 96, devices: 11, fabrics: ['frontend'] },
    baseline: { kind: 'state', snapshotId: 'snap-0007', fingerprints: { 'netbox.dcim.device[leaf-01]': 'fp-2', 'netbox.dcim.site[dc1]': 'fp-1' } },
    dietVersion: '0.1.0',
    specDigest: 'sha256:3f1c0ffee',
  });
}
