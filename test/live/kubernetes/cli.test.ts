// The same acceptance points through the built CLI (`diet apply`, `diet diff`), with a config
// file that gives each fabric its own API server, token and CA: frontend → server a,
// backend → server b.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_128GPU, removeTempDirs, runDiet, tempDir } from '../../e2e/run-diet.js';
import { env, expandExample, fabricDesired, freshServers, patchAs, raw, rawObjectPath, rawObjects, releaseServers, writeBothFabricsConfig } from './kube-fixtures.js';

let dir: string;
let tokens: Record<string, string>;
let counts: { frontend: number; backend: number };
beforeAll(async () => {
  await freshServers();
  const spec = await expandExample();
  counts = { frontend: fabricDesired(spec, 'frontend').length, backend: fabricDesired(spec, 'backend').length };
  dir = tempDir('diet-kube-cli');
  tokens = writeBothFabricsConfig(dir);
});
afterAll(() => {
  releaseServers();
  removeTempDirs();
});

const diet = (args: string[], extraEnv: Record<string, string> = {}) => runDiet(args, { cwd: dir, env: { ...tokens, ...extraEnv } });

describe('diet apply and diet diff against real API servers', () => {
  it('applies both fabrics, each to its own server, and diffs empty right after', async () => {
    const apply = diet(['apply', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--auto-approve']);
    expect(apply.stderr).not.toMatch(/Error/);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch(`Apply complete! Resources: ${counts.frontend + counts.backend} added, 0 changed, 0 destroyed.`);
    expect((await rawObjects('a')).size).toBe(counts.frontend);
    expect((await rawObjects('b')).size).toBe(counts.backend);
    const diff = diet(['diff', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--detailed-exitcode']);
    expect(diff.code).toBe(0);
    expect(diff.stdout).toMatch(/^No differences\./m);
  });

  it('shows a hand edit of a spec field as drift, not labels, and apply takes it back', async () => {
    expect((await patchAs('a', 'someone-else', 'Switch', 'fe-spine-01', { spec: { role: 'border-leaf' }, metadata: { labels: { owner: 'ops' } } })).status).toBe(200);
    const diff = diet(['diff', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--detailed-exitcode', '--json']);
    expect(diff.code).toBe(2);
    const doc = JSON.parse(diff.stdout);
    expect(doc.resource_changes.filter((c: any) => c.action !== 'noop').map((c: any) => [c.address, c.attr_changes])).toEqual([
      ['kubernetes.wiring.githedgehog.com/Switch[frontend/fe-spine-01]', [{ path: 'spec.role', before: 'border-leaf', after: 'spine' }]],
    ]);
    const apply = diet(['apply', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--auto-approve']);
    expect(apply.code).toBe(0);
    expect(apply.stdout).toMatch('Apply complete! Resources: 0 added, 1 changed, 0 destroyed.');
    const sw = (await raw('a', 'GET', rawObjectPath('Switch', 'fe-spine-01'))).body;
    expect([sw.spec.role, sw.metadata.labels.owner]).toEqual(['spine', 'ops']);
    expect(diet(['diff', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--detailed-exitcode']).code).toBe(0);
  });

  it('a token without permissions: exit 1 with one 403 line, and nothing changes', async () => {
    const before = await rawObjects('a');
    const apply = diet(['apply', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--auto-approve'], { DIET_KUBE_TOKEN_FE: env('a').tokenNoPerm });
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: 403 Forbidden: user "diet-noperm" may not list [a-z0-9]+\.(wiring|vpc)\.githedgehog\.com in namespace default$/m);
    const after = await rawObjects('a');
    expect([...after].map(([k, o]) => [k, o.metadata.resourceVersion])).toEqual([...before].map(([k, o]) => [k, o.metadata.resourceVersion]));
  });

  it('a fabric without its own Kubernetes settings is refused; there is no fallback to any kubeconfig', () => {
    writeFileSync(join(dir, 'frontend-only.yaml'), `fabrics:\n  frontend:\n    kubernetes:\n      server: ${env('a').server}\n      tokenEnv: DIET_KUBE_TOKEN_FE\n      caFile: ${env('a').caFile}\n`);
    const apply = diet(['--config', 'frontend-only.yaml', 'apply', '-f', EXAMPLE_128GPU, '--target', 'kubernetes', '--auto-approve'], { KUBECONFIG: env('b').kubeconfig });
    expect(apply.code).toBe(1);
    expect(apply.stderr).toMatch(/^Error: no Kubernetes target configured for fabric backend$/m);
  });
});
