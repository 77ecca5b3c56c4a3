import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import type { LockAcquisition, LockInput, LockRecord } from './state-records.js';

interface LockRow {
  readonly cluster: string;
  readonly scope: string;
  readonly token: string;
  readonly holder: string;
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly started_at: string;
  readonly heartbeat_at: string;
}

const COLUMNS = 'cluster, scope, token, holder, pid, host, command, started_at, heartbeat_at';

/**
 * The `locks` table. Acquiring is one `BEGIN IMMEDIATE` transaction (the write lock is
 * taken before the rows are looked at, so two processes cannot both see the scope free):
 * all scopes are inserted or none. Rows already held under the same token count as held
 * by the caller, so an acquisition can be extended. Whether a lock is stale is not decided
 * here — that needs the clock and the process table (src/engine/lock/).
 */
export class LockTable {
  private readonly insert: Database.Statement;
  private readonly ofClusterScope: Database.Statement<[string, string], LockRow>;
  private readonly beat: Database.Statement<[string, string]>;
  private readonly removeToken: Database.Statement<[string]>;
  private readonly removeExact: Database.Statement<[string, string, string]>;
  private readonly all: Database.Statement<[], LockRow>;
  private readonly ofCluster: Database.Statement<[string], LockRow>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(`INSERT INTO locks (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.ofClusterScope = db.prepare(`SELECT ${COLUMNS} FROM locks WHERE cluster = ? AND scope = ?`);
    this.beat = db.prepare('UPDATE locks SET heartbeat_at = ? WHERE token = ?');
    this.removeToken = db.prepare('DELETE FROM locks WHERE token = ?');
    this.removeExact = db.prepare('DELETE FROM locks WHERE cluster = ? AND scope = ? AND token = ?');
    this.all = db.prepare(`SELECT ${COLUMNS} FROM locks ORDER BY cluster, scope`);
    this.ofCluster = db.prepare(`SELECT ${COLUMNS} FROM locks WHERE cluster = ? ORDER BY scope`);
  }

  acquire(input: LockInput): LockAcquisition {
    if (input.scopes.length === 0) throw new StateError('a lock needs at least one scope', 'this is a diet bug, please report it');
    if (input.token === '') throw new StateError('a lock needs a token', 'this is a diet bug, please report it');
    const scopes = [...new Set(input.scopes)].sort();
    return this.db.transaction((): LockAcquisition => {
      const conflicts: LockRecord[] = [];
      const mine: LockRecord[] = [];
      for (const scope of scopes) {
        const row = this.ofClusterScope.get(input.cluster, scope);
        if (row) (row.token === input.token ? mine : conflicts).push(toRecord(row));
      }
      if (conflicts.length > 0) return { acquired: false, conflicts };
      const held = new Set(mine.map((l) => l.scope));
      for (const scope of scopes) {
        if (held.has(scope)) continue;
        this.insert.run(input.cluster, scope, input.token, input.holder, input.pid, input.host, input.command, input.at, input.at);
      }
      return { acquired: true, locks: scopes.map((scope) => toRecord(this.ofClusterScope.get(input.cluster, scope) as LockRow)) };
    }).immediate();
  }

  /** Sets the heartbeat of every row of the token; returns how many rows there were (0: the lock was broken). */
  heartbeat(token: string, at: string): number {
    return this.beat.run(at, token).changes;
  }

  /** Deletes every row of the token; returns how many there were. */
  release(token: string): number {
    return this.removeToken.run(token).changes;
  }

  /** Deletes exactly these rows, each only if it still carries the token it was seen with. */
  breakLocks(locks: readonly Pick<LockRecord, 'cluster' | 'scope' | 'token'>[]): number {
    return this.db.transaction(() => locks.reduce((n, l) => n + this.removeExact.run(l.cluster, l.scope, l.token).changes, 0)).immediate();
  }

  list(cluster?: string): LockRecord[] {
    return (cluster === undefined ? this.all.all() : this.ofCluster.all(cluster)).map(toRecord);
  }
}

function toRecord(row: LockRow): LockRecord {
  return {
    cluster: row.cluster,
    scope: row.scope,
    token: row.token,
    holder: row.holder,
    pid: row.pid,
    host: row.host,
    command: row.command,
    startedAt: row.started_at,
    heartbeatAt: row.heartbeat_at,
  };
}
