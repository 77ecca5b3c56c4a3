import { describe, expect, it } from 'vitest';
import { ConfigError, TargetError } from '../../../src/diag/errors.js';
import { applyPlan } from '../../../src/engine/live/apply-plan.js';
import { planAgainstLive } from '../../../src/engine/live/plan-live.js';
import { readLive } from '../../../src/engine/live/read-live.js';
import { createPlan } from '../../../src/plan/create-plan.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { toPlanDocument, type PlanDocument } from '../../../src/plan/plan-document.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import type { StateStore } from '../../../src/state/index.js';
import type { BoundTarget } from '../../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { bindFake, FakeTarget, liveObject } from '../../support/fake-target.js';
import { eachTestWithTempStore } from '../../support/temp-state-store.js';

let store: StateStore;
eachTestWithTempStore((s) => (store = s));

const widget = (key: string, size: number, target: 'netbox' | 'kubernetes' = 'netbox'): DesiredResource => {
  const k = target === 'kubernetes' ? `frontend/${key}` : key;
  return { address: `${target}.test.widget[${k}]`, target, type: 'test.widget', key: k, attrs: { name: key, size }, dependsOn: [] };
};

async function livePlan(bound: readonly BoundTarget[], desired: readonly DesiredResource[]): Promise<PlanDocument> {
  const live = await readLive(bound, desired, 'lab', SILENT_EVENTS);
  const fingerprints = Object.fromEntries(live.owned.map((o) => [o.address, o.fingerprint!]));
  const changes = diffResources(desired, live.owned, { schemas: resourceSchema });
  return toPlanDocument(createPlan({ cluster: 'lab', changes, topology: {}, baseline: { kind: 'live', fingerprints }, dietVersion: 'test', specDigest: 'sha256:test' }));
}

const apply = (doc: PlanDocument, bound: readonly BoundTarget[]) => applyPlan({ document: doc, planId: 'p1', bound, store, events: SILENT_EVENTS, now: () => '2026-01-01T00:00:00Z' });

