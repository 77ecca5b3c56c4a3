// Recovery from a killed apply against the real servers: NetBox 4.7 and fabric frontend's
// Kubernetes API server, each behind a loopback fault proxy that slows its writes down so
// there is a middle to kill in. `diet apply --json` runs as a child process and is SIGKILLed
// once its progress events show objects written; then `diet apply --recover` completes the
// run (first case: killed in the NetBox part) or rolls it back (a change on top of the applied
// lab, killed in the NetBox part, then one killed in the Kubernetes part), and NetBox (plain
// REST) and Kubernetes (plain HTTP) are read back and compared with what state says.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSpec } from '../../../src/engine/expand-spec.js';
import { openStateStore } from '../../../src/state/index.js';
import { rawObjects } from '../kubernetes/kube-fixtures.js';
import { diet as runDiet, EXAMPLE_LAB, listAll, LOCK_WAIT, nb, ROOT, specVariant, tempState } from '../netbox/netbox-fixtures.js';
import { startBothServers, type BothServers } from './both-servers.js';

const state = tempState();
let servers: BothServers;

beforeAll(async () => {
  servers = await startBothServers('diet-recover-live-');
}, LOCK_WAIT);
afterAll(() => servers?.stop());

/** diet with the state file and the config: NetBox and frontend's API server (a), each through its proxy. */
const diet = (args: string[]) => runDiet([...args, '--state', state, '--config', servers.config, '--no-color'], servers.env);

/**
 * Starts `diet apply --json` with every write to `target` held back by its proxy, and SIGKILLs
 * it shortly after a progress event says some of that target's objects were written: the next
 * requests are then in flight (journaled as sent, never answered). Killed in the NetBox part,
 * nothing of Kubernetes is written yet.
 */
