// The apply guards against the real NetBox, with the small lab example: the state lock keeps
// two applies of one cluster apart (the other one waits and then finds nothing to do, or
// fails at once naming the holder), and a saved plan whose premises no longer hold is
// refused before anything is written (applied already, or an object it changes was edited
// in NetBox meanwhile). NetBox's change log shows what was written: the same changes as one
// apply alone, or none at all. The tests of this file build on each other, in order.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockHeld } from '../lock-held.js';
import { count, diet, EXAMPLE_LAB, freshNetbox, listAll, LOCK_WAIT, rest, specVariant, tempState, unlockNetbox, type Run } from './netbox-fixtures.js';

const ADDED = 'Apply complete! Resources: 125 added, 0 changed, 0 destroyed.';
const serversVariant = (quantity: number) =>
  specVariant(EXAMPLE_LAB, (doc) => {
    if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = quantity;
  });
const seven = serversVariant(7);
const six = serversVariant(6);

beforeAll(() => freshNetbox(), LOCK_WAIT);
afterAll(() => unlockNetbox());

/** What NetBox's change log holds, one line per change without ids and times: equal for equal writes. */
async function changeLog(): Promise<string[]> {
  const changes = await listAll('/api/core/object-changes/');
  return changes.map((c) => `${c.action.value} ${c.changed_object_type} ${c.object_repr}`).sort();
}

/** The lines `after` has beyond `before` (as multisets); throws when `after` lost one of `before`'s. */
function newLines(before: readonly string[], after: readonly string[]): string[] {
  const rest = [...after];
  for (const line of before) {
    const i = rest.indexOf(line);
    if (i < 0) throw new Error(`the change log lost ${line}`);
    rest.splice(i, 1);
  }
  return rest;
}

/** The live result of an apply: devices with their status, interface and cable counts. */
async function liveLab(): Promise<{ devices: string[]; interfaces: number; cables: number }> {
  const devices = (await listAll('/api/dcim/devices/?tag=diet-lab')).map((d) => `${d.name} ${d.status.value}`).sort();
  return { devices, interfaces: await count('/api/dcim/interfaces/?tag=diet-lab'), cables: await count('/api/dcim/cables/?tag=diet-lab') };
}

