/**
 * State integrity through the built binary: every command that opens the state file —
 * plan, apply, show, state, snapshot, lock — refuses a corrupted file and one written by a
 * newer diet with a one-line error and a hint (exit 1), before reading a spec or touching a
 * target, and leaves the file byte-identical (read-only opens may leave SQLite's empty WAL
 * side files, as docs/state.md says; nothing else).
 */
import Database from 'better-sqlite3';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../src/state/index.js';
import { crashSigns, REPO, removeTempDirs, runDiet, tempDir } from './run-diet.js';

afterAll(removeTempDirs);

const LAB = join(REPO, 'examples', 'lab', 'lab.yaml');

const COMMANDS: readonly (readonly string[])[] = [
  ['plan', '-f', LAB],
  ['apply', 'plan.json', '--auto-approve'],
  ['apply', '-f', LAB, '--auto-approve'],
  ['show', 'abcdef123456'],
  ['state', 'list'],
  ['state', 'history'],
  ['snapshot', 'list'],
  ['snapshot', 'show', '1'],
  ['snapshot', 'diff', '1', '2'],
  ['snapshot', 'diff', '1', 'live'],
  ['snapshot', 'verify'],
  ['snapshot', 'prune', '--keep', '1'],
  ['snapshot', 'prune', '--keep', '1', '--dry-run'],
  ['snapshot', 'create', '-f', LAB],
  ['lock', 'status'],
  ['lock', 'break', '--force'],
];

let good: string;

beforeAll(() => {
  // A real state file with a plan, two snapshots and a lock: several pages to damage.
  const dir = tempDir('diet-refuse-src');
  expect(runDiet(['plan', '-q', '-f', LAB, '--state', 'state.db'], { cwd: dir }).code).toBe(0);
  const store = openStateStore(join(dir, 'state.db'));
  const resources = Array.from({ length: 200 }, (_, i) => ({ address: `netbox.dcim.device[d-${i}]`, target: 'netbox' as const, type: 'dcim.device', key: `d-${i}`, attrs: { name: `d-${i}`, status: 'active', role: 'leaf' } }));
  store.saveSnapshot({ cluster: 'lab', kind: 'applied', createdAt: '2025-01-01T00:00:00Z', resources });
  store.saveSnapshot({ cluster: 'lab', kind: 'manual', createdAt: '2025-01-02T00:00:00Z', resources: resources.slice(1) });
  store.acquireLock({ cluster: 'lab', scopes: ['netbox'], token: 't', holder: 'u@h', pid: 1, host: 'elsewhere', command: 'diet apply', at: '2025-01-01T00:00:00Z' });
  store.close();
  good = join(dir, 'state.db');
});

/** Deterministic bytes that are not SQLite. */
function noise(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let x = 0x1234567;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

const BAD_FILES: Record<string, { make: (path: string) => void; message: RegExp }> = {
  'damaged in the middle': {
    make: (path) => {
      const bytes = readFileSync(good);
      expect(bytes.length).toBeGreaterThan(6 * 4096);
      noise(4096).copy(bytes, 3 * 4096);
      writeFileSync(path, bytes);
    },
    message: /state file state\.db is corrupted|not a SQLite database/,
  },
  'written by a newer diet': {
    make: (path) => {
      copyFileSync(good, path);
      const db = new Database(path);
      db.pragma('user_version = 9999');
      db.close();
    },
    message: /^Error: state file state\.db was written by a newer diet \(schema v9999\); upgrade diet\n/,
  },
};

describe.each(Object.entries(BAD_FILES))('a state file %s', (_, bad) => {
  let dir: string;
  let before: Buffer;
  let listing: string[];
  beforeAll(() => {
    dir = tempDir('diet-refuse');
    bad.make(join(dir, 'state.db'));
    before = readFileSync(join(dir, 'state.db'));
    listing = readdirSync(dir).sort();
  });

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('diet %s: exit 1, one-line error, file byte-identical', (_name, args) => {
    const run = runDiet([...args, '--state', 'state.db', '--no-color'], { cwd: dir, env: { DIET_NETBOX_URL: 'http://127.0.0.1:9', DIET_NETBOX_TOKEN: 'x' } });
    expect(run.code, run.stderr).toBe(1);
    expect(crashSigns(run.stderr)).toEqual([]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Error: [^\n]+\n {2}hint: [^\n]+\n$/);
    expect(run.stderr).toMatch(bad.message);
    expect(readFileSync(join(dir, 'state.db')).equals(before)).toBe(true);
    // A read-only open of a WAL-mode file may leave SQLite's side files behind (docs/state.md):
    // an empty -wal and the -shm index. Nothing else, and no content in the -wal.
    const extra = readdirSync(dir).filter((f) => !listing.includes(f));
    expect(extra.filter((f) => f !== 'state.db-wal' && f !== 'state.db-shm')).toEqual([]);
    if (extra.includes('state.db-wal')) expect(statSync(join(dir, 'state.db-wal')).size).toBe(0);
    for (const f of extra) rmSync(join(dir, f));
  });
});
