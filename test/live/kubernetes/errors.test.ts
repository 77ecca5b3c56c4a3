// What goes wrong against a real API server, and how diet says it: a token without
// permissions (403), an object the CRD schema rejects (422) in the middle of an apply, a
// field the CRD does not know, an unreachable server, a certificate from another CA, a wrong
// token, a missing CRD. Each is one line naming what failed, and nothing else is changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, TargetError } from '../../../src/diag/errors.js';
import type { ExpandedSpec } from '../../../src/engine/expand-spec.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import { createKubernetesTarget } from '../../../src/targets/kubernetes/live/create-kubernetes-target.js';
import { env, expandExample, fabricDesired, freshServers, kubeConfig, planFabric, raw, rawObjects, recordingEvents, releaseServers, targetFor } from './kube-fixtures.js';
import { services } from './kube-instances.js';

let spec: ExpandedSpec;
let desired: DesiredResource[];
beforeAll(async () => {
  await freshServers();
  spec = await expandExample();
  desired = fabricDesired(spec, 'frontend');
});
afterAll(releaseServers);

async function rejection(promise: Promise<unknown>): Promise<TargetError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TargetError);
  return error as TargetError;
}

/** The frontend desired objects with one Switch's role replaced by a value outside the CRD enum. */
function withBadSwitch(index: number): { objects: DesiredResource[]; bad: DesiredResource } {
  const switches = desired.filter((d) => d.type.endsWith('/Switch'));
  const victim = switches[index];
  const bad = { ...victim, attrs: { ...victim.attrs, spec: { ...(victim.attrs.spec as object), role: 'bogus' } } } as DesiredResource;
  return { objects: desired.map((d) => (d === victim ? bad : d)), bad };
}

