import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import { STATE_MIGRATIONS, type StateMigration } from './migrations.js';
import { guardSqlite } from './sqlite-failure.js';

/**
 * Brings the file from its `user_version` up to the last migration, one migration per
 * transaction. `BEGIN IMMEDIATE` takes the write lock before reading the version, so
 * two diet processes opening an old file at once cannot both run the same step; the
 * loser waits (busy_timeout), sees the new version and skips it. Returns the versions
 * that ran here (empty when the file was already current).
 */
export function runMigrations(
  db: Database.Database,
  path: string,
  migrations: readonly StateMigration[] = STATE_MIGRATIONS,
): number[] {
  checkMigrationList(migrations);
  const ran: number[] = [];
  for (const migration of migrations) {
    if (readVersion(db, path) >= migration.version) continue;
    guardSqlite(path, `starting migration ${migration.version}`, () => db.exec('BEGIN IMMEDIATE'));
    try {
      // Re-read under the lock: another process may have migrated meanwhile.
      if (readVersion(db, path) >= migration.version) {
        db.exec('ROLLBACK');
        continue;
      }
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
      db.exec('COMMIT');
      ran.push(migration.version);
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      const reason = err instanceof Error ? err.message : String(err);
      throw new StateError(
        `state migration ${migration.version} (${migration.name}) failed: ${reason}; the state file was not changed`,
        `the file stays at schema v${migration.version - 1}; this is a diet bug, please report it with the message above`,
      );
    }
  }
  return ran;
}

function readVersion(db: Database.Database, path: string): number {
  return guardSqlite(path, 'reading the schema version', () => db.pragma('user_version', { simple: true }) as number);
}

/** A gap or a reordering in the list is a programming error: fail before touching the file. */
function checkMigrationList(migrations: readonly StateMigration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`state migration list is broken: entry ${i} has version ${m.version}`);
  });
}
