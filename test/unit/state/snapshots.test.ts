import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import type { ObservedResource } from '../../../src/resource/resource.js';
import { openStateStore, type StateStore } from '../../../src/state/index.js';
import { connection, device, makeTempDir } from './state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
let store: StateStore;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
  store = openStateStore(path);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

const resources: ObservedResource[] = [
  device('spine-01', 'spine'),
  connection('server-02', 'leaf-01', 'E1/2'),
  device('leaf-01', 'leaf'),
  connection('server-01', 'leaf-01', 'E1/1'),
];

/** Edits the file behind diet's back, as a user with the sqlite3 shell could. */
function rawSql(sql: string, ...params: unknown[]): number {
  const raw = new Database(path);
  const changes = raw.prepare(sql).run(...params).changes;
  raw.close();
  return changes;
}

describe('snapshots', () => {
  it('round-trip their resources sorted by address, with optional fields kept absent', () => {
    const rec = store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't1', note: 'before change', planId: 'p1', resources });
    expect(rec).toMatchObject({ cluster: 'c1', kind: 'manual', note: 'before change', planId: 'p1', resourceCount: 4 });
    expect(rec.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
    const got = store.getSnapshot(rec.id);
    expect(got?.record).toEqual(rec);
    expect(got?.resources.map((r) => r.address)).toEqual([...resources].map((r) => r.address).sort());
    expect(got?.resources.find((r) => r.key === 'leaf-01')).toEqual(device('leaf-01', 'leaf'));
    expect(store.getSnapshot(rec.id + 1)).toBeUndefined();
  });

  it('checksum depends on content, not on the order resources or attribute keys were given in', () => {
    const a = store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources });
    const shuffled = [...resources].reverse().map((r) => ({ ...r, attrs: Object.fromEntries(Object.entries(r.attrs).reverse()) }));
    const b = store.saveSnapshot({ cluster: 'c2', kind: 'applied', createdAt: 'u', resources: shuffled });
    expect(b.checksum).toBe(a.checksum);
    const changed = [...resources.slice(1), { ...resources[0], fingerprint: 'other' }];
    expect(store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources: changed }).checksum).not.toBe(a.checksum);
  });

  it('record which objects were adopted: the mark round-trips, counts in the checksum, and unmarked rows hash as before', () => {
    const plain = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources });
    // Rows without the mark hash exactly as before the mark existed (eight fields per row).
    const raw = new Database(path, { readonly: true });
    const rows = raw.prepare('SELECT address, target, type, key, attrs, remote_id, fingerprint, depends_on FROM snapshot_resources WHERE snapshot_id = ? ORDER BY address').raw().all(plain.id) as unknown[][];
    raw.close();
    const before = createHash('sha256').update(`diet-snapshot-rows/1\n${rows.map((r) => `${JSON.stringify(r)}\n`).join('')}`).digest('hex');
    expect(plain.checksum).toBe(`sha256:${before}`);
    const marked = resources.map((r) => (r.key === 'leaf-01' ? { ...r, adopted: true } : r));
    const rec = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources: marked });
    expect(rec.checksum).not.toBe(plain.checksum);
    const got = store.getSnapshot(rec.id)!.resources;
    expect(got.find((r) => r.key === 'leaf-01')).toEqual({ ...device('leaf-01', 'leaf'), adopted: true });
    expect(got.filter((r) => r.adopted)).toHaveLength(1);
    expect(store.verifySnapshot(rec.id).ok).toBe(true);
    expect(rawSql('UPDATE snapshot_resources SET adopted = NULL WHERE snapshot_id = ?', rec.id)).toBe(4);
    expect(store.verifySnapshot(rec.id).ok).toBe(false);
  });

  it('verify passes untouched and reports a mismatch after one row is tampered with', () => {
    const rec = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources });
    expect(store.verifySnapshot(rec.id)).toEqual({ snapshotId: rec.id, ok: true, expected: rec.checksum, actual: rec.checksum });

    const edited = rawSql(
      'UPDATE snapshot_resources SET attrs = ? WHERE snapshot_id = ? AND address = ?',
      '{"name":"leaf-01","role":"spine","status":"planned","tags":["diet"]}',
      rec.id,
      'netbox.dcim.device[leaf-01]',
    );
    expect(edited).toBe(1);
    const result = store.verifySnapshot(rec.id);
    expect(result.ok).toBe(false);
    expect(result.expected).toBe(rec.checksum);
    expect(result.actual).not.toBe(rec.checksum);
  });

  it('verify detects a deleted row and refuses an unknown id', () => {
    const rec = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources });
    rawSql('DELETE FROM snapshot_resources WHERE snapshot_id = ? AND address = ?', rec.id, 'netbox.dcim.device[spine-01]');
    expect(store.verifySnapshot(rec.id).ok).toBe(false);
    expect(() => store.verifySnapshot(999)).toThrow(StateError);
  });

  it('reading a row whose JSON was broken outside diet gives a StateError, not a crash', () => {
    const rec = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources });
    rawSql("UPDATE snapshot_resources SET attrs = '{not json' WHERE snapshot_id = ? AND address = ?", rec.id, 'netbox.dcim.device[leaf-01]');
    expect(() => store.getSnapshot(rec.id)).toThrow(/snapshot \d+ is damaged: attrs of netbox.dcim.device\[leaf-01\]/);
  });

  it('latestSnapshot goes by increasing id, not by the createdAt text, and filters by kind', () => {
    const first = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: '2030-01-01T00:00:00Z', resources });
    const second = store.saveSnapshot({ cluster: 'c1', kind: 'pre-apply', createdAt: '2020-01-01T00:00:00Z', resources });
    const other = store.saveSnapshot({ cluster: 'c2', kind: 'applied', createdAt: '2021-01-01T00:00:00Z', resources });
    expect(second.id).toBeGreaterThan(first.id);
    expect(store.latestSnapshot('c1')?.id).toBe(second.id);
    expect(store.latestSnapshot('c1', ['applied', 'restore'])?.id).toBe(first.id);
    expect(store.latestSnapshot('c2')?.id).toBe(other.id);
    expect(store.latestSnapshot('c3')).toBeUndefined();
    expect(store.listSnapshots('c1').map((s) => s.id)).toEqual([second.id, first.id]);
    expect(store.listSnapshots().map((s) => s.id)).toEqual([other.id, second.id, first.id]);
  });

  it('ids are never reused after the newest snapshot is deleted', () => {
    const a = store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources });
    const b = store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources });
    expect(store.deleteSnapshots([b.id, 12345])).toBe(1);
    const c = store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources: [] });
    expect(c.id).toBeGreaterThan(b.id);
    expect(store.latestSnapshot('c1')?.id).toBe(c.id);
    expect(store.getSnapshot(b.id)).toBeUndefined();
    expect(store.getSnapshot(a.id)?.resources).toHaveLength(4);
  });

  it('deleting a snapshot removes its rows', () => {
    const a = store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources });
    store.deleteSnapshots([a.id]);
    expect(rawSql('DELETE FROM snapshot_resources WHERE snapshot_id = ?', a.id)).toBe(0);
  });

  it('managedResources is the latest applied or restore snapshot of the cluster', () => {
    expect(store.managedResources('c1')).toBeUndefined();
    const applied = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources: resources.slice(0, 1) });
    store.saveSnapshot({ cluster: 'c1', kind: 'pre-apply', createdAt: 't', resources });
    store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources });
    expect(store.managedResources('c1')?.record.id).toBe(applied.id);
    const restored = store.saveSnapshot({ cluster: 'c1', kind: 'restore', createdAt: 't', resources: resources.slice(0, 2) });
    expect(store.managedResources('c1')?.record.id).toBe(restored.id);
    expect(store.managedResources('c1')?.resources).toHaveLength(2);
  });

  it('refuses duplicate addresses and unknown kinds without storing anything', () => {
    expect(() => store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources: [resources[0], resources[0]] })).toThrow(
      /two resources at netbox.dcim.device\[spine-01\]/,
    );
    const kind = 'nightly' as 'manual';
    expect(() => store.saveSnapshot({ cluster: 'c1', kind, createdAt: 't', resources })).toThrow(StateError);
    expect(store.listSnapshots()).toEqual([]);
  });

  it('a snapshot larger than one insert batch round-trips and verifies', () => {
    const many = Array.from({ length: 257 }, (_, i) => connection(`server-${i}`, `leaf-${i % 4}`, `E1/${i}`));
    const rec = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources: many });
    expect(rec.resourceCount).toBe(257);
    expect(store.getSnapshot(rec.id)?.resources).toHaveLength(257);
    expect(store.verifySnapshot(rec.id).ok).toBe(true);
  });
});
