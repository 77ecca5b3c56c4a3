// Adding and removing servers against real API servers: the plan contains exactly the
// objects of those servers, deletes run Connections → Servers → Switches → namespaces (the
// order of the DELETE requests is recorded), and a Connection whose type changes is
// deleted and created again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExpandedSpec } from '../../../src/engine/expand-spec.js';
import type { KubeRequestEvent } from '../../../src/targets/kubernetes/live/kube-http.js';
import { actionsOf, expandExample, fabricDesired, freshServers, patchAs, planAndApply, planFabric, raw, rawObjectPath, rawObjects, recordingEvents, releaseServers, targetFor, type Instance } from './kube-fixtures.js';

const FABRICS: readonly (readonly [string, Instance])[] = [
  ['frontend', 'a'],
  ['backend', 'b'],
];

let canonical: ExpandedSpec;
beforeAll(async () => {
  await freshServers();
  canonical = await expandExample();
});
afterAll(releaseServers);

async function applyAll(spec: ExpandedSpec): Promise<void> {
  for (const [fabric, instance] of FABRICS) {
    const target = targetFor(fabric, instance);
    const { outcome } = await planAndApply(target, spec.model.name, fabricDesired(spec, fabric));
    target.close();
    expect(outcome.failed).toBeUndefined();
  }
}

const storageServer = /^kubernetes\.wiring\.githedgehog\.com\/Server\[frontend\/storage-01[78]\]$/;

