// The state lock across both real servers, with the lab example applied to NetBox and to the
// frontend fabric's kube-apiserver by one command: two such applies at once take both scopes
// (netbox, kubernetes/frontend) or wait for them, so exactly one writes; an apply of NetBox
// only and one of Kubernetes only hold different scopes and run side by side.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, rawObjects } from '../kubernetes/kube-fixtures.js';
import { lockKube, services as kubeServices, unlockKube } from '../kubernetes/kube-instances.js';
import { count, diet, EXAMPLE_LAB, freshNetbox, listAll, LOCK_WAIT, specVariant, tempState, unlockNetbox } from './netbox-fixtures.js';

const state = tempState();
const config = join(state, '..', 'diet.config.yaml');
const seven = specVariant(EXAMPLE_LAB, (doc) => {
  if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 7;
});

beforeAll(async () => {
  // This file needs the project's kube-apiserver too: take its lock as well (always in this order).
  await freshNetbox();
  kubeServices('start', 'a');
  await lockKube(LOCK_WAIT);
  kubeServices('reset', 'a');
  writeFileSync(config, `fabrics:\n  frontend:\n    kubernetes:\n      server: ${env('a').server}\n      tokenEnv: DIET_KUBE_TOKEN_FE\n      caFile: ${env('a').caFile}\n`);
}, LOCK_WAIT);
afterAll(() => {
  unlockKube();
  unlockNetbox();
});

const run = (args: string[]) => diet(['--config', config, ...args, '--state', state], { DIET_KUBE_TOKEN_FE: env('a').token });

describe('applies to NetBox and Kubernetes at once', () => {
  it('two applies of both targets: one applies everything, the other waits for both scopes and finds nothing to do', async () => {
    const args = ['apply', '-f', EXAMPLE_LAB, '--auto-approve', '--lock-timeout', '10m'];
    const runs = await Promise.all([run(args), run(args)]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const applied = runs.filter((r) => r.stdout.includes('Apply complete! Resources: 157 added, 0 changed, 0 destroyed.'));
    const other = runs.filter((r) => r.stdout.includes('No changes.'));
    expect([applied.length, other.length], runs.map((r) => r.stdout.slice(-300) + r.stderr).join('\n')).toEqual([1, 1]);
    expect(other[0].stderr).toMatch(/^Waiting up to 10m00s for the lock on cluster lab \(kubernetes\/frontend, netbox\), held by /m);
    // One apply's writes: every object created once, nothing deleted.
    const log = (await listAll('/api/core/object-changes/')).map((c) => `${c.action.value} ${c.changed_object_type} ${c.object_repr}`);
    expect(log.filter((l) => l.startsWith('delete '))).toEqual([]);
    expect(log.filter((l) => l.startsWith('create dcim.device ')).sort()).toEqual((await listAll('/api/dcim/devices/?tag=diet-lab')).map((d) => `create dcim.device ${d.name}`).sort());
    expect(await count('/api/dcim/devices/?tag=diet-lab')).toBe(11);
    const objects = await rawObjects('a');
    expect(objects.size).toBe(32);
    for (const [key, o] of objects) expect([key, o.metadata.generation]).toEqual([key, 1]);
  }, 600_000);

  it('an apply of NetBox only and one of Kubernetes only hold different scopes and run side by side', async () => {
    const runs = await Promise.all([run(['apply', '-f', seven, '--target', 'netbox', '--auto-approve']), run(['apply', '-f', seven, '--target', 'kubernetes', '--auto-approve'])]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(runs[0].stdout).toMatch(/Apply complete! Resources: 0 added, 0 changed, \d+ destroyed\./);
    expect(runs[1].stdout).toContain('Apply complete! Resources: 0 added, 0 changed, 3 destroyed.');
    for (const r of runs) expect(r.stderr).not.toContain('Waiting');
    expect(await count('/api/dcim/devices/?name=server-008')).toBe(0);
    expect((await rawObjects('a')).has('Server/server-008')).toBe(false);
    // Each apply recorded its own target; together the state knows both.
    const plan = await run(['plan', '-f', seven, '--detailed-exitcode']);
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
  }, 600_000);
});
