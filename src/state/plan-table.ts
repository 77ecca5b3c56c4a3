import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import type { PlanInput, PlanListing, PlanRecord } from './state-records.js';

interface PlanRow {
  readonly id: string;
  readonly cluster: string;
  readonly created_at: string;
  readonly digest: string;
  readonly add_count: number | null;
  readonly change_count: number | null;
  readonly destroy_count: number | null;
  readonly document?: string;
}

const LISTING_COLUMNS = 'id, cluster, created_at, digest, add_count, change_count, destroy_count';
/** How many candidates an ambiguous-prefix error names before saying "and N more". */
const MAX_NAMED_CANDIDATES = 10;

/** The `plans` table: saved plan documents, addressable by id or unique id prefix. */
export class PlanTable {
  private readonly insert: Database.Statement;
  private readonly byId: Database.Statement<[string], PlanRow>;
  private readonly byPrefix: Database.Statement<[string], { id: string }>;
  private readonly all: Database.Statement<[], PlanRow>;
  private readonly ofCluster: Database.Statement<[string], PlanRow>;

  constructor(private readonly db: Database.Database) {
    this.insert = db.prepare(
      `INSERT INTO plans (id, cluster, created_at, digest, document, add_count, change_count, destroy_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.byId = db.prepare(`SELECT ${LISTING_COLUMNS}, document FROM plans WHERE id = ?`);
    // instr() = 1 is an exact prefix test; plans are few, a scan is fine.
    this.byPrefix = db.prepare('SELECT id FROM plans WHERE instr(id, ?) = 1 ORDER BY seq DESC');
    this.all = db.prepare(`SELECT ${LISTING_COLUMNS} FROM plans ORDER BY seq DESC`);
    this.ofCluster = db.prepare(`SELECT ${LISTING_COLUMNS} FROM plans WHERE cluster = ? ORDER BY seq DESC`);
  }

  /**
   * Stores a plan. Saving the same id again with the same digest is a no-op (re-running
   * `diet plan` on an unchanged spec yields the same plan); a different digest under a
   * known id is refused rather than silently replacing what a reviewer may have seen.
   * `BEGIN IMMEDIATE`: the lookup and the insert happen under the write lock, so a
   * concurrent writer cannot slip in between (a deferred read-then-write transaction
   * would fail with SQLITE_BUSY_SNAPSHOT instead of waiting).
   */
  save(plan: PlanInput): PlanRecord {
    return this.db.transaction(() => {
      const existing = this.byId.get(plan.id);
      if (existing) {
        if (existing.digest === plan.digest) return toRecord(existing);
        throw new StateError(
          `plan ${plan.id} is already stored with a different digest`,
          'plan ids must identify one plan document; this is a diet bug, please report it',
        );
      }
      const s = plan.summary;
      this.insert.run(plan.id, plan.cluster, plan.createdAt, plan.digest, plan.document, s?.add ?? null, s?.change ?? null, s?.destroy ?? null);
      const { id, cluster, createdAt, digest, document } = plan;
      return { id, cluster, createdAt, digest, document, ...(s ? { summary: { add: s.add, change: s.change, destroy: s.destroy } } : {}) };
    }).immediate();
  }

  /** Exact id first, then a unique prefix; undefined when nothing matches. */
  get(idOrPrefix: string): PlanRecord | undefined {
    if (idOrPrefix === '') throw new StateError('an empty plan id matches every plan', 'pass a plan id or a prefix of one (see `diet plan list`)');
    const exact = this.byId.get(idOrPrefix);
    if (exact) return toRecord(exact);
    const candidates = this.byPrefix.all(idOrPrefix).map((r) => r.id);
    if (candidates.length === 0) return undefined;
    if (candidates.length > 1) {
      const named = candidates.slice(0, MAX_NAMED_CANDIDATES).join(', ');
      const more = candidates.length > MAX_NAMED_CANDIDATES ? ` and ${candidates.length - MAX_NAMED_CANDIDATES} more` : '';
      throw new StateError(`plan id prefix "${idOrPrefix}" is ambiguous: it matches ${named}${more}`, 'type more characters of the plan id');
    }
    return toRecord(this.byId.get(candidates[0]) as PlanRow);
  }

  /** Newest first (by insertion order, not by the createdAt text). */
  list(cluster?: string): PlanListing[] {
    const rows = cluster === undefined ? this.all.all() : this.ofCluster.all(cluster);
    return rows.map(toListing);
  }
}

function toListing(row: PlanRow): PlanListing {
  const base = { id: row.id, cluster: row.cluster, createdAt: row.created_at, digest: row.digest };
  if (row.add_count === null || row.change_count === null || row.destroy_count === null) return base;
  return { ...base, summary: { add: row.add_count, change: row.change_count, destroy: row.destroy_count } };
}

function toRecord(row: PlanRow): PlanRecord {
  return { ...toListing(row), document: row.document as string };
}