describe('server changes against real API servers', () => {
  it('adding two storage servers adds exactly their Servers and Connections', async () => {
    await applyAll(await expandExample((c) => (c.spec.serverClasses.find((s) => s.id === 'storage')!.quantity = 16)));
    const target = targetFor('frontend', 'a');
    const desired = fabricDesired(canonical, 'frontend');
    const { changes, outcome } = await planAndApply(target, canonical.model.name, desired);
    target.close();
    const real = changes.filter((c) => c.action !== 'noop');
    expect(actionsOf(real)).toEqual({ 'create Server': 2, 'create Connection': 4 });
    expect(real.filter((c) => c.type.endsWith('/Server')).map((c) => c.address)).toEqual(expect.arrayContaining([expect.stringMatching(storageServer), expect.stringMatching(storageServer)]));
    for (const c of real.filter((x) => x.type.endsWith('/Connection'))) expect(c.key).toMatch(/^frontend\/storage-01[78]-/);
    expect(outcome.failed).toBeUndefined();
    expect(outcome.applied.map((s) => s.address)).toEqual(real.map((c) => c.address));
    const stored = await rawObjects('a');
    expect(stored.size).toBe(desired.length);
    expect(stored.has('Server/storage-017') && stored.has('Server/storage-018')).toBe(true);
    // Nothing on the backend server changed.
    const backend = targetFor('backend', 'b');
    expect((await planFabric(backend, canonical.model.name, fabricDesired(canonical, 'backend'))).changes.every((c) => c.action === 'noop')).toBe(true);
    backend.close();
  });

  it('removing a server class deletes its Connections before its Servers (and the emptied backend fabric last to first)', async () => {
    const without = await expandExample((c) => (c.spec.serverClasses = c.spec.serverClasses.filter((s) => s.id !== 'gpu-with-backend')));
    for (const [fabric, instance] of FABRICS) {
      const deletes: string[] = [];
      const onRequest = (e: KubeRequestEvent) => {
        if (e.method === 'DELETE') deletes.push(e.path);
      };
      const target = targetFor(fabric, instance, {}, { onRequest, concurrency: 4 });
      const desired = fabricDesired(without, fabric);
      const { live, changes } = await planFabric(target, without.model.name, desired);
      const planned = changes.filter((c) => c.action === 'delete');
      expect(changes.filter((c) => c.action !== 'noop' && c.action !== 'delete')).toEqual([]);
      expect(planned.length).toBeGreaterThan(0);
      const outcome = await target.apply(changes, new Map(live.map((o) => [o.address, o])), recordingEvents());
      target.close();
      expect(outcome.failed).toBeUndefined();
      expect(deletes).toHaveLength(planned.length);
      const plural = (path: string) => path.split('/').at(-2)!;
      const rank = ['connections', 'servers', 'switches', 'switchgroups', 'ipv4namespaces', 'vlannamespaces'];
      const ranks = deletes.map((p) => rank.indexOf(plural(p)));
      expect(ranks.every((r) => r >= 0)).toBe(true);
      expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      expect(deletes.some((p) => plural(p) === 'connections') && deletes.some((p) => plural(p) === 'servers')).toBe(true);
      const stored = await rawObjects(instance);
      expect(stored.size).toBe(desired.length);
      for (const d of desired) expect(stored.has(`${(d.attrs as any).kind}/${(d.attrs as any).metadata.name}`)).toBe(true);
    }
  });

  it('plans a Connection whose type changes as a replace and applies it as DELETE, then apply', async () => {
    const desired = fabricDesired(canonical, 'frontend');
    const target0 = targetFor('frontend', 'a');
    await planAndApply(target0, canonical.model.name, desired);
    target0.close();
    const victim = desired.find((d) => d.type.endsWith('/Connection') && 'unbundled' in ((d.attrs as any).spec ?? {}))!;
    const before = await raw('a', 'GET', rawObjectPath('Connection', (victim.attrs as any).metadata.name));
    const link = (victim.attrs as any).spec.unbundled.link;
    const bundled = { ...victim, attrs: { ...victim.attrs, spec: { bundled: { links: [link] } } } } as typeof victim;
    const requests: string[] = [];
    const target = targetFor('frontend', 'a', {}, { onRequest: (e) => requests.push(`${e.method} ${e.path.split('/').at(-1)}`) });
    const { changes, outcome } = await planAndApply(target, canonical.model.name, desired.map((d) => (d === victim ? bundled : d)));
    target.close();
    expect(actionsOf(changes.filter((c) => c.action !== 'noop'))).toEqual({ 'replace Connection': 1 });
    expect(outcome.failed).toBeUndefined();
    expect(outcome.applied).toEqual([expect.objectContaining({ address: victim.address, action: 'replace' })]);
    const name = (victim.attrs as any).metadata.name;
    expect(requests.filter((r) => !r.startsWith('GET'))).toEqual([`DELETE ${name}`, `PATCH ${name}`]);
    const after = await raw('a', 'GET', rawObjectPath('Connection', name));
    expect(after.body.spec).toEqual({ bundled: { links: [link] } });
    expect(after.body.metadata.uid).not.toBe(before.body.metadata.uid);
  });

  it('plans a Connection whose type someone else changed by hand as a replace, and the apply restores it', async () => {
    const desired = fabricDesired(canonical, 'frontend');
    const victim = desired.find((d) => d.type.endsWith('/Connection') && 'unbundled' in ((d.attrs as any).spec ?? {}))!;
    const name = (victim.attrs as any).metadata.name;
    const link = (victim.attrs as any).spec.unbundled.link;
    const edited = await patchAs('a', 'someone-else', 'Connection', name, { spec: { unbundled: null, bundled: { links: [link] } } });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const target = targetFor('frontend', 'a');
    const { changes, outcome } = await planAndApply(target, canonical.model.name, desired);
    target.close();
    expect(changes.filter((c) => c.action !== 'noop').map((c) => [c.action, c.address])).toEqual([['replace', victim.address]]);
    expect(outcome.failed).toBeUndefined();
    const after = await raw('a', 'GET', rawObjectPath('Connection', name));
    expect(after.body.spec).toEqual({ unbundled: { link } });
    expect(after.body.metadata.managedFields.map((m: any) => m.manager)).toEqual(['diet']);
  });
});
