import type Database from 'better-sqlite3';
import { StateError } from '../diag/errors.js';
import { EventTable } from './event-table.js';
import { JournalTable } from './journal-table.js';
import { LockTable } from './lock-table.js';
import { PlanTable } from './plan-table.js';
import { SnapshotTable } from './snapshot-table.js';
import { guardSqlite } from './sqlite-failure.js';
import type {
  ApplyRunInput,
  ApplyRunOutcome,
  ApplyRunRecord,
  EventInput,
  JournalStepInput,
  JournalStepRecord,
  EventRecord,
  LockAcquisition,
  LockInput,
  LockRecord,
  PlanInput,
  PlanListing,
  PlanRecord,
  SnapshotContents,
  SnapshotInput,
  SnapshotKind,
  SnapshotRecord,
  SnapshotVerification,
} from './state-records.js';

/**
 * diet's state file as plain TypeScript records. Obtain one with `openStateStore`;
 * every method is synchronous (better-sqlite3) and every write is one transaction.
 * SQLite failures surface as StateError with a hint, never as raw driver errors.
 */
export interface StateStore {
  readonly path: string;
  readonly readonly: boolean;
  savePlan(plan: PlanInput): PlanRecord;
  /** Exact id or unique prefix; undefined when none matches; StateError when ambiguous. */
  getPlan(idOrPrefix: string): PlanRecord | undefined;
  listPlans(cluster?: string): PlanListing[];
  saveSnapshot(snapshot: SnapshotInput): SnapshotRecord;
  getSnapshot(id: number): SnapshotContents | undefined;
  listSnapshots(cluster?: string): SnapshotRecord[];
  latestSnapshot(cluster: string, kinds?: readonly SnapshotKind[]): SnapshotRecord | undefined;
  verifySnapshot(id: number): SnapshotVerification;
  deleteSnapshots(ids: readonly number[]): number;
  /** What diet manages: the latest `applied` or `restore` snapshot of the cluster. */
  managedResources(cluster: string): SnapshotContents | undefined;
  appendEvent(event: EventInput): EventRecord;
  /** Newest first. */
  listEvents(cluster?: string, limit?: number): EventRecord[];
  /**
   * Takes every scope of the request in one transaction, or none: when any scope is held
   * under another token, nothing is written and the conflicting locks are returned.
   */
  acquireLock(lock: LockInput): LockAcquisition;
  /** Refreshes the heartbeat of the token's rows; 0 means the lock is gone (broken). */
  heartbeatLock(token: string, at: string): number;
  /** Deletes the token's rows; returns how many there were. */
  releaseLock(token: string): number;
  /** Deletes exactly the given locks, each only while it still has the token it was listed with. */
  breakLocks(locks: readonly Pick<LockRecord, 'cluster' | 'scope' | 'token'>[]): number;
  /** Sorted by cluster, then scope. */
  listLocks(cluster?: string): LockRecord[];
  /** Opens a journaled run (outcome none until `finishApplyRun`). */
  startApplyRun(run: ApplyRunInput): ApplyRunRecord;
  /** Moves steps of a run on (intended → sent → confirmed | failed), in one transaction. */
  journalSteps(runId: number, steps: readonly JournalStepInput[], at: string): void;
  /** Sets the outcome of a run that has none yet; false when it already had one. */
  finishApplyRun(runId: number, outcome: ApplyRunOutcome, at: string): boolean;
  getApplyRun(id: number): ApplyRunRecord | undefined;
  /** Runs that never finished (interrupted, or still running), oldest first. */
  unfinishedApplyRuns(cluster?: string): ApplyRunRecord[];
  /** In the order they were first journaled. */
  journalOf(runId: number): JournalStepRecord[];
  /**
   * Runs `fn` in one transaction (nested calls become savepoints), so a caller can
   * record e.g. the applied snapshot and its history event atomically. The write lock is
   * taken at the start (`BEGIN IMMEDIATE`): what `fn` reads cannot be changed by another
   * process before its writes commit.
   */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** The StateStore over an open, checked and migrated connection. */
export class SqliteStateStore implements StateStore {
  private readonly plans: PlanTable;
  private readonly snapshots: SnapshotTable;
  private readonly events: EventTable;
  private readonly locks: LockTable;
  private readonly journal: JournalTable;

  constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    this.plans = new PlanTable(db);
    this.snapshots = new SnapshotTable(db);
    this.events = new EventTable(db);
    this.locks = new LockTable(db);
    this.journal = new JournalTable(db);
  }

  get readonly(): boolean {
    return this.db.readonly;
  }

  savePlan(plan: PlanInput): PlanRecord {
    return this.write('saving a plan', () => this.plans.save(plan));
  }
  getPlan(idOrPrefix: string): PlanRecord | undefined {
    return this.read('reading a plan', () => this.plans.get(idOrPrefix));
  }
  listPlans(cluster?: string): PlanListing[] {
    return this.read('listing plans', () => this.plans.list(cluster));
  }

  saveSnapshot(snapshot: SnapshotInput): SnapshotRecord {
    return this.write('saving a snapshot', () => this.snapshots.save(snapshot));
  }
  getSnapshot(id: number): SnapshotContents | undefined {
    return this.read('reading a snapshot', () => this.snapshots.get(id));
  }
  listSnapshots(cluster?: string): SnapshotRecord[] {
    return this.read('listing snapshots', () => this.snapshots.list(cluster));
  }
  latestSnapshot(cluster: string, kinds?: readonly SnapshotKind[]): SnapshotRecord | undefined {
    return this.read('finding the latest snapshot', () => this.snapshots.latest(cluster, kinds));
  }
  verifySnapshot(id: number): SnapshotVerification {
    return this.read('verifying a snapshot', () => this.snapshots.verify(id));
  }
  deleteSnapshots(ids: readonly number[]): number {
    return this.write('deleting snapshots', () => this.snapshots.delete(ids));
  }
  managedResources(cluster: string): SnapshotContents | undefined {
    return this.read('reading managed resources', () =>
      this.db.transaction(() => {
        const latest = this.snapshots.latest(cluster, ['applied', 'restore']);
        return latest ? this.snapshots.get(latest.id) : undefined;
      })(),
    );
  }

  appendEvent(event: EventInput): EventRecord {
    return this.write('recording history', () => this.events.append(event));
  }
  listEvents(cluster?: string, limit?: number): EventRecord[] {
    return this.read('reading history', () => this.events.list(cluster, limit));
  }

  acquireLock(lock: LockInput): LockAcquisition {
    return this.write('taking a lock', () => this.locks.acquire(lock));
  }
  heartbeatLock(token: string, at: string): number {
    return this.write('refreshing a lock', () => this.locks.heartbeat(token, at));
  }
  releaseLock(token: string): number {
    return this.write('releasing a lock', () => this.locks.release(token));
  }
  breakLocks(locks: readonly Pick<LockRecord, 'cluster' | 'scope' | 'token'>[]): number {
    return this.write('breaking locks', () => this.locks.breakLocks(locks));
  }
  listLocks(cluster?: string): LockRecord[] {
    return this.read('listing locks', () => this.locks.list(cluster));
  }

  startApplyRun(run: ApplyRunInput): ApplyRunRecord {
    return this.write('journaling an apply', () => this.journal.start(run));
  }
  journalSteps(runId: number, steps: readonly JournalStepInput[], at: string): void {
    if (steps.length > 0) this.write('journaling apply steps', () => this.journal.record(runId, steps, at));
  }
  finishApplyRun(runId: number, outcome: ApplyRunOutcome, at: string): boolean {
    return this.write('journaling the end of an apply', () => this.journal.finish(runId, outcome, at));
  }
  getApplyRun(id: number): ApplyRunRecord | undefined {
    return this.read('reading the apply journal', () => this.journal.get(id));
  }
  unfinishedApplyRuns(cluster?: string): ApplyRunRecord[] {
    return this.read('reading the apply journal', () => this.journal.listUnfinished(cluster));
  }
  journalOf(runId: number): JournalStepRecord[] {
    return this.read('reading the apply journal', () => this.journal.listSteps(runId));
  }

  transaction<T>(fn: () => T): T {
    return this.write('writing state', () => this.db.transaction(fn).immediate());
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private read<T>(doing: string, fn: () => T): T {
    return guardSqlite(this.path, doing, fn);
  }

  private write<T>(doing: string, fn: () => T): T {
    if (this.db.readonly) {
      throw new StateError(`state file ${this.path} was opened read-only (while ${doing})`, 'this is a diet bug: a read-only command tried to write state');
    }
    return guardSqlite(this.path, doing, fn);
  }
}
