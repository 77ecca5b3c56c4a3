import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import { STATE_APPLICATION_ID, STATE_SCHEMA_VERSION } from './migrations.js';
import { guardSqlite } from './sqlite-failure.js';

/**
 * The refusals made on open, before anything is written. Only reads happen here, so a
 * file that is refused is left byte-for-byte as it was.
 *
 * - not SQLite / corrupted / truncated: SQLite's own NOTADB/CORRUPT errors, plus
 *   `PRAGMA quick_check`, which reads every page (linear in file size; see
 *   docs/state.md for the measured cost) and catches damage the header does not show;
 * - another program's SQLite file: `application_id` set to something else, or tables
 *   present without diet's id (diet must not add its tables to someone else's data);
 * - a newer schema than this diet knows (its queries could silently misread it);
 * - read-only opens need the current schema: reading never migrates, and old layouts
 *   are not read through compatibility shims (one code path, tested).
 */
export type StateOpenMode = 'read' | 'write';

export function checkStateFile(db: Database.Database, path: string, mode: StateOpenMode): number {
  return guardSqlite(path, 'checking the state file', () => {
    const problems = (db.pragma('quick_check(3)') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new StateError(
        `state file ${path} is corrupted: ${oneLine(problems)}`,
        'restore the file from a backup (see docs/state.md); diet left it untouched',
      );
    }
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = db.pragma('user_version', { simple: true }) as number;
    const tableCount = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    const foreign = applicationId !== 0 ? applicationId !== STATE_APPLICATION_ID : version !== 0 || tableCount !== 0;
    if (foreign) {
      throw new StateError(
        `${path} is a SQLite database but not a diet state file`,
        'point --state at a diet state file (default .diet/state.db) or at a path that does not exist yet',
      );
    }
    if (version > STATE_SCHEMA_VERSION) {
      throw new StateError(
        `state file ${path} was written by a newer diet (schema v${version}); upgrade diet`,
        `this diet understands state schema up to v${STATE_SCHEMA_VERSION}; the file was left untouched`,
      );
    }
    if (mode === 'read' && version < STATE_SCHEMA_VERSION) {
      throw new StateError(
        version === 0
          ? `state file ${path} is empty`
          : `state file ${path} uses schema v${version}, this diet reads v${STATE_SCHEMA_VERSION}`,
        version === 0
          ? 'run `diet plan` or `diet apply` first to record state'
          : 'run a command that writes state (e.g. `diet plan`) once to upgrade the file, then retry',
      );
    }
    return version;
  });
}

/** quick_check reports several lines per problem; the CLI prints one line per error. */
function oneLine(problems: readonly string[]): string {
  const lines = problems.flatMap((p) => p.split('\n')).filter((l) => l !== '' && !l.startsWith('***'));
  const text = lines.join('; ');
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}
