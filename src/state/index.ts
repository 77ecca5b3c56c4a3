/**
 * The public surface of the state module. Other modules import from here, never from
 * the files behind it: this directory is the only importer of better-sqlite3, and the
 * SQL shapes stay private to it.
 */
export { openStateStore, type OpenStateStoreOptions } from './open-state-store.js';
export type { StateStore } from './state-store.js';
export { STATE_SCHEMA_VERSION } from './migrations.js';
export {
  SNAPSHOT_KINDS,
  type ApplyRunInput,
  type ApplyRunKind,
  type ApplyRunOutcome,
  type ApplyRunRecord,
  type JournalStepInput,
  type JournalStepRecord,
  type JournalStepState,
  type EventInput,
  type EventRecord,
  type LockAcquisition,
  type LockInput,
  type LockRecord,
  type PlanInput,
  type PlanListing,
  type PlanRecord,
  type PlanSummaryCounts,
  type SnapshotContents,
  type SnapshotInput,
  type SnapshotKind,
  type SnapshotRecord,
  type SnapshotVerification,
} from './state-records.js';