describe('errors from a real API server', () => {
  it('a token without permissions: a clear 403 on read and on apply, and nothing changes', async () => {
    const noperm = targetFor('frontend', 'a', { token: env('a').tokenNoPerm });
    // /version and API discovery are open to every authenticated user, so the probe passes.
    await expect(noperm.probe()).resolves.toMatchObject({ version: expect.stringMatching(/^v1\./) });
    const readError = await rejection(noperm.read({ cluster: spec.model.name, desired }));
    expect(readError.status).toBe(403);
    expect(readError.message).toMatch(/^403 Forbidden: user "diet-noperm" may not list [a-z0-9]+\.(wiring|vpc)\.githedgehog\.com in namespace default$/);
    expect(readError.hint).toMatch(/Role in namespace default with verbs get, list, patch and delete/);

    const admin = targetFor('frontend', 'a');
    const { changes } = await planFabric(admin, spec.model.name, desired);
    admin.close();
    const outcome = await noperm.apply(changes, new Map(), recordingEvents());
    noperm.close();
    expect(outcome.applied).toEqual([]);
    expect(outcome.failed).toMatchObject({ address: changes[0].address, action: 'create', status: 403 });
    expect(outcome.failed!.message).toBe('403 Forbidden: user "diet-noperm" may not patch vlannamespaces.wiring.githedgehog.com in namespace default');
    expect((await rawObjects('a')).size).toBe(0);
  });

  it('an object the API rejects (422): the error names the field, and the outcome says exactly what was applied before', async () => {
    const { objects, bad } = withBadSwitch(2);
    const target = targetFor('frontend', 'a', {}, { concurrency: 1 });
    const { changes } = await planFabric(target, spec.model.name, objects);
    const outcome = await target.apply(changes, new Map(), recordingEvents());
    target.close();
    const badIndex = changes.findIndex((c) => c.address === bad.address);
    expect(outcome.applied.map((s) => s.address)).toEqual(changes.slice(0, badIndex).map((c) => c.address));
    expect(outcome.failed).toMatchObject({ address: bad.address, action: 'create', status: 422 });
    expect(outcome.failed!.fields).toEqual({ 'spec.role': [expect.stringMatching(/^Unsupported value: "bogus": supported values: "spine", /)] });
    expect(outcome.failed!.message).toMatch(new RegExp(`^422 Invalid: Switch default/${(bad.attrs as any).metadata.name}: spec\\.role: Unsupported value: "bogus": supported values: `));
    const stored = await rawObjects('a');
    expect([...stored.keys()].sort()).toEqual(outcome.applied.map((s) => s.address.replace(/^kubernetes\.[^/]+\/(\w+)\[frontend\/(.*)\]$/, '$1/$2')).sort());
  });

  it('with concurrency, the objects that were in flight next to the failure are reported too, exactly as stored', async () => {
    services('reset', 'a');
    const { objects, bad } = withBadSwitch(0);
    const target = targetFor('frontend', 'a', {}, { concurrency: 4 });
    const { changes } = await planFabric(target, spec.model.name, objects);
    const outcome = await target.apply(changes, new Map(), recordingEvents());
    target.close();
    expect(outcome.failed?.address).toBe(bad.address);
    expect(outcome.applied.some((s) => s.address.includes('/Server[') || s.address.includes('/Connection['))).toBe(false);
    const stored = await rawObjects('a');
    expect([...stored.keys()].sort()).toEqual(outcome.applied.map((s) => s.address.replace(/^kubernetes\.[^/]+\/(\w+)\[frontend\/(.*)\]$/, '$1/$2')).sort());
  });

  it('a field the CRD does not declare fails at once (no retries of that 500), naming the field', async () => {
    services('reset', 'a');
    const sw = desired.find((d) => d.type.endsWith('/Switch'))!;
    const odd = { ...sw, attrs: { ...sw.attrs, spec: { ...(sw.attrs.spec as object), colour: 'blue' } } } as DesiredResource;
    const attempts: number[] = [];
    const target = targetFor('frontend', 'a', {}, { onRequest: (e) => e.method === 'PATCH' && attempts.push(e.attempt) });
    const { changes } = await planFabric(target, spec.model.name, [odd]);
    const outcome = await target.apply(changes, new Map(), recordingEvents());
    target.close();
    expect(attempts).toEqual([1]);
    expect(outcome.failed).toMatchObject({ status: 500, fields: { 'spec.colour': ['field not declared in schema'] } });
    expect(outcome.failed!.message).toMatch(/: spec\.colour: field not declared in the CRD schema$/);
  });

  it('an unreachable server, a certificate from another CA and a wrong token: one line with a hint each', async () => {
    const closed = createKubernetesTarget(kubeConfig('frontend', 'a', { server: 'https://127.0.0.1:1' }));
    const refused = await rejection(closed.probe());
    expect(refused.message).toBe('cannot reach the Kubernetes API of fabric frontend at https://127.0.0.1:1: connection refused');
    expect(refused.hint).toMatch(/fabrics\.frontend\.kubernetes\.server/);

    const otherCa = targetFor('frontend', 'a', { ca: env('b').ca });
    const tls = await rejection(otherCa.probe());
    expect(tls.message).toMatch(new RegExp(`^TLS verification of ${env('a').server.replace(/\./g, '\\.')} \\(fabric frontend\\) failed: `));
    expect(tls.hint).toMatch(/caFile/);
    const systemRoots = targetFor('frontend', 'a', { ca: undefined });
    expect((await rejection(systemRoots.probe())).message).toMatch(/^TLS verification of /);

    const wrongToken = targetFor('frontend', 'a', { token: 'not-a-token' });
    const unauthorized = await rejection(wrongToken.probe());
    expect(unauthorized.message).toBe(`401 Unauthorized: the API server at ${env('a').server} rejected the token of fabric frontend`);
    for (const t of [closed, otherCa, systemRoots, wrongToken]) t.close();
  });

  it('no configuration falls back to anything: a missing server or token, or a plain-http URL, is a ConfigError', () => {
    expect(() => createKubernetesTarget(kubeConfig('frontend', 'a', { token: '' }))).toThrow(ConfigError);
    expect(() => createKubernetesTarget(kubeConfig('frontend', 'a', { server: '' }))).toThrow(/fabric frontend has no Kubernetes API server/);
    expect(() => createKubernetesTarget(kubeConfig('frontend', 'a', { server: 'http://127.0.0.1:6443' }))).toThrow(/must be an https:\/\/ URL/);
  });

  it('a missing Hedgehog CRD: the probe names it', async () => {
    const crd = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/servers.wiring.githedgehog.com';
    try {
      expect((await raw('b', 'DELETE', crd)).status).toBe(200);
      for (let i = 0; i < 100 && (await raw('b', 'GET', crd)).status !== 404; i++) await new Promise((r) => setTimeout(r, 100));
      const target = targetFor('backend', 'b');
      const missing = await rejection(target.probe());
      target.close();
      expect(missing.message).toBe(`fabric backend at ${env('b').server}: CRD servers.wiring.githedgehog.com is not installed`);
      expect(missing.hint).toMatch(/install the Hedgehog fabric CRDs/);
    } finally {
      services('reset', 'b'); // re-applies the CRDs from deploy/crds
    }
    const restored = targetFor('backend', 'b');
    await expect(restored.probe()).resolves.toMatchObject({ warnings: [] });
    restored.close();
  });
});