async function killedApply(spec: string, target: 'netbox' | 'kubernetes' = 'netbox'): Promise<{ done: number; total: number }> {
  const slow = target === 'netbox' ? servers.netboxProxy : servers.kubeProxy;
  slow.rules.push({ methods: ['POST', 'PATCH', 'DELETE'], delayMs: target === 'netbox' ? 1500 : 1000 });
  try {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'diet.js'), 'apply', '-f', spec, '--auto-approve', '--json', '--state', state, '--config', servers.config], {
      cwd: ROOT,
      env: { ...process.env, DIET_NETBOX_TOKEN: nb().token, NO_COLOR: '1', ...servers.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const progress = await new Promise<{ done: number; total: number }>((resolve, reject) => {
      let buffer = '';
      child.stdout.on('data', (d) => {
        buffer += d;
        for (const line of buffer.split('\n').slice(0, -1)) {
          // Only the JSON-lines progress events matter here; other output is skipped.
          let event;
          try {
            event = JSON.parse(line);
          } catch {
            continue;
          }
          if (event.type === 'progress' && event.target === target && event.phase === 'apply' && event.done > 0 && event.done < event.total) resolve(event);
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n') + 1);
      });
      void closed.then((code) => reject(new Error(`apply ended (${code}) before it could be killed: ${stderr}`)));
    });
    // Confirmations are journaled in the turn of the event loop after the progress event:
    // give them a moment (the next request is held back much longer) before the kill.
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGKILL');
    expect(await closed).toBeNull();
    return progress;
  } finally {
    slow.rules.length = 0;
  }
}

async function desiredCounts(spec: string): Promise<{ netbox: number; kubernetes: number; devices: number }> {
  const desired = (await expandSpec([spec])).desired;
  return { netbox: desired.filter((d) => d.target === 'netbox').length, kubernetes: desired.filter((d) => d.target === 'kubernetes').length, devices: desired.filter((d) => d.type === 'dcim.device').length };
}

function readState() {
  const store = openStateStore(state, { readonly: true });
  try {
    const runs = [1, 2, 3, 4, 5].map((id) => store.getApplyRun(id)).filter((r) => r !== undefined);
    const journals = new Map(runs.map((r) => [r.id, store.journalOf(r.id)]));
    return { runs, managed: store.managedResources('lab'), journal: (id: number) => journals.get(id) ?? [] };
  } finally {
    store.close();
  }
}

const devicesInNetbox = async () => (await listAll('/api/dcim/devices/?tag=diet-lab')).map((d) => d.name as string).sort();

describe('diet apply --recover against the real NetBox and Kubernetes', () => {
  it('--complete finishes a killed apply: NetBox and Kubernetes hold the whole lab, state agrees, a new plan is empty', async () => {
    const want = await desiredCounts(EXAMPLE_LAB);
    const killedAt = await killedApply(EXAMPLE_LAB);
    expect(killedAt.done).toBeGreaterThan(0);
    const open = readState();
    expect(open.runs).toEqual([expect.objectContaining({ kind: 'apply', cluster: 'lab', scopes: expect.arrayContaining(['kubernetes/frontend', 'netbox']) })]);
    expect(open.runs[0].outcome).toBeUndefined();
    const states = open.journal(1).map((s) => s.state);
    expect(states).toContain('confirmed');
    expect(states).toContain('intended');
    expect((await rawObjects('a')).size).toBe(0);

    const refused = await diet(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: cluster lab has an interrupted apply: run 1 of plan/);
    expect(refused.stderr).toContain('hint: run `diet apply --recover`');

    const recover = await diet(['apply', '--recover', '--complete', '--auto-approve']);
    expect(recover.code, recover.stderr).toBe(0);
    expect(recover.stdout).toMatch(/^ {2}confirmed +as planned +\+ +netbox\./m);
    expect(recover.stdout).toMatch(/^ {2}\+ +kubernetes\.wiring\.githedgehog\.com\/Switch × 3$/m);
    expect(recover.stdout).toMatch(/^Recovery complete: run 1 completed plan [0-9a-f]+ \(\d+ change\(s\) applied\); state snapshot \d+\.$/m);

    // Live, read without diet's clients.
    expect(await devicesInNetbox()).toHaveLength(want.devices);
    expect((await rawObjects('a')).size).toBe(want.kubernetes);
    // State agrees with live, and with the spec.
    const after = readState();
    expect(after.runs.map((r) => [r.kind, r.outcome])).toEqual([
      ['apply', 'recovered'],
      ['recover', 'applied'],
    ]);
    expect(after.managed?.record.kind).toBe('applied');
    expect(after.managed?.resources.filter((r) => r.target === 'kubernetes')).toHaveLength(want.kubernetes);
    expect(after.managed?.resources.filter((r) => r.type === 'dcim.device')).toHaveLength(want.devices);
    const live = await diet(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode']);
    expect(live.code, live.stdout + live.stderr).toBe(0);
    const fromState = await diet(['plan', '-f', EXAMPLE_LAB, '--detailed-exitcode']);
    expect(fromState.code, fromState.stdout + fromState.stderr).toBe(0);
  });

  it('rolls back by default: a killed change on top of the lab is undone, live equals the pre-apply snapshot', async () => {
    const before = await devicesInNetbox();
    const kubeBefore = [...(await rawObjects('a')).keys()].sort();
    const bigger = specVariant(EXAMPLE_LAB, (doc) => {
      if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 12;
    });
    await killedApply(bigger);
    const open = readState();
    const run = open.runs.find((r) => r.outcome === undefined)!;
    expect(run).toMatchObject({ id: 3, kind: 'apply', preSnapshotId: expect.any(Number) });
    expect((await devicesInNetbox()).length).toBeGreaterThan(before.length);

    const recover = await diet(['apply', '--recover', '--auto-approve', '--json']);
    expect(recover.code, recover.stderr).toBe(0);
    const lines = recover.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.find((l) => l.type === 'recovery')).toMatchObject({ mode: 'rollback', run: { id: 3, pre_apply_snapshot_id: run.preSnapshotId } });
    expect(lines.at(-1)).toMatchObject({ type: 'result', kind: 'recover', status: 'recovered', mode: 'rollback', run_id: 3, remaining: [] });

    expect(await devicesInNetbox()).toEqual(before);
    expect([...(await rawObjects('a')).keys()].sort()).toEqual(kubeBefore);
    const diff = await diet(['snapshot', 'diff', String(run.preSnapshotId), 'live', '--detailed-exitcode']);
    expect(diff.code, diff.stdout + diff.stderr).toBe(0);
    const after = readState();
    expect(after.runs.find((r) => r.id === 3)?.outcome).toBe('recovered');
    expect(after.managed?.record.kind).toBe('restore');
    // State says what live says: the lab as applied in the first case.
    const live = await diet(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode']);
    expect(live.code, live.stdout + live.stderr).toBe(0);
    const fromState = await diet(['plan', '-f', EXAMPLE_LAB, '--detailed-exitcode']);
    expect(fromState.code, fromState.stdout + fromState.stderr).toBe(0);
  });

  it('rolls back an apply killed in its Kubernetes part: what it wrote to both servers is undone', async () => {
    const before = await devicesInNetbox();
    const kubeBefore = [...(await rawObjects('a')).keys()].sort();
    const bigger = specVariant(EXAMPLE_LAB, (doc) => {
      if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = 10;
    });
    await killedApply(bigger, 'kubernetes');
    const run = readState().runs.find((r) => r.outcome === undefined)!;
    const steps = readState().journal(run.id);
    // The NetBox part went through; the Kubernetes part stopped midway, one object at a time.
    expect(steps.filter((s) => s.address.startsWith('netbox.')).every((s) => s.state === 'confirmed')).toBe(true);
    const kubeStates = new Set(steps.filter((s) => s.address.startsWith('kubernetes.')).map((s) => s.state));
    expect(kubeStates.has('confirmed')).toBe(true);
    // Announced a few waves ahead of their requests: the rest is "sent" (maybe written).
    expect(kubeStates.has('sent')).toBe(true);
    expect((await devicesInNetbox()).length).toBe(before.length + 2);
    expect((await rawObjects('a')).size).toBeGreaterThan(kubeBefore.length);

    const recover = await diet(['apply', '--recover', '--rollback', '--auto-approve']);
    expect(recover.code, recover.stderr).toBe(0);
    expect(recover.stdout).toMatch(/^ {2}confirmed +as planned +\+ +kubernetes\./m);
    expect(recover.stdout).toMatch(/^Recovery complete: run \d+ rolled back to pre-apply snapshot \d+/m);
    expect(await devicesInNetbox()).toEqual(before);
    expect([...(await rawObjects('a')).keys()].sort()).toEqual(kubeBefore);
    const diff = await diet(['snapshot', 'diff', String(run.preSnapshotId), 'live', '--detailed-exitcode']);
    expect(diff.code, diff.stdout + diff.stderr).toBe(0);
    const live = await diet(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode']);
    expect(live.code, live.stdout + live.stderr).toBe(0);
  });
});
