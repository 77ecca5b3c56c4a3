/**
 * Rollback of a failed apply and `diet snapshot restore` through the built binary, against
 * the in-memory NetBox (test/support/fake-netbox.ts), which fails writes on request. The
 * real servers are covered by test/live/*\/rollback*.test.ts.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateStore } from '../../src/state/index.js';
import { FakeNetbox } from '../support/fake-netbox.js';
import { dietEnv, runDietAsync } from './run-diet-async.js';
import { crashSigns, REPO, removeTempDirs, tempDir } from './run-diet.js';

afterAll(removeTempDirs);

const LAB = join(REPO, 'examples', 'lab', 'lab.yaml');
let netbox: FakeNetbox;
let dir: string;
let diet: (args: readonly string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

beforeEach(async () => {
  netbox = new FakeNetbox();
  await netbox.start();
  dir = tempDir('diet-rollback');
  const env = dietEnv({ DIET_NETBOX_URL: netbox.url, DIET_NETBOX_TOKEN: 'good-token' });
  diet = (args) => runDietAsync([...args, '--state', 'state.db', '--no-color'], { cwd: dir, env });
});
afterEach(() => netbox.stop());

/** Every NetBox object as `table:name:status` (a cable by its ends), sorted: ids change when objects are recreated. */
const contents = () => {
  const ifaceName = new Map(netbox.all('iface').map((i) => [i.id, `${String(netbox.all('device').find((d) => d.id === i.device)?.name)}:${String(i.name)}`]));
  const nameOf = (o: Record<string, unknown>) => String(o.name ?? o.slug ?? [...(o.a as number[]), ...(o.b as number[])].map((id) => ifaceName.get(id)).sort().join('+'));
  return ['tag', 'site', 'manufacturer', 'role', 'dtype', 'device', 'iface', 'cable'].flatMap((t) => netbox.all(t).map((o) => `${t}:${nameOf(o)}:${String(o.status ?? '')}`)).sort();
};
const snapshots = () => {
  const store = openStateStore(join(dir, 'state.db'), { readonly: true });
  try {
    return store.listSnapshots('lab').map((s) => `${s.id} ${s.kind}`);
  } finally {
    store.close();
  }
};
/** Cable creates fail: devices and interfaces exist by then, so there is something to undo. */
const failCables = () => (netbox.faultFor = (method, path) => (method === 'POST' && path.startsWith('/api/dcim/cables/') ? { status: 500, body: { error: 'injected' } } : undefined));
const withServers = (n: number) => {
  const file = join(tempDir('diet-rollback-spec'), 'lab.yaml');
  writeFileSync(file, readFileSync(LAB, 'utf8').replace('quantity: 8', `quantity: ${n}`));
  return file;
};

