// The 128-GPU example applied to real kube-apiservers: frontend to server a, backend to
// server b (the two fabrics share names such as Server/gpu-with-backend-001 and
// VLANNamespace/default, so one namespace `default` cannot hold both). Checked by reading
// the API back with plain HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpandedSpec } from '../../../src/engine/expand-spec.js';
import { CLUSTER_LABEL, FABRIC_LABEL } from '../../../src/targets/kubernetes/desired.js';
import { applyWebhookDefaults } from '../../../src/targets/kubernetes/webhook-defaults.js';
import { expandExample, fabricDesired, freshServers, planFabric, rawObjects, recordingEvents, releaseServers, targetFor, type Instance } from './kube-fixtures.js';

const FABRICS: readonly (readonly [string, Instance])[] = [
  ['frontend', 'a'],
  ['backend', 'b'],
];

let spec: ExpandedSpec;
beforeAll(async () => {
  await freshServers();
  spec = await expandExample();
});
afterAll(releaseServers);

describe('applying the 128-GPU example to real API servers', () => {
  it('probes each fabric server: version and Established Hedgehog CRDs', async () => {
    for (const [fabric, instance] of FABRICS) {
      const target = targetFor(fabric, instance);
      const probe = await target.probe();
      expect(probe.version).toMatch(/^v1\.\d+\./);
      expect(probe.warnings).toEqual([]);
      target.close();
    }
  });

  it('creates every planned object of both fabrics, each on its own server, in Hedgehog order', async () => {
    for (const [fabric, instance] of FABRICS) {
      const desired = fabricDesired(spec, fabric);
      const target = targetFor(fabric, instance);
      const { live, changes } = await planFabric(target, spec.model.name, desired);
      expect(live).toEqual([]);
      expect(changes.every((c) => c.action === 'create')).toBe(true);
      expect(changes).toHaveLength(desired.length);
      const events = recordingEvents();
      const outcome = await target.apply(changes, new Map(), events);
      target.close();
      expect(outcome.failed).toBeUndefined();
      expect(outcome.applied.map((s) => s.address)).toEqual(changes.map((c) => c.address));
      expect(outcome.applied.every((s) => s.action === 'create' && /^[0-9a-f-]{36}$/.test(s.remoteId ?? ''))).toBe(true);
      expect(events.seen.at(-1)).toEqual({ done: changes.length, total: changes.length });
      const kinds = [...new Set(changes.map((c) => c.type.split('/')[1]))];
      expect(kinds).toEqual(['VLANNamespace', 'IPv4Namespace', 'Switch', 'Server', 'Connection'].filter((k) => kinds.includes(k)));
    }

    for (const [fabric, instance] of FABRICS) {
      const desired = fabricDesired(spec, fabric);
      const stored = await rawObjects(instance);
      expect(stored.size).toBe(desired.length);
      for (const d of desired) {
        const want = applyWebhookDefaults(d.attrs) as any;
        const got = stored.get(`${want.kind}/${want.metadata.name}`);
        expect(got, d.address).toBeDefined();
        expect(got.apiVersion).toBe(want.apiVersion);
        expect(got.metadata.labels).toEqual({ [CLUSTER_LABEL]: spec.model.name, [FABRIC_LABEL]: fabric });
        expect(got.spec).toEqual(want.spec);
        expect(got.metadata.managedFields.map((m: any) => `${m.manager}/${m.operation}`)).toEqual(['diet/Apply']);
      }
    }
  });

  it('plans nothing right afterwards, by the pure diff and by the server-side dry-run diff', async () => {
    for (const [fabric, instance] of FABRICS) {
      const desired = fabricDesired(spec, fabric);
      const target = targetFor(fabric, instance);
      const { live, changes } = await planFabric(target, spec.model.name, desired);
      expect(live).toHaveLength(desired.length);
      expect(live.every((o) => o.owned && o.fingerprint && o.remoteId)).toBe(true);
      expect(changes.filter((c) => c.action !== 'noop')).toEqual([]);
      const dry = await target.diff({ cluster: spec.model.name, desired });
      expect(dry.changes.filter((c) => c.action !== 'noop')).toEqual([]);
      target.close();
    }
  });
});
