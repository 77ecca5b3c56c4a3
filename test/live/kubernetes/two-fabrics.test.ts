// Multi-fabric isolation: each fabric has its own target configuration (server, token, CA).
// With two API servers, one fabric's apply touches only its own server; on one shared server
// the fabric label keeps them apart: another fabric's objects are never read as owned, never
// deleted and never overwritten.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/diag/errors.js';
import type { ExpandedSpec } from '../../../src/engine/expand-spec.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { env, expandExample, fabricDesired, freshServers, planAndApply, planFabric, rawObjects, recordingEvents, releaseServers, targetFor, type Instance } from './kube-fixtures.js';

let spec: ExpandedSpec;
beforeAll(async () => {
  await freshServers();
  spec = await expandExample();
});
afterAll(releaseServers);

async function versions(instance: Instance): Promise<Map<string, string>> {
  return new Map([...(await rawObjects(instance))].map(([k, o]) => [k, o.metadata.resourceVersion]));
}

describe('two fabrics', () => {
  it('with different endpoints, each fabric apply touches only its own server', async () => {
    expect(env('a').server).not.toBe(env('b').server);
    expect(env('a').ca).not.toBe(env('b').ca);
    const frontend = targetFor('frontend', 'a');
    const backend = targetFor('backend', 'b');

    expect((await planAndApply(frontend, spec.model.name, fabricDesired(spec, 'frontend'))).outcome.failed).toBeUndefined();
    expect((await rawObjects('b')).size).toBe(0);
    const frontendVersions = await versions('a');
    expect(frontendVersions.size).toBe(fabricDesired(spec, 'frontend').length);

    expect((await planAndApply(backend, spec.model.name, fabricDesired(spec, 'backend'))).outcome.failed).toBeUndefined();
    expect(await versions('a')).toEqual(frontendVersions);
    expect((await rawObjects('b')).size).toBe(fabricDesired(spec, 'backend').length);

    // A target never takes another fabric's changes, even when handed them.
    const { changes } = await planFabric(backend, spec.model.name, fabricDesired(spec, 'backend').map((d) => ({ ...d, attrs: { ...d.attrs, spec: { changed: true } } })));
    await expect(frontend.apply(changes.filter((c) => c.action !== 'noop'), new Map(), recordingEvents())).rejects.toThrow(/belongs to another fabric; this target applies fabric frontend only/);
    expect(await versions('a')).toEqual(frontendVersions);
    frontend.close();
    backend.close();
  });

  it('on one shared server, the fabric label keeps them apart: no owned reads, no deletes, no overwrites', async () => {
    const frontendVersions = await versions('a');
    const backendOnA = targetFor('backend', 'a');
    // Nothing of the frontend fabric is the backend fabric's to delete.
    expect(await backendOnA.read({ cluster: spec.model.name, desired: [] })).toEqual([]);

    const desired = fabricDesired(spec, 'backend');
    const live = await backendOnA.read({ cluster: spec.model.name, desired });
    // Only the names both fabrics use show up, as collisions labelled for the other fabric.
    expect(live.length).toBeGreaterThan(0);
    expect(live.every((o) => !o.owned)).toBe(true);
    expect(live.map((o) => o.address).sort()).toEqual(desired.filter((d) => frontendVersions.has(`${(d.attrs as any).kind}/${(d.attrs as any).metadata.name}`)).map((d) => d.address).sort());

    const changes = diffResources(desired, live, { schemas: resourceSchema });
    const error = await backendOnA.apply(changes, new Map(live.map((o) => [o.address, o])), recordingEvents()).catch((e: unknown) => e);
    backendOnA.close();
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).message).toMatch(/ belongs to diet fabric frontend of cluster ux-case-128gpu; refusing to touch it from fabric backend$/);
    expect(await versions('a')).toEqual(frontendVersions);
  });
});