describe('rollback of a failed apply', () => {
  it('undoes every change of the failed apply, exits 3, and keeps the previous applied snapshot', async () => {
    const first = await diet(['apply', '-f', withServers(6), '--target', 'netbox', '--auto-approve', '-q']);
    expect(first.code, first.stderr).toBe(0);
    const before = contents();
    failCables();
    const run = await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve']);
    expect(crashSigns(run.stderr)).toEqual([]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/Error: apply failed at netbox\.dcim\.cable\[[^\]]+\] \(create\): .*500/);
    expect(run.stderr).toMatch(/\d+ of \d+ changes were applied before the failure; rolling back to pre-apply snapshot 3\./);
    expect(run.stderr).toMatch(/Rollback complete: \d+ restored \(\d+ deleted\); every object the plan touched reads back as before the apply\. State was not updated\./);
    expect(contents()).toEqual(before);
    expect(snapshots()).toEqual(['3 pre-apply', '2 applied', '1 pre-apply']);
    const history = JSON.parse((await diet(['state', 'history', '--json'])).stdout);
    expect(history.events.slice(0, 2).map((e: { kind: string }) => e.kind)).toEqual(['rollback', 'apply-failed']);
    netbox.faultFor = undefined;
    const plan = await diet(['plan', '-f', withServers(6), '--target', 'netbox', '--refresh', 'live', '--detailed-exitcode']);
    expect(plan.code, plan.stdout).toBe(0);
  });

  it('--json carries the rollback with what was restored and the pre-apply snapshot', async () => {
    failCables();
    const run = await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '--json']);
    expect(run.code, run.stderr).toBe(3);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ type: 'result', format_version: '1', status: 'rolled-back', snapshot_id: null, pre_apply_snapshot_id: 1, failed: { action: 'create' } });
    expect(result.rollback).toMatchObject({ status: 'rolled-back', pre_apply_snapshot_id: 1, not_restored: [] });
    expect(result.rollback.restored.length).toBe(result.applied);
    expect(result.rollback.restored[0]).toEqual({ address: expect.stringMatching(/^netbox\./), action: 'delete' });
    expect(contents()).toEqual([]);
  });

  it('reports what it could not restore, and exits 1', async () => {
    failCables();
    // The rollback's deletes of devices fail as well.
    const failing = netbox.faultFor!;
    netbox.faultFor = (method, path, body) => failing(method, path, body) ?? (method === 'DELETE' && path.startsWith('/api/dcim/devices/') ? { status: 500, body: { error: 'disk full' } } : undefined);
    const run = await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/Rollback incomplete: 0 restored, 101 not restored:\n {2}netbox\.dcim\.device\[leaf-01\] +failed: NetBox failed on DELETE \/api\/dcim\/devices\/ with 500 Internal Server Error: disk full\n/);
    expect(run.stderr).toMatch(/ {2}netbox\.dcim\.interface\[leaf-01:E1\/1\/1\] +not-attempted: the restore stopped at netbox\.dcim\.device\[leaf-01\] before reaching it/);
    expect(run.stderr).toContain('diet snapshot restore 1');
    expect(snapshots()).toEqual(['1 pre-apply']);
  });

  it('--no-rollback leaves the changes, exits 1 and names the restore that undoes them; the restore does', async () => {
    failCables();
    const run = await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '--no-rollback']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('stay in place (--no-rollback); state was not updated.');
    expect(run.stderr).toContain('To undo them: diet snapshot restore 1');
    netbox.faultFor = undefined;
    expect(netbox.all('device').length).toBeGreaterThan(0);

    const dry = await diet(['snapshot', 'restore', '1', '--dry-run', '--detailed-exitcode']);
    expect(dry.code, dry.stderr).toBe(2);
    expect(dry.stderr).toMatch(/^Restoring snapshot 1 \(lab, pre-apply, [^)]+\) in netbox:/m);
    expect(dry.stdout).toMatch(/Plan: 0 to add, 0 to change, \d+ to destroy\./);
    const dryJson = await diet(['snapshot', 'restore', '1', '--dry-run', '--json']);
    expect(dryJson.code, dryJson.stderr).toBe(0);
    expect(JSON.parse(dryJson.stdout)).toMatchObject({ format_version: '1', kind: 'snapshot-restore', dry_run: true, cluster: 'lab', snapshot: { id: 1, kind: 'pre-apply' }, targets: ['netbox'], summary: { add: 0, change: 0 }, blocked: [], recorded_unowned: [], warnings: [] });
    expect(netbox.all('device').length).toBeGreaterThan(0);

    const unapproved = await diet(['snapshot', 'restore', '1']);
    expect(unapproved.code).toBe(1);
    expect(unapproved.stderr).toContain('Error: refusing to restore without approval: stdin is not a terminal');

    const restored = await diet(['snapshot', 'restore', '1', '--auto-approve']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/Restore complete: \d+ restored \(\d+ deleted\); everything in netbox reads back as snapshot 1\. State snapshot 3 \(restore\) is what diet manages now \(pre-apply snapshot 2\)\./);
    expect(contents()).toEqual([]);
    const again = await diet(['snapshot', 'restore', '1', '--dry-run', '--detailed-exitcode']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');
  });
});

describe('snapshot restore', () => {
  it('brings NetBox back to an earlier applied snapshot after a changed spec was applied, as --json', async () => {
    expect((await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '-q'])).code).toBe(0);
    const eight = contents();
    const shrink = await diet(['apply', '-f', withServers(5), '--target', 'netbox', '--auto-approve', '-q']);
    expect(shrink.code, shrink.stderr).toBe(0);
    expect(contents()).not.toEqual(eight);
    const applied = snapshots().filter((s) => s.endsWith('applied')).map((s) => Number(s.split(' ')[0]));
    const target = Math.min(...applied);

    const run = await diet(['snapshot', 'restore', String(target), '--auto-approve', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ format_version: '1', kind: 'snapshot-restore', dry_run: false, status: 'restored', snapshot: { id: target, kind: 'applied' }, targets: ['netbox'], not_restored: [], failed: null, rollback: null });
    expect(doc.summary.add).toBeGreaterThan(0);
    expect(doc.restored.length).toBe(doc.resource_changes.length);
    expect(contents()).toEqual(eight);
    const plan = await diet(['plan', '-f', LAB, '--target', 'netbox', '--detailed-exitcode']);
    expect(plan.code, plan.stdout).toBe(0);
    const history = JSON.parse((await diet(['state', 'history', '--json'])).stdout);
    expect(history.events[0]).toMatchObject({ kind: 'restore', detail: { snapshot_id: target, restore_snapshot_id: doc.restore_snapshot_id } });
  });

  it('refuses a tampered snapshot, which verify also reports', async () => {
    expect((await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '-q'])).code).toBe(0);
    const db = new Database(join(dir, 'state.db'));
    db.prepare("UPDATE snapshot_resources SET attrs = replace(attrs, '\"planned\"', '\"offline\"') WHERE snapshot_id = 2 AND type = 'dcim.device'").run();
    db.close();
    const verify = await diet(['snapshot', 'verify', '2']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(/snapshot 2 \(lab, applied, [^)]+\): MISMATCH/);
    const before = contents();
    for (const args of [['--dry-run'], ['--auto-approve']]) {
      const run = await diet(['snapshot', 'restore', '2', ...args]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^Error: refusing to restore snapshot 2: it does not match its checksum \(expected sha256:[0-9a-f]+, actual sha256:[0-9a-f]+\); its rows were changed outside diet\n {2}hint: /);
    }
    expect(contents()).toEqual(before);
  });
});
