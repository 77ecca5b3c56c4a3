import Database from 'better-sqlite3';
import { DietError, StateError } from '../diag/errors.js';

/**
 * Turns SQLite's failures into a one-line StateError with a hint, so that a damaged,
 * busy or unwritable state file never reaches the user as a stack trace. Anything
 * that is not a SQLite error (a bug in diet) is passed through unchanged.
 */
export function translateSqliteError(err: unknown, path: string, doing: string): unknown {
  if (err instanceof DietError || !(err instanceof Database.SqliteError)) return err;
  const code = err.code;
  if (code === 'SQLITE_NOTADB') {
    return new StateError(
      `state file ${path} is not a SQLite database (while ${doing})`,
      'check that --state points at a diet state file; diet left the file untouched',
    );
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new StateError(
      `state file ${path} is corrupted: ${err.message} (while ${doing})`,
      'restore the file from a backup (see docs/state.md); diet left it untouched',
    );
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new StateError(
      `state file ${path} is busy: another process holds it (while ${doing})`,
      'wait for the other diet command to finish, then retry',
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new StateError(
      `state file ${path} cannot be written (while ${doing})`,
      'check the permissions of the file and of its directory (WAL needs the -wal and -shm side files)',
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StateError(
      `state file ${path} cannot be opened (while ${doing})`,
      'check that the path exists and is readable and writable',
    );
  }
  if (code === 'SQLITE_FULL') {
    return new StateError(`disk full while ${doing} in ${path}`, 'free disk space and retry; the transaction was rolled back');
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StateError(`I/O error on state file ${path} while ${doing}: ${err.message}`, 'check the disk and filesystem, then retry');
  }
  return new StateError(`state file ${path}: ${err.message} (${code}, while ${doing})`);
}

/** Runs `fn` and rethrows SQLite failures as StateError. */
export function guardSqlite<T>(path: string, doing: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw translateSqliteError(err, path, doing);
  }
}