describe('applyPlan', () => {
  it('applies, reads back and records one applied snapshot with the remote ids', async () => {
    const netbox = new FakeTarget('netbox');
    const bound = [bindFake(netbox)];
    const result = await apply(await livePlan(bound, [widget('a', 1), widget('b', 2)]), bound);
    expect(result).toMatchObject({ status: 'applied', total: 2, warnings: [] });
    const snapshot = store.managedResources('lab')!;
    expect(snapshot.record.id).toBe(result.snapshotId);
    expect(snapshot.resources.map((r) => [r.address, r.remoteId !== undefined])).toEqual([
      ['netbox.test.widget[a]', true],
      ['netbox.test.widget[b]', true],
    ]);
    expect(store.listEvents('lab')[0]).toMatchObject({ kind: 'apply' });
  });

  it('refuses Kubernetes changes without a Kubernetes target before anything is read or written', async () => {
    const netbox = new FakeTarget('netbox');
    const kube = new FakeTarget('kubernetes');
    const doc = await livePlan([bindFake(netbox), bindFake(kube, 'frontend')], [widget('a', 1), widget('s', 1, 'kubernetes')]);
    const error = await apply(doc, [bindFake(netbox)]).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe('no Kubernetes target configured for fabric frontend (needed by kubernetes.test.widget[frontend/s])');
    expect(netbox.applied).toHaveLength(0);
    expect(store.listSnapshots('lab')).toHaveLength(0);
  });

  it('deletes the objects of a fabric the spec no longer wants through its target, and forgets them in state', async () => {
    const netbox = new FakeTarget('netbox');
    const frontend = new FakeTarget('kubernetes');
    const backend = new FakeTarget('kubernetes');
    const both = [bindFake(netbox), bindFake(frontend, 'frontend'), bindFake(backend, 'backend')];
    const backendWidget = (key: string): DesiredResource => ({ ...widget(key, 1, 'kubernetes'), address: `kubernetes.test.widget[backend/${key}]`, key: `backend/${key}` });
    await apply(await livePlan(both, [widget('a', 1), widget('s', 1, 'kubernetes'), backendWidget('b1'), backendWidget('b2')]), both);
    expect(store.managedResources('lab')!.resources.filter((r) => r.key.startsWith('backend/'))).toHaveLength(2);

    // The backend fabric is gone from the spec: only its target has anything to do.
    const doc = await livePlan(both, [widget('a', 1), widget('s', 1, 'kubernetes')]);
    expect(doc.resource_changes.map((c) => `${c.action} ${c.address}`)).toEqual(['delete kubernetes.test.widget[backend/b1]', 'delete kubernetes.test.widget[backend/b2]']);

    // Without the backend's target the plan is refused, naming the fabric and what to do.
    const error = await apply(doc, both.slice(0, 2)).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe('the plan deletes 2 Kubernetes objects of fabric backend (e.g. kubernetes.test.widget[backend/b1]), which the spec no longer wants, but the configuration has no fabrics.backend.kubernetes');
    expect((error as ConfigError).hint).toContain('add fabrics.backend.kubernetes (server, tokenEnv, caFile) back to the configuration and apply the plan again');
    expect(backend.owned()).toHaveLength(2);

    const result = await apply(doc, both);
    expect(result).toMatchObject({ status: 'applied', total: 2 });
    expect(backend.owned()).toEqual([]);
    expect(frontend.applied).toHaveLength(1);
    expect(store.managedResources('lab')!.resources.map((r) => r.address).sort()).toEqual(['kubernetes.test.widget[frontend/s]', 'netbox.test.widget[a]']);
  });

  it('a fabric with creates or updates but no target gets the plain missing-target error', async () => {
    const kube = new FakeTarget('kubernetes');
    const doc = await livePlan([bindFake(kube, 'frontend')], [widget('s', 1, 'kubernetes')]);
    const error = await apply(doc, []).then(() => undefined, (e: unknown) => e);
    expect((error as ConfigError).message).toBe('no Kubernetes target configured for fabric frontend (needed by kubernetes.test.widget[frontend/s])');
  });

  it('rolls a failed apply back to the pre-apply snapshot and leaves the applied snapshot as it was', async () => {
    const netbox = new FakeTarget('netbox', [liveObject('netbox', 'test.widget', 'a', { name: 'a', size: 1 }), liveObject('netbox', 'test.widget', 'z', { name: 'z', size: 26 })]);
    const bound = [bindFake(netbox)];
    const before = netbox.owned();
    const previous = store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 'x', resources: before });
    netbox.failAt = 'netbox.test.widget[c]';
    const result = await apply(await livePlan(bound, [widget('a', 5), widget('b', 2), widget('c', 3), widget('z', 26)]), bound);
    expect(result).toMatchObject({ status: 'rolled-back', failed: { address: 'netbox.test.widget[c]', message: 'injected failure' } });
    expect(result.applied.map((s) => s.address)).toEqual(['netbox.test.widget[a]', 'netbox.test.widget[b]']);
    expect(result.rollback).toMatchObject({ status: 'rolled-back', preApplySnapshotId: result.preApplySnapshotId, notRestored: [] });
    expect(result.rollback!.restored.map((r) => [r.address, r.action]).sort()).toEqual([
      ['netbox.test.widget[a]', 'update'],
      ['netbox.test.widget[b]', 'delete'],
    ]);
    expect(netbox.owned().map((o) => [o.key, o.attrs])).toEqual(before.map((o) => [o.key, o.attrs]));
    const pre = store.getSnapshot(result.preApplySnapshotId!)!;
    expect(pre.record).toMatchObject({ kind: 'pre-apply', planId: 'p1', scopes: ['netbox'], resourceCount: 2 });
    expect(store.latestSnapshot('lab', ['applied', 'restore'])!.id).toBe(previous.id);
    expect(store.listEvents('lab').map((e) => e.kind)).toEqual(['rollback', 'apply-failed']);
    expect(store.listEvents('lab')[0].detail).toMatchObject({ status: 'rolled-back', pre_apply_snapshot_id: result.preApplySnapshotId, restored: 2, not_restored: 0 });
  });

  it('rolls back the NetBox part when the Kubernetes part fails after it, touching only what the plan touched', async () => {
    // Real types, so that NetBox changes come before the Kubernetes ones as in a real plan.
    const site = (slug: string, status: string): DesiredResource => ({ address: `netbox.dcim.site[${slug}]`, target: 'netbox', type: 'dcim.site', key: slug, attrs: { name: slug, slug, status, tags: [] }, dependsOn: [] });
    const vlans = (name: string): DesiredResource => ({
      address: `kubernetes.wiring.githedgehog.com/VLANNamespace[frontend/${name}]`,
      target: 'kubernetes',
      type: 'wiring.githedgehog.com/VLANNamespace',
      key: `frontend/${name}`,
      attrs: { apiVersion: 'wiring.githedgehog.com/v1beta1', kind: 'VLANNamespace', metadata: { name, namespace: 'default' }, spec: {} },
      dependsOn: [],
    });
    const asLive = (d: DesiredResource, owned = true) => ({ ...d, owned, remoteId: `rid-${d.key}`, fingerprint: 'fp' });
    const netbox = new FakeTarget('netbox', [asLive(site('dc1', 'active')), asLive(site('other', 'active'))]);
    const kube = new FakeTarget('kubernetes');
    const bound = [bindFake(netbox), bindFake(kube, 'frontend')];
    kube.failAt = vlans('v2').address;
    const doc = await livePlan(bound, [site('dc1', 'planned'), site('dc2', 'active'), site('other', 'active'), vlans('v1'), vlans('v2')]);
    // A change made after planning to an object the plan does not touch must survive the rollback.
    netbox.objects = netbox.objects.map((o) => (o.key === 'other' ? { ...o, attrs: { ...o.attrs, status: 'retired' } } : o));
    const result = await apply(doc, bound);
    expect(result.status).toBe('rolled-back');
    expect(result.applied.map((s) => s.address)).toEqual(['netbox.dcim.site[dc1]', 'netbox.dcim.site[dc2]', vlans('v1').address]);
    expect(netbox.owned().map((o) => [o.key, o.attrs.status])).toEqual([['dc1', 'active'], ['other', 'retired']]);
    expect(kube.owned()).toEqual([]);
    expect(result.rollback!.restored.map((r) => `${r.action} ${r.address}`).sort()).toEqual([`delete ${vlans('v1').address}`, 'delete netbox.dcim.site[dc2]', 'update netbox.dcim.site[dc1]']);

    // A target that throws instead of reporting a failed step is rolled back all the same.
    kube.failAt = undefined;
    const throwing = kube.apply.bind(kube);
    kube.apply = async (changes, observed, events) => {
      if (changes.some((c) => c.action !== 'delete')) throw new TargetError('refusing to write it', 'a hint');
      return throwing(changes, observed, events);
    };
    const second = await apply(await livePlan(bound, [site('dc1', 'planned'), site('other', 'retired'), vlans('v1')]), bound);
    expect(second).toMatchObject({ status: 'rolled-back', failed: { address: vlans('v1').address, message: 'refusing to write it', hint: 'a hint' } });
    expect(netbox.owned().map((o) => [o.key, o.attrs.status])).toEqual([['dc1', 'active'], ['other', 'retired']]);
  });

  it('reports what the rollback could not restore, and why', async () => {
    const netbox = new FakeTarget('netbox');
    const bound = [bindFake(netbox)];
    netbox.failAt = 'netbox.test.widget[c]';
    const applyOnce = netbox.apply.bind(netbox);
    // The first apply fails at c; the rollback then fails at b.
    netbox.apply = async (...args) => {
      const outcome = await applyOnce(...args);
      netbox.failAt = 'netbox.test.widget[b]';
      return outcome;
    };
    const result = await apply(await livePlan(bound, [widget('a', 1), widget('b', 2), widget('c', 3)]), bound);
    expect(result.status).toBe('rollback-incomplete');
    expect(result.rollback!.notRestored).toEqual([{ address: 'netbox.test.widget[b]', action: 'delete', reason: 'failed', message: 'injected failure' }]);
    expect(result.rollback!.restored).toEqual([{ address: 'netbox.test.widget[a]', action: 'delete' }]);
    expect(store.listSnapshots('lab').map((s) => s.kind)).toEqual(['pre-apply']);
    expect(store.listEvents('lab')[0]).toMatchObject({ kind: 'rollback', detail: { status: 'rollback-incomplete', not_restored: 1 } });
  });

  it('leaves a failed apply in place with noRollback, naming the pre-apply snapshot to restore', async () => {
    const netbox = new FakeTarget('netbox');
    netbox.failAt = 'netbox.test.widget[b]';
    const bound = [bindFake(netbox)];
    const doc = await livePlan(bound, [widget('a', 1), widget('b', 2)]);
    const result = await applyPlan({ document: doc, planId: 'p1', bound, store, events: SILENT_EVENTS, now: () => 'now', noRollback: true });
    expect(result).toMatchObject({ status: 'failed', failed: { address: 'netbox.test.widget[b]', message: 'injected failure' } });
    expect(result.rollback).toBeUndefined();
    expect(netbox.owned().map((o) => o.key)).toEqual(['a']);
    expect(store.listSnapshots('lab').map((s) => [s.id, s.kind])).toEqual([[result.preApplySnapshotId, 'pre-apply']]);
    expect(store.listEvents('lab')[0]).toMatchObject({ kind: 'apply-failed', detail: { applied: 1, total: 2, address: 'netbox.test.widget[b]', pre_apply_snapshot_id: result.preApplySnapshotId } });
  });

  it('refuses a live plan whose objects changed, appeared or vanished since', async () => {
    const netbox = new FakeTarget('netbox', [liveObject('netbox', 'test.widget', 'a', { name: 'a', size: 1 })]);
    const bound = [bindFake(netbox)];
    const doc = await livePlan(bound, [widget('a', 5), widget('b', 2)]);
    netbox.objects = netbox.objects.map((o) => ({ ...o, fingerprint: 'edited-by-hand' }));
    await expect(apply(doc, bound)).rejects.toThrow(/^the plan is stale: netbox\.test\.widget\[a\] changed since it was made$/);
    netbox.objects = [...netbox.objects.map((o) => ({ ...o, fingerprint: 'fp-a' })), liveObject('netbox', 'test.widget', 'c', { name: 'c', size: 3 })];
    await expect(apply(doc, bound)).rejects.toThrow(/the plan is stale: netbox\.test\.widget\[c\] appeared/);
    expect(netbox.applied).toHaveLength(0);
  });

  it('refuses a state-based plan when the state moved on, and a create where an unowned object now exists', async () => {
    const netbox = new FakeTarget('netbox');
    const bound = [bindFake(netbox)];
    const fromEmpty = toPlanDocument(createPlan({ cluster: 'lab', changes: diffResources([widget('a', 1)], [], { schemas: resourceSchema }), topology: {}, baseline: { kind: 'empty' }, dietVersion: 'test', specDigest: 'sha256:test' }));
    netbox.objects = [liveObject('netbox', 'test.widget', 'a', { name: 'a', size: 9 }, false)];
    const collision = await apply(fromEmpty, bound).then(() => undefined, (e: unknown) => e);
    expect(collision).toBeInstanceOf(TargetError);
    expect((collision as TargetError).message).toBe('netbox.test.widget[a] already exists (id rid-a) but is not managed by diet: it lacks the tag diet-lab; diet will not overwrite or delete it');
    store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: 'x', resources: [] });
    await expect(apply(fromEmpty, bound)).rejects.toThrow(/made against an empty state, but the latest applied snapshot is 1/);
  });

  it('plans against live objects, refusing collisions with unowned ones', async () => {
    const netbox = new FakeTarget('netbox', [liveObject('netbox', 'test.widget', 'a', { name: 'a', size: 1 }, false)]);
    const live = await readLive([bindFake(netbox)], [widget('a', 1)], 'lab', SILENT_EVENTS);
    expect(live.collisions.map((c) => c.address)).toEqual(['netbox.test.widget[a]']);
    const spec = { model: { name: 'lab' }, desired: [widget('a', 1)], summary: {}, specDigest: 'sha256:x' } as unknown as Parameters<typeof planAgainstLive>[0];
    expect(() => planAgainstLive(spec, live, 'all')).toThrow(/already exists .* but is not managed by diet/);
  });
});
