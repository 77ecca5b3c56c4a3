import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import { openStateStore, STATE_SCHEMA_VERSION } from '../../../src/state/index.js';
import { STATE_MIGRATIONS, type StateMigration } from '../../../src/state/migrations.js';
import { runMigrations } from '../../../src/state/run-migrations.js';
import { device, fileDigest, makeTempDir } from './state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

function schemaOf(path: string): { version: number; objects: unknown[] } {
  const raw = new Database(path, { readonly: true });
  const version = raw.pragma('user_version', { simple: true }) as number;
  const objects = raw.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
  raw.close();
  return { version, objects };
}

describe('state migrations', () => {
  it('the version constant follows the migration list, numbered 1..n', () => {
    expect(STATE_SCHEMA_VERSION).toBe(STATE_MIGRATIONS.length);
    expect(STATE_MIGRATIONS.map((m) => m.version)).toEqual(STATE_MIGRATIONS.map((_, i) => i + 1));
  });

  it('bring an empty SQLite file to the current version with every table', () => {
    const path = join(tmp.dir, 'empty.db');
    new Database(path).close();
    expect(schemaOf(path).version).toBe(0);
    openStateStore(path).close();
    const { version, objects } = schemaOf(path);
    expect(version).toBe(STATE_SCHEMA_VERSION);
    const tables = objects.filter((o) => (o as { type: string }).type === 'table').map((o) => (o as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['plans', 'snapshots', 'snapshot_resources', 'events']));
  });

  it('are idempotent: reopening runs nothing and changes neither schema nor bytes', () => {
    const path = join(tmp.dir, 'state.db');
    openStateStore(path).close();
    const schema = schemaOf(path);
    const digest = fileDigest(path);
    openStateStore(path).close();
    expect(schemaOf(path)).toEqual(schema);
    expect(fileDigest(path)).toBe(digest);

    const raw = new Database(path);
    expect(runMigrations(raw, path)).toEqual([]);
    raw.close();
  });

  it('run only the missing steps, in order, each recorded in user_version', () => {
    const path = join(tmp.dir, 'state.db');
    const raw = new Database(path);
    const seen: number[] = [];
    const extra: StateMigration = {
      version: STATE_SCHEMA_VERSION + 1,
      name: 'test: add a column',
      up: (db) => {
        seen.push(db.pragma('user_version', { simple: true }) as number);
        db.exec('ALTER TABLE events ADD COLUMN actor TEXT');
      },
    };
    expect(runMigrations(raw, path, STATE_MIGRATIONS)).toEqual(STATE_MIGRATIONS.map((m) => m.version));
    expect(runMigrations(raw, path, [...STATE_MIGRATIONS, extra])).toEqual([extra.version]);
    expect(seen).toEqual([STATE_SCHEMA_VERSION]);
    expect(raw.pragma('user_version', { simple: true })).toBe(extra.version);
    raw.close();
  });

  it('a failing migration is rolled back, named in the error, and leaves the file unchanged', () => {
    const path = join(tmp.dir, 'state.db');
    const store = openStateStore(path);
    store.saveSnapshot({ cluster: 'c1', kind: 'manual', createdAt: 't', resources: [device('leaf-01', 'leaf')] });
    store.close();
    const before = fileDigest(path);
    const schema = schemaOf(path);

    const broken: StateMigration = {
      version: STATE_SCHEMA_VERSION + 1,
      name: 'test: half-done change',
      up: (db) => {
        db.exec('CREATE TABLE apply_steps (id INTEGER PRIMARY KEY)');
        db.exec('DELETE FROM snapshot_resources');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    const raw = new Database(path);
    let thrown: unknown;
    try {
      runMigrations(raw, path, [...STATE_MIGRATIONS, broken]);
    } catch (err) {
      thrown = err;
    }
    raw.close();
    expect(thrown).toBeInstanceOf(StateError);
    expect((thrown as StateError).message).toContain(`migration ${broken.version} (test: half-done change) failed`);
    expect((thrown as StateError).message).toContain('no such table: no_such_table');
    expect(schemaOf(path)).toEqual(schema);
    expect(fileDigest(path)).toBe(before);
  });

  it('v4 (adopted resources): a snapshot written by a v3 file reads back unmarked and still verifies', () => {
    const path = join(tmp.dir, 'state.db');
    const raw = new Database(path);
    runMigrations(raw, path, STATE_MIGRATIONS.slice(0, 3));
    raw.close();
    // The same rows a v3 diet wrote, checksummed the way it did.
    const v3 = new Database(path);
    const row = ['netbox.dcim.device[leaf-01]', 'netbox', 'dcim.device', 'leaf-01', '{"name":"leaf-01"}', '5', null, null];
    const checksum = `sha256:${createHash('sha256').update(`diet-snapshot-rows/1\n${JSON.stringify(row)}\n`).digest('hex')}`;
    const id = Number(v3.prepare("INSERT INTO snapshots (cluster, kind, created_at, resource_count, checksum) VALUES ('c1', 'applied', 't', 1, ?)").run(checksum).lastInsertRowid);
    v3.prepare('INSERT INTO snapshot_resources (snapshot_id, address, target, type, key, attrs, remote_id, fingerprint, depends_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(id, ...row);
    v3.close();
    const store = openStateStore(path);
    expect(store.verifySnapshot(id).ok).toBe(true);
    expect(store.managedResources('c1')!.resources).toEqual([{ address: row[0], target: 'netbox', type: 'dcim.device', key: 'leaf-01', attrs: { name: 'leaf-01' }, remoteId: '5' }]);
    store.close();
    expect(schemaOf(path).version).toBe(4);
  });

  it('a read-only open of an older schema asks for a writing command and does not migrate', () => {
    const path = join(tmp.dir, 'state.db');
    const raw = new Database(path);
    runMigrations(raw, path, STATE_MIGRATIONS.slice(0, STATE_SCHEMA_VERSION - 1));
    raw.close();
    if (STATE_SCHEMA_VERSION === 1) {
      // Only one migration exists so far: "older" is the never-initialized file.
      expect(() => openStateStore(path, { readonly: true })).toThrow(/is empty/);
    } else {
      expect(() => openStateStore(path, { readonly: true })).toThrow(/uses schema v/);
    }
    expect(schemaOf(path).version).toBe(STATE_SCHEMA_VERSION - 1);
  });
});
