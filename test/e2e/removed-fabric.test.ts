/**
 * A fabric removed from the spec while the state still records objects diet created in its
 * Kubernetes: with its Kubernetes settings gone from the configuration too, every command
 * that would have to delete them (or compare them) refuses with a message naming the fabric
 * and how to proceed, before any request is sent (the frontend's server here does not even
 * exist). Deleting them for real is tested against real API servers in
 * test/live/kubernetes/removed-fabric.test.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservedResource } from '../../src/resource/resource.js';
import { openStateStore } from '../../src/state/index.js';
import { crashSigns, REPO, removeTempDirs, runDiet, tempDir } from './run-diet.js';

afterAll(removeTempDirs);

const LAB = join(REPO, 'examples', 'lab', 'lab.yaml');
const MESSAGE =
  'Error: fabric backend is no longer in the spec, but the state records 2 Kubernetes objects diet created there (e.g. kubernetes.wiring.githedgehog.com/Server[backend/gpu-001]); deleting them needs its Kubernetes target, and the configuration has no fabrics.backend.kubernetes';

function recorded(kind: string, fabric: string, name: string): ObservedResource {
  const type = `wiring.githedgehog.com/${kind}`;
  const attrs = { apiVersion: 'wiring.githedgehog.com/v1beta1', kind, metadata: { name, namespace: 'default', labels: { 'diet.githedgehog.com/cluster': 'lab', 'diet.githedgehog.com/fabric': fabric } }, spec: {} };
  return { address: `kubernetes.${type}[${fabric}/${name}]`, target: 'kubernetes', type, key: `${fabric}/${name}`, attrs, remoteId: `uid-${name}`, fingerprint: '1', dependsOn: [] };
}

let dir: string;
const diet = (args: string[]) => runDiet(args, { cwd: dir, env: { DIET_KUBE_TOKEN_FE: 'x', DIET_NETBOX_URL: '' } });

beforeAll(() => {
  dir = tempDir('diet-removed-fabric');
  mkdirSync(join(dir, '.diet'));
  const store = openStateStore(join(dir, '.diet', 'state.db'));
  store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: '2026-01-01T00:00:00Z', resources: [recorded('Server', 'frontend', 'server-001'), recorded('Server', 'backend', 'gpu-001'), recorded('Switch', 'backend', 'be-leaf-01')] });
  store.close();
  // Only the frontend has Kubernetes settings, and nothing listens there.
  writeFileSync(join(dir, 'diet.config.yaml'), 'fabrics:\n  frontend:\n    kubernetes:\n      server: https://127.0.0.1:1\n      tokenEnv: DIET_KUBE_TOKEN_FE\n');
});

describe('a fabric removed from the spec and from the configuration', () => {
  it.each([
    ['plan', '-f', LAB, '--target', 'kubernetes', '--refresh', 'live'],
    ['apply', '-f', LAB, '--target', 'kubernetes', '--auto-approve'],
    ['diff', '-f', LAB, '--target', 'kubernetes'],
  ])('diet %s is refused naming the fabric and how to proceed', (...args) => {
    const run = diet(args);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(MESSAGE);
    expect(run.stderr).toContain('hint: to delete them, add fabrics.backend.kubernetes (server, tokenEnv, caFile) back to the configuration and apply (afterwards it can go); to keep them, put fabric backend back into the spec; --target netbox leaves Kubernetes alone');
    expect(run.stderr).not.toContain('127.0.0.1:1');
    expect(crashSigns(run.stderr)).toEqual([]);
  });

  it('a plan against state shows the deletes; applying it is refused naming the fabric, and nothing is recorded', () => {
    const plan = diet(['plan', '-f', LAB, '--target', 'kubernetes', '-o', 'plan.json']);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain('- kubernetes.wiring.githedgehog.com/Server[backend/gpu-001]');
    expect(plan.stdout).toContain('- kubernetes.wiring.githedgehog.com/Switch[backend/be-leaf-01]');
    const apply = diet(['apply', 'plan.json']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: the plan deletes 2 Kubernetes objects of fabric backend \(e\.g\. kubernetes\.wiring\.githedgehog\.com\/\w+\[backend\/[\w-]+\]\), which the spec no longer wants, but the configuration has no fabrics\.backend\.kubernetes$/m);
    const store = openStateStore(join(dir, '.diet', 'state.db'), { readonly: true });
    try {
      expect(store.listSnapshots('lab')).toHaveLength(1);
      expect(store.listLocks()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('--target netbox leaves Kubernetes alone and is not refused for it', () => {
    const run = diet(['plan', '-f', LAB, '--target', 'netbox', '--refresh', 'live']);
    expect(run.stderr).not.toContain('fabric backend');
    expect(run.stderr).toContain('Error: no NetBox configured');
  });
});
