import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import { checkStateFile } from './check-state-file.js';
import { runMigrations } from './run-migrations.js';
import { translateSqliteError } from './sqlite-failure.js';
import { SqliteStateStore, type StateStore } from './state-store.js';

export interface OpenStateStoreOptions {
  /** Open without write access: never creates, never migrates, never writes. */
  readonly readonly?: boolean;
  /** Create the file (and its directory) when missing. Default: true unless readonly. */
  readonly create?: boolean;
}

/** How long a write waits for another process's write transaction before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (and if allowed creates) the state file. Everything that can refuse the file
 * (check-state-file.ts) runs before the first write, so a refused file is left
 * untouched. Writable opens then migrate, switch to WAL (readers are not blocked by a
 * writer, and a crash mid-transaction cannot corrupt the file) and use
 * synchronous=FULL: state records changes already made to live systems, so a
 * committed transaction must survive a power loss.
 */
export function openStateStore(path: string, options: OpenStateStoreOptions = {}): StateStore {
  const readonly = options.readonly ?? false;
  const create = options.create ?? !readonly;
  if (readonly && create) throw new TypeError('openStateStore: a read-only open cannot create the state file');

  const existed = fileExists(path);
  if (!existed) {
    if (!create) {
      throw new StateError(`there is no state file at ${path}`, 'run `diet plan` or `diet apply` first, or pass --state <path>');
    }
    makeParentDirectory(path);
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly, fileMustExist: existed || readonly });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    checkStateFile(db, path, readonly ? 'read' : 'write');
    if (!readonly) {
      runMigrations(db, path);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    return new SqliteStateStore(db, path);
  } catch (err) {
    db?.close();
    if (!existed) removeIfEmpty(path);
    throw translateSqliteError(err, path, 'opening the state file');
  }
}

function fileExists(path: string): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StateError(`cannot read state file ${path}: ${(err as Error).message}`, 'check the path and its permissions');
  }
  if (!stat.isFile()) throw new StateError(`state path ${path} is not a file`, 'pass --state <path> to a file, e.g. .diet/state.db');
  return true;
}

function makeParentDirectory(path: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (err) {
    throw new StateError(`cannot create the directory for state file ${path}: ${(err as Error).message}`, 'check the path and its permissions');
  }
}

/**
 * A file this call created but could not initialize (the first migration rolled back)
 * is still empty and would only confuse the next run. Anything with content is kept:
 * another process may have created and filled the file in the meantime.
 */
function removeIfEmpty(path: string): void {
  try {
    if (statSync(path).size === 0) rmSync(path);
  } catch {
    // Already gone, or not ours to judge; the original error matters more.
  }
}
