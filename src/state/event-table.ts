import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import type { Attrs } from '../resource/resource.js';
import { canonicalJson } from '../resource/canonical-json.js';
import type { EventInput, EventRecord } from './state-records.js';

interface EventRow {
  readonly id: number;
  readonly cluster: string;
  readonly at: string;
  readonly kind: string;
  readonly detail: string;
}

const COLUMNS = 'id, cluster, at, kind, detail';

/**
 * The `events` table behind `diet state history`: an append-only log. Triggers in the
 * schema refuse UPDATE and DELETE, so history cannot be rewritten through diet's own
 * connection either; pruning, if ever needed, arrives as an explicit migration.
 */
export class EventTable {
  private readonly insert: Database.Statement<[string, string, string, string]>;
  private readonly recent: Database.Statement<[number], EventRow>;
  private readonly recentOfCluster: Database.Statement<[string, number], EventRow>;

  constructor(db: Database.Database) {
    this.insert = db.prepare('INSERT INTO events (cluster, at, kind, detail) VALUES (?, ?, ?, ?)');
    this.recent = db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY id DESC LIMIT ?`);
    this.recentOfCluster = db.prepare(`SELECT ${COLUMNS} FROM events WHERE cluster = ? ORDER BY id DESC LIMIT ?`);
  }

  append(event: EventInput): EventRecord {
    const detail = event.detail ?? {};
    const info = this.insert.run(event.cluster, event.at, event.kind, canonicalJson(detail));
    return { id: Number(info.lastInsertRowid), cluster: event.cluster, at: event.at, kind: event.kind, detail };
  }

  /** Newest first; `limit` undefined means all (SQLite reads LIMIT -1 as "no limit"). */
  list(cluster?: string, limit?: number): EventRecord[] {
    const n = limit ?? -1;
    if (!Number.isInteger(n) || n < -1) throw new StateError(`invalid history limit ${limit}`, 'pass a whole number of events');
    const rows = cluster === undefined ? this.recent.all(n) : this.recentOfCluster.all(cluster, n);
    return rows.map(toRecord);
  }
}

function toRecord(row: EventRow): EventRecord {
  let detail: Attrs;
  try {
    detail = JSON.parse(row.detail) as Attrs;
  } catch {
    throw new StateError(`event ${row.id} is damaged: its detail is not valid JSON`, 'restore the state file from a backup (see docs/state.md)');
  }
  return { id: row.id, cluster: row.cluster, at: row.at, kind: row.kind, detail };
}
