import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import type { ApplyRunInput, ApplyRunOutcome, ApplyRunRecord, JournalStepInput, JournalStepRecord } from './state-records.js';

interface RunRow {
  readonly id: number;
  readonly cluster: string;
  readonly kind: ApplyRunRecord['kind'];
  readonly plan_id: string | null;
  readonly pre_snapshot_id: number | null;
  readonly scopes: string;
  readonly pid: number;
  readonly host: string;
  readonly started_at: string;
  readonly finished_at: string | null;
  readonly outcome: ApplyRunOutcome | null;
}

interface StepRow {
  readonly seq: number;
  readonly address: string;
  readonly action: string;
  readonly state: JournalStepRecord['state'];
  readonly remote_id: string | null;
  readonly at: string;
}

const RUN_COLUMNS = 'id, cluster, kind, plan_id, pre_snapshot_id, scopes, pid, host, started_at, finished_at, outcome';

/**
 * `apply_runs` and `journal_steps`: the write-ahead journal. A step row is written (or moved
 * on) in its own transaction before a request leaves and again when its answer is in, so
 * after a crash every object is known as not yet sent, maybe written, or written.
 */
export class JournalTable {
  private readonly insertRun: Database.Statement;
  private readonly finishRun: Database.Statement<[string, string, number]>;
  private readonly run: Database.Statement<[number], RunRow>;
  private readonly unfinished: Database.Statement<[], RunRow>;
  private readonly unfinishedOfCluster: Database.Statement<[string], RunRow>;
  private readonly upsertStep: Database.Statement<[{ run: number; address: string; action: string; state: string; remoteId: string | null; at: string }]>;
  private readonly steps: Database.Statement<[number], StepRow>;

  constructor(private readonly db: Database.Database) {
    this.insertRun = db.prepare(
      `INSERT INTO apply_runs (cluster, kind, plan_id, pre_snapshot_id, scopes, pid, host, started_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.finishRun = db.prepare('UPDATE apply_runs SET outcome = ?, finished_at = ? WHERE id = ? AND outcome IS NULL');
    this.run = db.prepare(`SELECT ${RUN_COLUMNS} FROM apply_runs WHERE id = ?`);
    this.unfinished = db.prepare(`SELECT ${RUN_COLUMNS} FROM apply_runs WHERE outcome IS NULL ORDER BY id`);
    this.unfinishedOfCluster = db.prepare(`SELECT ${RUN_COLUMNS} FROM apply_runs WHERE outcome IS NULL AND cluster = ? ORDER BY id`);
    // seq is the step's first position in the run; later state changes keep it.
    this.upsertStep = db.prepare(
      `INSERT INTO journal_steps (run_id, seq, address, action, state, remote_id, at)
       VALUES (@run, (SELECT COALESCE(MAX(seq), 0) + 1 FROM journal_steps WHERE run_id = @run), @address, @action, @state, @remoteId, @at)
       ON CONFLICT (run_id, address) DO UPDATE SET action = excluded.action, state = excluded.state,
         remote_id = COALESCE(excluded.remote_id, journal_steps.remote_id), at = excluded.at`,
    );
    this.steps = db.prepare('SELECT seq, address, action, state, remote_id, at FROM journal_steps WHERE run_id = ? ORDER BY seq');
  }

  start(input: ApplyRunInput): ApplyRunRecord {
    const info = this.insertRun.run(input.cluster, input.kind, input.planId ?? null, input.preSnapshotId ?? null, JSON.stringify(input.scopes), input.pid, input.host, input.startedAt);
    return this.get(Number(info.lastInsertRowid))!;
  }

  /** Records the steps' new state in one transaction. */
  record(runId: number, steps: readonly JournalStepInput[], at: string): void {
    this.db.transaction(() => {
      for (const s of steps) this.upsertStep.run({ run: runId, address: s.address, action: s.action, state: s.state, remoteId: s.remoteId ?? null, at });
    })();
  }

  /** Sets the outcome of a run that has none yet; false when it already had one. */
  finish(runId: number, outcome: ApplyRunOutcome, at: string): boolean {
    return this.finishRun.run(outcome, at, runId).changes === 1;
  }

  get(id: number): ApplyRunRecord | undefined {
    const row = this.run.get(id);
    return row ? toRun(row) : undefined;
  }

  /** Runs without an outcome, oldest first. */
  listUnfinished(cluster?: string): ApplyRunRecord[] {
    return (cluster === undefined ? this.unfinished.all() : this.unfinishedOfCluster.all(cluster)).map(toRun);
  }

  listSteps(runId: number): JournalStepRecord[] {
    return this.steps.all(runId).map((r) => ({ seq: r.seq, address: r.address, action: r.action, state: r.state, ...(r.remote_id !== null ? { remoteId: r.remote_id } : {}), at: r.at }));
  }
}

function toRun(row: RunRow): ApplyRunRecord {
  let scopes: string[];
  try {
    scopes = JSON.parse(row.scopes) as string[];
  } catch {
    throw new StateError(`apply run ${row.id} is damaged: its scopes are not valid JSON`, 'restore the state file from a backup (see docs/state.md)');
  }
  return {
    id: row.id,
    cluster: row.cluster,
    kind: row.kind,
    ...(row.plan_id !== null ? { planId: row.plan_id } : {}),
    ...(row.pre_snapshot_id !== null ? { preSnapshotId: row.pre_snapshot_id } : {}),
    scopes,
    pid: row.pid,
    host: row.host,
    startedAt: row.started_at,
    ...(row.finished_at !== null ? { finishedAt: row.finished_at } : {}),
    ...(row.outcome !== null ? { outcome: row.outcome } : {}),
  };
}
