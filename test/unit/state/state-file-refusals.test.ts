import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import { openStateStore, STATE_SCHEMA_VERSION } from '../../../src/state/index.js';
import { connection, fileDigest, makeTempDir } from './state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.cleanup());

/** A real state file with enough rows to span many pages, so cutting it hits data. */
function realStateFile(name: string): string {
  const path = join(tmp.dir, name);
  const store = openStateStore(path);
  const resources = Array.from({ length: 400 }, (_, i) => connection(`server-${i}`, `leaf-${i % 8}`, `E1/${i % 48}`));
  store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources });
  store.close();
  return path;
}

/** Every refusal must be a StateError and must leave the file byte-identical, for both kinds of open. */
function expectRefusedUntouched(path: string, message: RegExp): void {
  for (const readonly of [false, true]) {
    const before = fileDigest(path);
    let thrown: unknown;
    try {
      openStateStore(path, { readonly }).close();
    } catch (err) {
      thrown = err;
    }
    expect(thrown, `readonly=${readonly}`).toBeInstanceOf(StateError);
    expect((thrown as StateError).message).toMatch(message);
    expect((thrown as StateError).hint).toBeTruthy();
    expect((thrown as StateError).message).not.toContain('\n');
    expect(fileDigest(path), `readonly=${readonly}`).toBe(before);
    expect(existsSync(path)).toBe(true);
  }
}

describe('state file refusals', () => {
  it('refuses a file written by a newer diet and leaves it byte-identical', () => {
    const path = realStateFile('newer.db');
    const raw = new Database(path);
    raw.pragma(`user_version = ${STATE_SCHEMA_VERSION + 1}`);
    raw.close();
    expectRefusedUntouched(path, new RegExp(`newer diet \\(schema v${STATE_SCHEMA_VERSION + 1}\\); upgrade diet`));
  });

  it('refuses a state file cut in half', () => {
    const original = realStateFile('whole.db');
    const path = join(tmp.dir, 'truncated.db');
    const bytes = readFileSync(original);
    writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectRefusedUntouched(path, /corrupted/);
  });

  it('refuses a file whose pages were damaged behind an intact header', () => {
    const path = realStateFile('damaged.db');
    const bytes = readFileSync(path);
    // Overwrite two pages in the middle of the file, keeping the 100-byte header valid;
    // 0xA5 is not a valid b-tree page type, so the damage is certain to be detectable.
    Buffer.alloc(8192, 0xa5).copy(bytes, Math.floor(bytes.length / 2));
    writeFileSync(path, bytes);
    expectRefusedUntouched(path, /corrupted|not a SQLite database/);
  });

  it('refuses a file of random bytes', () => {
    const path = join(tmp.dir, 'random.db');
    writeFileSync(path, randomBytes(64 * 1024));
    expectRefusedUntouched(path, /not a SQLite database/);
  });

  it("refuses another program's SQLite database instead of adding tables to it", () => {
    const path = join(tmp.dir, 'other.db');
    const raw = new Database(path);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    expectRefusedUntouched(path, /not a diet state file/);
  });

  it('a refused copy does not affect the original it was copied from', () => {
    const original = realStateFile('source.db');
    const copy = join(tmp.dir, 'copy.db');
    copyFileSync(original, copy);
    writeFileSync(copy, readFileSync(copy).subarray(0, 4096));
    expect(() => openStateStore(copy)).toThrow(StateError);
    const store = openStateStore(original, { readonly: true });
    expect(store.listSnapshots('c1')).toHaveLength(1);
    store.close();
  });
});
