/**
 * `diet snapshot …` through the built binary. Snapshots are seeded through the state store
 * API; `create` and `diff A live` read the in-memory NetBox (test/support/fake-netbox.ts)
 * after a real `diet apply` of the lab example.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ObservedResource } from '../../src/resource/resource.js';
import { openStateStore } from '../../src/state/index.js';
import { FakeNetbox } from '../support/fake-netbox.js';
import { dietEnv, runDietAsync } from './run-diet-async.js';
import { crashSigns, REPO, removeTempDirs, runDiet, tempDir } from './run-diet.js';

afterAll(removeTempDirs);

const device = (name: string, status: string, role = 'leaf'): ObservedResource => ({
  address: `netbox.dcim.device[${name}]`,
  target: 'netbox',
  type: 'dcim.device',
  key: name,
  attrs: { name, status, role },
  remoteId: `${name.length}`,
  fingerprint: `fp-${name}`,
});

/** A state file with: 1 applied, 2 manual (leaf-01 changed, leaf-02 gone, leaf-03 new), 3 applied of another cluster. */
function seeded(): string {
  const dir = tempDir('diet-snap');
  const store = openStateStore(join(dir, 'state.db'));
  store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: '2025-01-01T00:00:00.000Z', planId: 'aaaaaaaaaaaa', resources: [device('leaf-01', 'planned'), device('leaf-02', 'planned'), device('spine-01', 'active', 'spine')] });
  store.saveSnapshot({ cluster: 'lab', kind: 'manual', createdAt: '2025-02-01T00:00:00.000Z', note: 'before the window', resources: [device('leaf-01', 'active'), device('leaf-03', 'planned'), device('spine-01', 'active', 'spine')] });
  store.saveSnapshot({ cluster: 'prod', kind: 'applied', createdAt: '2025-03-01T00:00:00.000Z', resources: [device('p-01', 'active')] });
  store.close();
  return dir;
}

function diet(dir: string, args: readonly string[]) {
  return runDiet([...args, '--state', 'state.db', '--no-color'], { cwd: dir });
}

