// Drift on a real API server: a spec field diet applies, changed by another field manager, is
// drift; labels, annotations and fields that only others set are not. Taking a drifted
// field back uses force only behind a resourceVersion precondition.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpandedSpec } from '../../../src/engine/expand-spec.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import { expandExample, fabricDesired, freshServers, patchAs, planAndApply, planFabric, raw, rawObjectPath, recordingEvents, releaseServers, targetFor } from './kube-fixtures.js';

let spec: ExpandedSpec;
let desired: DesiredResource[];
let switches: { name: string; role: string }[];
beforeAll(async () => {
  await freshServers();
  spec = await expandExample();
  desired = fabricDesired(spec, 'frontend');
  switches = desired.filter((d) => d.type.endsWith('/Switch')).map((d) => ({ name: (d.attrs as any).metadata.name, role: (d.attrs as any).spec.role }));
  const target = targetFor('frontend', 'a');
  const { outcome } = await planAndApply(target, spec.model.name, desired);
  target.close();
  expect(outcome.failed).toBeUndefined();
});
afterAll(releaseServers);

const otherRole = (role: string) => (role === 'border-leaf' ? 'mixed-leaf' : 'border-leaf');

describe('drift against a real API server', () => {
  it('shows a spec field changed by another field manager, and not what others only added', async () => {
    const [edited, labelled, described] = switches;
    expect((await patchAs('a', 'someone-else', 'Switch', edited.name, { spec: { role: otherRole(edited.role) } })).status).toBe(200);
    const labels = { team: 'net', 'fabric.githedgehog.com/profile': 'x', [`switch.fabric.githedgehog.com/${labelled.name}`]: 'true' };
    const annotations = { 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'fabric.githedgehog.com/ports': '32xQSFP' };
    expect((await patchAs('a', 'labeler', 'Switch', labelled.name, { metadata: { labels, annotations } })).status).toBe(200);
    expect((await patchAs('a', 'someone-else', 'Switch', described.name, { spec: { description: 'racked by hand', enableAllPorts: true } })).status).toBe(200);

    const target = targetFor('frontend', 'a');
    const { changes } = await planFabric(target, spec.model.name, desired);
    const drift = changes.filter((c) => c.action !== 'noop');
    expect(drift.map((c) => [c.action, c.address, c.attrChanges])).toEqual([['update', `kubernetes.wiring.githedgehog.com/Switch[frontend/${edited.name}]`, [{ path: 'spec.role', before: otherRole(edited.role), after: edited.role }]]]);
    const dry = await target.diff({ cluster: spec.model.name, desired });
    target.close();
    expect(dry.changes.filter((c) => c.action !== 'noop').map((c) => [c.address, c.attrChanges])).toEqual([[drift[0].address, drift[0].attrChanges]]);
  });

  it('applying that plan takes the field back and leaves the others their labels and fields', async () => {
    const [edited, labelled, described] = switches;
    const target = targetFor('frontend', 'a');
    const { changes, outcome } = await planAndApply(target, spec.model.name, desired);
    expect(changes.filter((c) => c.action !== 'noop')).toHaveLength(1);
    expect(outcome).toEqual({ applied: [expect.objectContaining({ action: 'update', address: `kubernetes.wiring.githedgehog.com/Switch[frontend/${edited.name}]` })] });
    const back = (await raw('a', 'GET', rawObjectPath('Switch', edited.name))).body;
    expect(back.spec.role).toBe(edited.role);
    const dietFields = back.metadata.managedFields.find((m: any) => m.manager === 'diet').fieldsV1['f:spec'];
    expect(dietFields).toHaveProperty('f:role');
    expect((await raw('a', 'GET', rawObjectPath('Switch', labelled.name))).body.metadata.labels.team).toBe('net');
    expect((await raw('a', 'GET', rawObjectPath('Switch', described.name))).body.spec.description).toBe('racked by hand');
    expect((await planFabric(target, spec.model.name, desired)).changes.every((c) => c.action === 'noop')).toBe(true);
    target.close();
  });

  it('without a read of the object (no resourceVersion) a conflict is explained, not forced', async () => {
    const [edited] = switches;
    await patchAs('a', 'someone-else', 'Switch', edited.name, { spec: { role: otherRole(edited.role) } });
    const target = targetFor('frontend', 'a');
    const { changes } = await planFabric(target, spec.model.name, desired);
    const outcome = await target.apply(changes, new Map(), recordingEvents());
    target.close();
    expect(outcome.applied).toEqual([]);
    expect(outcome.failed).toMatchObject({ status: 409, fields: { 'spec.role': [expect.stringContaining('someone-else')] } });
    expect(outcome.failed!.message).toBe(`409 Conflict: Switch default/${edited.name}: field manager "someone-else" owns .spec.role`);
    expect((await raw('a', 'GET', rawObjectPath('Switch', edited.name))).body.spec.role).toBe(otherRole(edited.role));
  });

  it('an object changed after it was read is refused with 409, not overwritten', async () => {
    const [edited] = switches;
    const target = targetFor('frontend', 'a');
    const { live, changes } = await planFabric(target, spec.model.name, desired);
    expect(changes.filter((c) => c.action !== 'noop')).toHaveLength(1);
    await patchAs('a', 'someone-else', 'Switch', edited.name, { metadata: { labels: { touched: 'later' } } });
    const outcome = await target.apply(changes, new Map(live.map((o) => [o.address, o])), recordingEvents());
    target.close();
    expect(outcome.applied).toEqual([]);
    expect(outcome.failed?.status).toBe(409);
    expect(outcome.failed?.message).toMatch(new RegExp(`^409 Conflict: Switch default/${edited.name} changed since diet read it`));
    expect((await raw('a', 'GET', rawObjectPath('Switch', edited.name))).body.spec.role).toBe(otherRole(edited.role));
  });
});
