import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import { openStateStore, STATE_SCHEMA_VERSION } from '../../../src/state/index.js';
import { connection, device, fileDigest, makeTempDir } from './state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

describe('openStateStore', () => {
  it('creates the parent directories and the file, and a reopen keeps everything', () => {
    const path = join(tmp.dir, 'nested', '.diet', 'state.db');
    const store = openStateStore(path);
    store.savePlan({ id: 'p1', cluster: 'c1', createdAt: '2026-01-01T00:00:00Z', digest: 'sha256:aa', document: '{"a":1}' });
    const snap = store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: '2026-01-01T00:00:01Z', resources: [device('leaf-01', 'leaf')] });
    store.appendEvent({ cluster: 'c1', at: '2026-01-01T00:00:02Z', kind: 'apply', detail: { snapshot: snap.id } });
    store.close();
    expect(existsSync(path)).toBe(true);

    const again = openStateStore(path);
    expect(again.getPlan('p1')?.document).toBe('{"a":1}');
    expect(again.getSnapshot(snap.id)?.resources).toEqual([device('leaf-01', 'leaf')]);
    expect(again.listEvents('c1').map((e) => e.detail)).toEqual([{ snapshot: snap.id }]);
    again.close();
  });

  it('marks the file as diet state: WAL mode, application id and current user_version', () => {
    const path = join(tmp.dir, 'state.db');
    openStateStore(path).close();
    expect(readFileSync(path).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('application_id', { simple: true })).toBe(0x64696574);
    expect(raw.pragma('user_version', { simple: true })).toBe(STATE_SCHEMA_VERSION);
    raw.close();
  });

  it('reads through a read-only open and refuses writes on it', () => {
    const path = join(tmp.dir, 'state.db');
    const writer = openStateStore(path);
    writer.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources: [connection('server-01', 'leaf-01', 'E1/1')] });
    writer.close();
    const before = fileDigest(path);

    const reader = openStateStore(path, { readonly: true });
    expect(reader.readonly).toBe(true);
    expect(reader.managedResources('c1')?.resources).toHaveLength(1);
    expect(() => reader.appendEvent({ cluster: 'c1', at: 't', kind: 'x' })).toThrow(StateError);
    expect(() => reader.deleteSnapshots([1])).toThrow(/read-only/);
    reader.close();
    expect(fileDigest(path)).toBe(before);
  });

  it('never creates a file on a read-only open or when create is false', () => {
    const path = join(tmp.dir, 'missing', 'state.db');
    expect(() => openStateStore(path, { readonly: true })).toThrow(StateError);
    expect(() => openStateStore(path, { create: false })).toThrow(/no state file/);
    expect(existsSync(join(tmp.dir, 'missing'))).toBe(false);
  });

  it('refuses a read-only open of a file that was never initialized', () => {
    const path = join(tmp.dir, 'empty.db');
    new Database(path).close(); // a zero-length file is an empty SQLite database
    expect(() => openStateStore(path, { readonly: true })).toThrow(/is empty/);
    expect(readFileSync(path)).toHaveLength(0);
  });

  it('refuses a directory given as the state path', () => {
    const path = join(tmp.dir, 'state.db');
    mkdirSync(path);
    expect(() => openStateStore(path)).toThrow(/not a file/);
  });
});
