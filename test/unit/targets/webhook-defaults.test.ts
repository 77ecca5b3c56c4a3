import { describe, expect, it } from 'vitest';
import { diffResources } from '../../../src/plan/diff-resources.js';
import type { Attrs, DesiredResource, ObservedResource } from '../../../src/resource/resource.js';
import { projectOwned } from '../../../src/targets/kubernetes/live/managed-fields.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { applyWebhookDefaults } from '../../../src/targets/kubernetes/webhook-defaults.js';

const sw = (spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'leaf-01', namespace: 'default' }): Attrs =>
  ({ apiVersion: 'wiring.githedgehog.com/v1beta1', kind: 'Switch', metadata, spec }) as unknown as Attrs;

describe('applyWebhookDefaults', () => {
  it('fills the Switch defaults the Hedgehog webhook sets', () => {
    const out = applyWebhookDefaults(sw({ role: 'server-leaf', groups: ['mclag-2', 'b'], redundancy: { group: 'mclag-1', type: 'eslag' }, portSpeeds: { 'E1/1': 'SPEED_25G' }, linkFlapErrDisable: { flapThreshold: 5 } }, { name: 'leaf-01' }));
    expect(out).toEqual(
      sw({ role: 'server-leaf', groups: ['b', 'mclag-1', 'mclag-2'], redundancy: { group: 'mclag-1', type: 'eslag' }, portSpeeds: { 'E1/1': '25G' }, linkFlapErrDisable: { flapThreshold: 5, samplingInterval: 30, recoveryInterval: 300 }, vlanNamespaces: ['default'] }),
    );
  });

  it('keeps given VLAN namespaces, sorted, and is idempotent', () => {
    const once = applyWebhookDefaults(sw({ role: 'spine', vlanNamespaces: ['z', 'a'] }));
    expect((once.spec as { vlanNamespaces: string[] }).vlanNamespaces).toEqual(['a', 'z']);
    expect(applyWebhookDefaults(once)).toEqual(once);
  });

  it('ends open VLAN ranges at their start and sorts ranges and IPv4 subnets', () => {
    const vlan = applyWebhookDefaults({ apiVersion: 'x', kind: 'VLANNamespace', metadata: { name: 'default', namespace: 'default' }, spec: { ranges: [{ from: 3000, to: 0 }, { from: 1000, to: 2000 }] } });
    expect(vlan.spec).toEqual({ ranges: [{ from: 1000, to: 2000 }, { from: 3000, to: 3000 }] });
    const ipns = applyWebhookDefaults({ apiVersion: 'x', kind: 'IPv4Namespace', metadata: { name: 'default', namespace: 'default' }, spec: { subnets: ['10.2.0.0/16', '10.1.0.0/16'] } });
    expect(ipns.spec).toEqual({ subnets: ['10.1.0.0/16', '10.2.0.0/16'] });
  });

  it('makes a desired Switch without defaults equal to the live one the webhook defaulted', () => {
    const desired: DesiredResource = { address: 'kubernetes.wiring.githedgehog.com/Switch[f/leaf-01]', target: 'kubernetes', type: 'wiring.githedgehog.com/Switch', key: 'f/leaf-01', attrs: sw({ role: 'spine', groups: ['g2', 'g1'] }), dependsOn: [] };
    const live: ObservedResource = { ...desired, attrs: sw({ role: 'spine', groups: ['g1', 'g2'], vlanNamespaces: ['default'] }) };
    expect(diffResources([desired], [live], { schemas: resourceSchema }).map((c) => c.action)).toEqual(['noop']);
    const drifted: ObservedResource = { ...desired, attrs: sw({ role: 'server-leaf', groups: ['g1', 'g2'], vlanNamespaces: ['default'] }) };
    expect(diffResources([desired], [drifted], { schemas: resourceSchema })[0].attrChanges).toEqual([{ path: 'spec.role', before: 'server-leaf', after: 'spine' }]);
  });
});

describe('projectOwned', () => {
  const live = { role: 'spine', description: 'by hand', portBreakouts: { 'E1/1': '1x100G', 'E1/2': '4x25G' }, boot: { mac: 'm', serial: 's' } };

  it('keeps what diet wants or owns and drops what other managers added', () => {
    const desired = { role: 'spine', portBreakouts: { 'E1/1': '1x100G' }, boot: { mac: 'm' } };
    const owned = { 'f:role': {}, 'f:portBreakouts': { 'f:E1/1': {}, 'f:E1/2': {} }, 'f:boot': { 'f:mac': {} } };
    // E1/2 is still diet's (so the next apply removes it); description and boot.serial are someone else's.
    expect(projectOwned(live, desired, owned)).toEqual({ role: 'spine', portBreakouts: { 'E1/1': '1x100G', 'E1/2': '4x25G' }, boot: { mac: 'm' } });
  });

  it('shows a desired field even when another manager took it over', () => {
    expect(projectOwned({ ...live, role: 'border-leaf' }, { role: 'spine' }, { 'f:boot': { 'f:mac': {} } })).toEqual({ role: 'border-leaf', boot: { mac: 'm' } });
  });
});