/** After a reset NetBox has new workers: a kept-alive connection to an old one is reset once. */
async function netboxAnswers(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await rest('/api/status/')).status === 200) return;
    } catch (error) {
      if (attempt >= 20) throw error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const lockMessage = /^Error: cluster lab is locked \(netbox\) by \S+@\S+, pid (\d+) on \S+, for .+ running `diet apply .+`/m;

let reference: { log: string[]; live: Awaited<ReturnType<typeof liveLab>> };

describe('the first saved plan, made against an empty state and an empty NetBox', () => {
  const state = tempState();
  const statePlan = join(state, '..', 'first-state.json');
  const livePlan = join(state, '..', 'first-live.json');

  it('is applied once', async () => {
    for (const [file, refresh] of [[statePlan, 'state'], [livePlan, 'live']]) {
      const plan = await diet(['plan', '-f', EXAMPLE_LAB, '--target', 'netbox', '--refresh', refresh, '-o', file, '--state', state]);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toContain('Plan: 125 to add, 0 to change, 0 to destroy.');
    }
    const run = await diet(['apply', statePlan, '--state', state]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(ADDED);
    reference = { log: await changeLog(), live: await liveLab() };
    expect(reference.live.devices).toHaveLength(11);
    expect(reference.log.filter((line) => line.startsWith('delete '))).toEqual([]);
    expect(reference.log.filter((line) => line.startsWith('create dcim.device '))).toHaveLength(11);
  }, 600_000);

  it('applying it again is refused as stale and writes nothing', async () => {
    const run = await diet(['apply', statePlan, '--state', state]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: the plan is stale: it was made against an empty state, but the latest applied snapshot is \d+$/m);
    expect(await changeLog()).toEqual(reference.log);
  });

  it('so is the same plan made against live NetBox, and either one with a state that does not know the apply', async () => {
    const live = await diet(['apply', livePlan, '--state', state]);
    expect(live.code).toBe(1);
    expect(live.stderr).toMatch(/^Error: the plan is stale: netbox\.\S+ appeared, .* since it was made$/m);
    // A new state file: the state baseline matches (empty), NetBox does not.
    for (const file of [statePlan, livePlan]) {
      const run = await diet(['apply', file, '--state', tempState()]);
      expect(run.code, run.stdout).toBe(1);
      expect(run.stderr).toMatch(/^Error: the plan is stale: netbox\.\S+ (exists already|appeared), /m);
    }
    expect(await changeLog()).toEqual(reference.log);
    expect(await liveLab()).toEqual(reference.live);
  });
});

const state = tempState();

describe('two diet apply at once on the same cluster', () => {

  it('with --lock-timeout: one applies, the other waits, then finds nothing to do; NetBox got one apply', async () => {
    await freshNetbox();
    await netboxAnswers();
    expect(await count('/api/core/object-changes/')).toBe(0);
    const args = ['apply', '-f', EXAMPLE_LAB, '--target', 'netbox', '--auto-approve', '--lock-timeout', '10m', '--state', state];
    const runs = await Promise.all([diet(args), diet(args)]);
    for (const run of runs) expect(run.code, run.stderr).toBe(0);
    const applied = runs.filter((r) => r.stdout.includes(ADDED));
    const waited = runs.filter((r) => r.stdout.includes('No changes.'));
    expect([applied.length, waited.length]).toEqual([1, 1]);
    expect(waited[0].stderr).toMatch(/^Waiting up to 10m00s for the lock on cluster lab \(netbox\), held by \S+, pid \d+ on /m);
    expect(await changeLog()).toEqual(reference.log);
    expect(await liveLab()).toEqual(reference.live);
  }, 600_000);

  it('without: the second fails at once with the lock message naming the holder, and writes nothing', async () => {
    const before = await changeLog();
    const args = ['apply', '-f', seven, '--target', 'netbox', '--auto-approve', '--state', state];
    const first = diet(args);
    await lockHeld(state);
    const second = await diet(args);
    const done: Run = await first;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/Apply complete! Resources: 0 added, 0 changed, \d+ destroyed\./);
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(lockMessage);
    expect(second.stderr).toContain('hint: wait for it to finish (pass --lock-timeout 5m to wait)');
    expect(second.stdout).not.toContain('Apply complete');
    // Only the first apply's deletes of server-008 (device, interfaces, cables) are in the log.
    const added = newLines(before, await changeLog());
    expect(added.filter((line) => line.startsWith('delete dcim.device '))).toEqual(['delete dcim.device server-008']);
    expect(added.filter((line) => line.startsWith('create '))).toEqual([]);
    expect((await liveLab()).devices).toEqual(reference.live.devices.filter((d) => !d.startsWith('server-008 ')));
  }, 600_000);

  it('the same saved plan twice at once: one applies, the waiting one then refuses it as stale', async () => {
    const file = join(state, '..', 'six.json');
    const plan = await diet(['plan', '-f', six, '--target', 'netbox', '-o', file, '--state', state]);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/Plan: 0 to add, 0 to change, \d+ to destroy\./);
    const before = await changeLog();
    const runs = await Promise.all([diet(['apply', file, '--lock-timeout', '10m', '--state', state]), diet(['apply', file, '--lock-timeout', '10m', '--state', state])]);
    const applied = runs.filter((r) => r.code === 0);
    const refused = runs.filter((r) => r.code === 1);
    expect([applied.length, refused.length], runs.map((r) => r.stderr).join('\n')).toEqual([1, 1]);
    expect(applied[0].stdout).toMatch(/Apply complete! Resources: 0 added, 0 changed, \d+ destroyed\./);
    expect(refused[0].stderr).toMatch(/^Error: the plan is stale: it was made against state snapshot \d+, but the latest applied snapshot is \d+$/m);
    const added = newLines(before, await changeLog());
    expect(added.filter((line) => line.startsWith('create '))).toEqual([]);
    expect(added.filter((line) => line.startsWith('delete dcim.device '))).toEqual(['delete dcim.device server-007']);
  }, 600_000);
});

describe('a saved plan whose object was edited in NetBox after planning', () => {
  it('is refused, naming the object, for a plan against state and against live NetBox; nothing is written', async () => {
    const five = serversVariant(5);
    const plans: string[] = [];
    for (const refresh of ['state', 'live']) {
      const file = join(state, '..', `five-${refresh}.json`);
      const plan = await diet(['plan', '-f', five, '--target', 'netbox', '--refresh', refresh, '-o', file, '--state', state]);
      expect(plan.code, plan.stderr).toBe(0);
      expect(plan.stdout).toMatch(/- netbox\.dcim\.device\[server-006\]/);
      plans.push(file);
    }
    const server = (await rest('/api/dcim/devices/?name=server-006')).body.results[0];
    expect((await rest(`/api/dcim/devices/${server.id}/`, 'PATCH', { status: 'active' })).status).toBe(200);
    const logged = await count('/api/core/object-changes/');
    for (const file of plans) {
      const run = await diet(['apply', file, '--state', state]);
      expect(run.code, run.stdout).toBe(1);
      expect(run.stderr).toMatch(/^Error: the plan is stale: .*netbox\.dcim\.device\[server-006\] changed/m);
      expect(run.stdout).not.toContain('Apply complete');
    }
    expect(await count('/api/core/object-changes/')).toBe(logged);
    expect(await rest(`/api/dcim/devices/${server.id}/`)).toMatchObject({ status: 200, body: { name: 'server-006', status: { value: 'active' } } });
  }, 600_000);
});
