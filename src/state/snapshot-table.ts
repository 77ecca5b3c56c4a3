import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import { checksumRows, compareRows, type SnapshotRow } from './snapshot-checksum.js';
import { fromSnapshotRow, toSnapshotRows } from './snapshot-rows.js';
import {
  SNAPSHOT_KINDS,
  type SnapshotContents,
  type SnapshotInput,
  type SnapshotKind,
  type SnapshotRecord,
  type SnapshotVerification,
} from './state-records.js';

interface SnapshotHeaderRow {
  readonly id: number;
  readonly cluster: string;
  readonly kind: SnapshotKind;
  readonly created_at: string;
  readonly note: string | null;
  readonly plan_id: string | null;
  readonly resource_count: number;
  readonly checksum: string;
  readonly scopes: string | null;
}

const HEADER_COLUMNS = 'id, cluster, kind, created_at, note, plan_id, resource_count, checksum, scopes';
/**
 * Rows per INSERT statement when saving a snapshot: one statement per row spends most
 * of its time crossing from JS into SQLite; 100 rows (1,000 bound values, far below
 * SQLite's limit) measured about 1.5x faster for 100k rows, with diminishing returns beyond.
 */
const ROWS_PER_INSERT = 100;
const ROW_COLUMNS = 'address, target, type, key, attrs, remote_id AS remoteId, fingerprint, depends_on AS dependsOn, adopted';

/** The `snapshots` and `snapshot_resources` tables: checksummed resource sets of one cluster. */
export class SnapshotTable {
  private readonly insertHeader: Database.Statement;
  private readonly insertRow: Database.Statement<[unknown[]]>;
  private readonly insertBatch: Database.Statement<[unknown[]]>;
  private readonly header: Database.Statement<[number], SnapshotHeaderRow>;
  private readonly rows: Database.Statement<[number], SnapshotRow>;
  private readonly all: Database.Statement<[], SnapshotHeaderRow>;
  private readonly ofCluster: Database.Statement<[string], SnapshotHeaderRow>;
  private readonly latestOfKinds: Database.Statement<[string, string], SnapshotHeaderRow>;
  private readonly remove: Database.Statement<[number]>;

  constructor(private readonly db: Database.Database) {
    this.insertHeader = db.prepare(
      `INSERT INTO snapshots (cluster, kind, created_at, note, plan_id, resource_count, checksum, scopes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertRows = (n: number) =>
      db.prepare(
        `INSERT INTO snapshot_resources (snapshot_id, address, target, type, key, attrs, remote_id, fingerprint, depends_on, adopted)
         VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      );
    this.insertRow = insertRows(1);
    this.insertBatch = insertRows(ROWS_PER_INSERT);
    this.header = db.prepare(`SELECT ${HEADER_COLUMNS} FROM snapshots WHERE id = ?`);
    this.rows = db.prepare(`SELECT ${ROW_COLUMNS} FROM snapshot_resources WHERE snapshot_id = ?`);
    this.all = db.prepare(`SELECT ${HEADER_COLUMNS} FROM snapshots ORDER BY id DESC`);
    this.ofCluster = db.prepare(`SELECT ${HEADER_COLUMNS} FROM snapshots WHERE cluster = ? ORDER BY id DESC`);
    this.latestOfKinds = db.prepare(
      `SELECT ${HEADER_COLUMNS} FROM snapshots
       WHERE cluster = ? AND kind IN (SELECT value FROM json_each(?))
       ORDER BY id DESC LIMIT 1`,
    );
    this.remove = db.prepare('DELETE FROM snapshots WHERE id = ?');
  }

  /**
   * Canonicalizes and checksums the rows before taking the write lock, then writes the
   * header and every row in one transaction: a snapshot is stored whole or not at all.
   */
  save(input: SnapshotInput): SnapshotRecord {
    if (!SNAPSHOT_KINDS.includes(input.kind)) throw new StateError(`unknown snapshot kind "${input.kind}"`);
    const rows = toSnapshotRows(input.resources);
    const checksum = checksumRows(rows);
    const id = this.db.transaction(() => {
      const { note, planId } = input;
      const scopes = input.scopes === undefined ? null : JSON.stringify([...new Set(input.scopes)].sort());
      const info = this.insertHeader.run(input.cluster, input.kind, input.createdAt, note ?? null, planId ?? null, rows.length, checksum, scopes);
      const snapshotId = Number(info.lastInsertRowid);
      let i = 0;
      for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
        this.insertBatch.run(rows.slice(i, i + ROWS_PER_INSERT).flatMap((r) => rowValues(snapshotId, r)));
      }
      for (; i < rows.length; i++) this.insertRow.run(rowValues(snapshotId, rows[i]));
      return snapshotId;
    })();
    return toRecord(this.header.get(id) as SnapshotHeaderRow);
  }

  get(id: number): SnapshotContents | undefined {
    return this.db.transaction(() => {
      const header = this.header.get(id);
      if (!header) return undefined;
      const rows = this.rows.all(id).sort(compareRows);
      return { record: toRecord(header), resources: rows.map((r) => fromSnapshotRow(r, id)) };
    })();
  }

  /** Newest first. */
  list(cluster?: string): SnapshotRecord[] {
    return (cluster === undefined ? this.all.all() : this.ofCluster.all(cluster)).map(toRecord);
  }

  /** The snapshot with the highest id for the cluster (optionally of the given kinds). */
  latest(cluster: string, kinds: readonly SnapshotKind[] = SNAPSHOT_KINDS): SnapshotRecord | undefined {
    const row = this.latestOfKinds.get(cluster, JSON.stringify(kinds));
    return row ? toRecord(row) : undefined;
  }

  /** Recomputes the checksum from the rows stored now; a row edited, added or removed outside diet shows. */
  verify(id: number): SnapshotVerification {
    return this.db.transaction(() => {
      const header = this.header.get(id);
      if (!header) throw new StateError(`there is no snapshot ${id}`, 'list snapshots with `diet snapshot list`');
      const actual = checksumRows(this.rows.all(id));
      return { snapshotId: id, ok: actual === header.checksum, expected: header.checksum, actual };
    })();
  }

  /** Deletes the snapshots (their rows go by ON DELETE CASCADE); returns how many existed. */
  delete(ids: readonly number[]): number {
    return this.db.transaction(() => ids.reduce((n, id) => n + this.remove.run(id).changes, 0))();
  }
}

function rowValues(snapshotId: number, r: SnapshotRow): unknown[] {
  return [snapshotId, r.address, r.target, r.type, r.key, r.attrs, r.remoteId, r.fingerprint, r.dependsOn, r.adopted];
}

function toRecord(row: SnapshotHeaderRow): SnapshotRecord {
  return {
    id: row.id,
    cluster: row.cluster,
    kind: row.kind,
    createdAt: row.created_at,
    ...(row.note !== null ? { note: row.note } : {}),
    ...(row.plan_id !== null ? { planId: row.plan_id } : {}),
    ...(row.scopes !== null ? { scopes: parseScopes(row) } : {}),
    resourceCount: row.resource_count,
    checksum: row.checksum,
  };
}

function parseScopes(row: SnapshotHeaderRow): string[] {
  try {
    const scopes: unknown = JSON.parse(row.scopes!);
    if (Array.isArray(scopes) && scopes.every((x) => typeof x === 'string')) return scopes as string[];
  } catch {
    // reported below
  }
  throw new StateError(`snapshot ${row.id} is damaged: its scopes are not a list of names`, 'restore the state file from a backup (see docs/state.md)');
}