function expectOneLineError(run: { code: number; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.code).toBe(1);
  expect(crashSigns(run.stderr)).toEqual([]);
  expect(run.stderr).toMatch(/^Error: [^\n]+\n {2}hint: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

describe('snapshot list and show', () => {
  it('lists newest first, per cluster, as text and JSON', () => {
    const dir = seeded();
    const all = diet(dir, ['snapshot', 'list']);
    expect(all.code).toBe(0);
    expect(all.stdout.split('\n')[0]).toMatch(/^ID {2}CLUSTER {2}KIND {5}CREATED {19}RESOURCES {2}PLAN {10}NOTE$/);
    expect(all.stdout.split('\n').slice(1, 4).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ['3', 'prod', 'applied'],
      ['2', 'lab', 'manual'],
      ['1', 'lab', 'applied'],
    ]);
    const lab = JSON.parse(diet(dir, ['snapshot', 'list', '--cluster', 'lab', '--json']).stdout);
    expect(lab.format_version).toBe('1');
    expect(lab.snapshots.map((s: { id: number }) => s.id)).toEqual([2, 1]);
    expect(lab.snapshots[0]).toEqual({ id: 2, cluster: 'lab', kind: 'manual', created_at: '2025-02-01T00:00:00.000Z', note: 'before the window', plan_id: null, resource_count: 3, checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
  });

  it('shows kind, note, checksum and resources; --json carries every attribute', () => {
    const dir = seeded();
    const text = diet(dir, ['snapshot', 'show', '2']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Snapshot 2 \(cluster lab, manual\)\n {2}created: {3}2025-02-01T00:00:00\.000Z\n {2}note: {6}before the window\n {2}checksum: {2}sha256:[0-9a-f]{64}\n {2}resources: 3\n\nnetbox\.dcim\.device\[leaf-01\]\nnetbox\.dcim\.device\[leaf-03\]\nnetbox\.dcim\.device\[spine-01\]\n$/);
    const json = JSON.parse(diet(dir, ['snapshot', 'show', '1', '--json']).stdout);
    expect(json.snapshot).toMatchObject({ id: 1, kind: 'applied', plan_id: 'aaaaaaaaaaaa' });
    expect(json.resources[0]).toEqual({ address: 'netbox.dcim.device[leaf-01]', target: 'netbox', type: 'dcim.device', key: 'leaf-01', attrs: { name: 'leaf-01', role: 'leaf', status: 'planned' }, remote_id: '7', fingerprint: 'fp-leaf-01', depends_on: null });
  });

  it('a missing or malformed id exits 1 with a one-line error', () => {
    const dir = seeded();
    expectOneLineError(diet(dir, ['snapshot', 'show', '42']), /there is no snapshot 42 in state\.db/);
    expectOneLineError(diet(dir, ['snapshot', 'show', 'latest']), /snapshot id must be a positive whole number, got "latest"/);
    expectOneLineError(diet(dir, ['snapshot', 'diff', '1', '42']), /there is no snapshot 42/);
  });
});

describe('snapshot diff A B', () => {
  it('shows + ~ - at attribute level from A to B; --detailed-exitcode gives 2, identical snapshots 0', () => {
    const dir = seeded();
    const run = diet(dir, ['snapshot', 'diff', '1', '2', '--detailed-exitcode']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stdout).toBe(
      [
        'Changes from snapshot 1 (lab, applied, 2025-01-01T00:00:00.000Z) to snapshot 2 (lab, manual, 2025-02-01T00:00:00.000Z):',
        '',
        'netbox dcim.device: 1 to create, 1 to update, 1 to destroy',
        '  - netbox.dcim.device[leaf-02]',
        '  ~ netbox.dcim.device[leaf-01]',
        '      ~ status: "planned" -> "active"',
        '  + netbox.dcim.device[leaf-03]',
        '',
        'Diff: 1 to add, 1 to change, 1 to destroy.',
        '',
      ].join('\n'),
    );
    expect(diet(dir, ['snapshot', 'diff', '1', '2']).code).toBe(0);
    const same = diet(dir, ['snapshot', 'diff', '2', '2', '--detailed-exitcode']);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('No differences between snapshot 2');
  });

  it('--json prints the changes in the plan document shape', () => {
    const dir = seeded();
    const doc = JSON.parse(diet(dir, ['snapshot', 'diff', '1', '2', '--json']).stdout);
    expect(doc).toMatchObject({ format_version: '1', kind: 'snapshot-diff', cluster: 'lab', from: { id: 1 }, to: { id: 2 }, summary: { add: 1, change: 1, destroy: 1 } });
    const update = doc.resource_changes.find((c: { action: string }) => c.action === 'update');
    expect(update).toMatchObject({ address: 'netbox.dcim.device[leaf-01]', attr_changes: [{ path: 'status', before: 'planned', after: 'active' }] });
  });
});

describe('snapshot verify', () => {
  it('passes untouched snapshots; a tampered one exits 1 naming it', () => {
    const dir = seeded();
    const ok = diet(dir, ['snapshot', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(['snapshot 1 (lab, applied, 2025-01-01T00:00:00.000Z): ok', 'snapshot 2 (lab, manual, 2025-02-01T00:00:00.000Z): ok', 'snapshot 3 (prod, applied, 2025-03-01T00:00:00.000Z): ok', ''].join('\n'));

    const raw = new Database(join(dir, 'state.db'));
    raw.prepare(`UPDATE snapshot_resources SET attrs = '{"name":"leaf-01","role":"spine","status":"active"}' WHERE snapshot_id = 2 AND key = 'leaf-01'`).run();
    raw.close();
    const bad = diet(dir, ['snapshot', 'verify']);
    expectOneLineError(bad, /^Error: snapshot 2 \(cluster lab, manual\) does not match its checksum: its rows were changed outside diet\n/);
    expect(bad.stdout).toMatch(/^snapshot 2 \(lab, manual, [^)]+\): MISMATCH expected sha256:[0-9a-f]{64}, actual sha256:[0-9a-f]{64}$/m);
    expect(diet(dir, ['snapshot', 'verify', '1']).code).toBe(0);
    expect(diet(dir, ['snapshot', 'verify', '2']).code).toBe(1);
    const json = diet(dir, ['snapshot', 'verify', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).snapshots.map((s: { id: number; ok: boolean }) => [s.id, s.ok])).toEqual([[1, true], [2, false], [3, true]]);
  });
});

describe('snapshot prune', () => {
  it('--dry-run changes nothing; prune removes old ones but never the latest applied snapshot of a cluster', () => {
    const dir = seeded();
    const before = readFileSync(join(dir, 'state.db'));
    const dry = diet(dir, ['snapshot', 'prune', '--keep', '0', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe(
      [
        'Would delete snapshot 2 (lab, manual, 2025-02-01T00:00:00.000Z)',
        'Kept snapshot 1 (lab, applied, 2025-01-01T00:00:00.000Z): the latest applied snapshot of lab',
        'Kept snapshot 3 (prod, applied, 2025-03-01T00:00:00.000Z): the latest applied snapshot of prod',
        'Would delete 1 snapshot.',
        '',
      ].join('\n'),
    );
    expect(readFileSync(join(dir, 'state.db')).equals(before)).toBe(true);

    const none = diet(dir, ['snapshot', 'prune', '--older-than', '100000d']);
    expect(none.stdout).toBe('Deleted 0 snapshots.\n');
    const run = diet(dir, ['snapshot', 'prune', '--keep', '0', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).deleted.map((s: { id: number }) => s.id)).toEqual([2]);
    expect(JSON.parse(diet(dir, ['snapshot', 'list', '--json']).stdout).snapshots.map((s: { id: number }) => s.id)).toEqual([3, 1]);
    expect(JSON.parse(diet(dir, ['state', 'history', '--json']).stdout).events[0]).toMatchObject({ kind: 'snapshot-prune', detail: { deleted: [2] } });
  });

  it('needs a rule, and refuses malformed values', () => {
    const dir = seeded();
    expectOneLineError(diet(dir, ['snapshot', 'prune']), /needs --keep N, --older-than DURATION, or both/);
    expectOneLineError(diet(dir, ['snapshot', 'prune', '--older-than', '30 days']), /--older-than must be a duration/);
    expectOneLineError(diet(dir, ['snapshot', 'prune', '--keep', 'some']), /--keep must be a whole number/);
  });
});

describe('snapshot create and diff against live (in-memory NetBox)', () => {
  it('records the live objects after an apply; diff against live is empty until someone edits NetBox', async () => {
    const netbox = new FakeNetbox();
    await netbox.start();
    try {
      const dir = tempDir('diet-snap-live');
      const env = dietEnv({ DIET_NETBOX_URL: netbox.url, DIET_NETBOX_TOKEN: 'good-token' });
      const diet = (args: readonly string[]) => runDietAsync([...args, '--state', 'state.db', '--no-color'], { cwd: dir, env });
      const lab = join(REPO, 'examples', 'lab', 'lab.yaml');

      const applied = await diet(['apply', '-f', lab, '--target', 'netbox', '--auto-approve', '-q']);
      expect(applied.code, applied.stderr).toBe(0);
      const appliedId = Number(/state snapshot (\d+)\)/.exec(applied.stdout)![1]);

      const created = await diet(['snapshot', 'create', '-f', lab, '--target', 'netbox', '--note', 'after the first apply', '--json']);
      expect(created.code, created.stderr).toBe(0);
      const doc = JSON.parse(created.stdout);
      expect(doc).toMatchObject({ format_version: '1', snapshot: { id: appliedId + 1, cluster: 'lab', kind: 'manual', note: 'after the first apply' }, unowned: 0, targets: ['netbox'] });
      expect(doc.owned).toBeGreaterThan(0);
      expect(doc.snapshot.resource_count).toBe(doc.owned);

      const same = await diet(['snapshot', 'diff', String(appliedId), String(appliedId + 1), '--detailed-exitcode']);
      expect(same.code, same.stdout).toBe(0);
      const live = await diet(['snapshot', 'diff', String(appliedId), 'live', '--detailed-exitcode']);
      expect(live.code, live.stdout + live.stderr).toBe(0);
      expect(live.stdout).toContain('No differences between snapshot');

      const leaf = netbox.all('device').find((d) => d.name === 'leaf-01')!;
      leaf.status = 'offline';
      const drift = await diet(['snapshot', 'diff', String(appliedId), 'live', '--detailed-exitcode']);
      expect(drift.code, drift.stderr).toBe(2);
      expect(drift.stdout).toContain(`Changes from snapshot ${appliedId} (lab, applied,`);
      expect(drift.stdout).toContain('to the live objects (netbox):');
      expect(drift.stdout).toMatch(/ {2}~ netbox\.dcim\.device\[leaf-01\]\n {6}~ status: "\w+" -> "offline"/);
      expect(drift.stdout).toContain('Diff: 0 to add, 1 to change, 0 to destroy.');
      const history = await diet(['state', 'history', '--json']);
      expect(JSON.parse(history.stdout).events[0]).toMatchObject({ kind: 'snapshot', detail: { snapshot_id: appliedId + 1, note: 'after the first apply' } });
    } finally {
      await netbox.stop();
    }
  });

  it('diff against live without a configured target for the snapshot\'s objects exits 1', () => {
    const dir = seeded();
    expectOneLineError(diet(dir, ['snapshot', 'diff', '1', 'live']), /no NetBox configured \(needed by netbox\.dcim\.device\[leaf-01\]\)/);
  });
});
