// A fabric removed from the spec entirely, through the built CLI against real API servers
// (frontend → server a, backend → server b): the objects diet created in the backend's
// Kubernetes are planned as deletes against its configured server and deleted by apply,
// the frontend's objects are untouched, and state forgets the backend. Without the backend's
// settings in the configuration the apply is refused, naming the fabric, and nothing changes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_128GPU, removeTempDirs, runDiet, tempDir } from '../../e2e/run-diet.js';
import { expandExample, fabricDesired, fabricKubernetesYaml, freshServers, rawObjects, releaseServers, writeBothFabricsConfig, type Instance } from './kube-fixtures.js';

let dir: string;
let withoutBackend: string;
let tokens: Record<string, string>;
let counts: { frontend: number; backend: number };

beforeAll(async () => {
  await freshServers();
  const spec = await expandExample();
  counts = { frontend: fabricDesired(spec, 'frontend').length, backend: fabricDesired(spec, 'backend').length };
  dir = tempDir('diet-kube-removed-fabric');
  tokens = writeBothFabricsConfig(dir);
  writeFileSync(join(dir, 'frontend-only.yaml'), `fabrics:\n  frontend:\n${fabricKubernetesYaml('a', 'DIET_KUBE_TOKEN_FE')}`);
  // The 128-GPU case without its backend fabric: no backend.yaml, no backend rails on the servers.
  withoutBackend = mkdtempSync(join(tmpdir(), 'diet-kube-no-backend-'));
  cpSync(EXAMPLE_128GPU, withoutBackend, { recursive: true });
  rmSync(join(withoutBackend, 'backend.yaml'));
  const cluster = parse(readFileSync(join(withoutBackend, 'cluster.yaml'), 'utf8'));
  for (const c of cluster.spec.serverClasses) {
    c.connections = c.connections.filter((x: { id: string }) => !x.id.startsWith('be-rail'));
    c.nics = c.nics.filter((x: { id: string }) => !x.id.startsWith('be-rail'));
  }
  writeFileSync(join(withoutBackend, 'cluster.yaml'), stringify(cluster));
});
afterAll(() => {
  releaseServers();
  removeTempDirs();
  rmSync(withoutBackend, { recursive: true, force: true });
});

const diet = (args: string[]) => runDiet(args, { cwd: dir, env: tokens });
const versions = async (instance: Instance) => new Map([...(await rawObjects(instance))].map(([k, o]) => [k, o.metadata.resourceVersion as string]));

describe('a fabric removed from the spec', () => {
  let frontendVersions: Map<string, string>;

  it('both fabrics applied, each to its own server', async () => {
    const apply = diet(['apply', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--auto-approve']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toContain(`Apply complete! Resources: ${counts.frontend + counts.backend} added, 0 changed, 0 destroyed.`);
    frontendVersions = await versions('a');
    expect(frontendVersions.size).toBe(counts.frontend);
    expect((await rawObjects('b')).size).toBe(counts.backend);
  });

  it('without the backend in the configuration either: refused naming the fabric, and nothing changes', async () => {
    const backendVersions = await versions('b');
    const apply = diet(['--config', 'frontend-only.yaml', 'apply', '-f', withoutBackend, '--target', 'kubernetes', '--auto-approve']);
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(new RegExp(`^Error: fabric backend is no longer in the spec, but the state records ${counts.backend} Kubernetes objects diet created there \\(e\\.g\\. kubernetes\\.\\S+\\[backend/\\S+\\]\\); deleting them needs its Kubernetes target, and the configuration has no fabrics\\.backend\\.kubernetes$`, 'm'));
    expect(apply.stderr).toContain('hint: to delete them, add fabrics.backend.kubernetes');
    expect(await versions('a')).toEqual(frontendVersions);
    expect(await versions('b')).toEqual(backendVersions);
  });

  it('diet diff shows every backend object as a delete and the frontend unchanged', () => {
    const diff = diet(['diff', '-f', withoutBackend, '--target', 'kubernetes', '--json']);
    expect(diff.code, diff.stderr).toBe(0);
    const doc = JSON.parse(diff.stdout);
    expect(doc.targets.sort()).toEqual(['kubernetes/backend', 'kubernetes/frontend']);
    const changes = doc.resource_changes.filter((c: { action: string }) => c.action !== 'noop');
    expect(changes).toHaveLength(counts.backend);
    expect(changes.every((c: { action: string; key: string }) => c.action === 'delete' && c.key.startsWith('backend/'))).toBe(true);
  });

  it('apply deletes the backend objects from its own server, leaves the frontend alone, and state forgets them', async () => {
    const apply = diet(['apply', '-f', withoutBackend, '--target', 'kubernetes', '--auto-approve']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toContain(`Apply complete! Resources: 0 added, 0 changed, ${counts.backend} destroyed.`);
    expect((await rawObjects('b')).size).toBe(0);
    expect(await versions('a')).toEqual(frontendVersions);
    const list = diet(['state', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).not.toContain('[backend/');
    // Nothing left to do, and the backend's settings are no longer needed.
    const again = diet(['--config', 'frontend-only.yaml', 'plan', '-f', withoutBackend, '--target', 'kubernetes', '--refresh', 'live', '--detailed-exitcode']);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });
});
