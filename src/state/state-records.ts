import type { Attrs, ObservedResource } from '../resource/resource.js';

/**
 * The plain records the state store reads and writes. They are camelCase TypeScript
 * values; the snake_case SQL shapes never leave src/state/. Timestamps are ISO 8601
 * strings chosen by the caller (the store never reads the clock, so tests and replays
 * are deterministic); ordering is by the store's integer ids, never by these strings.
 */

/** Counts shown in `Plan: A to add, C to change, D to destroy.` */
export interface PlanSummaryCounts {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
}

export interface PlanInput {
  readonly id: string;
  readonly cluster: string;
  readonly createdAt: string;
  /** Digest of the hashed plan body; apply checks it against the document. */
  readonly digest: string;
  /** The serialized PlanDocument JSON text, stored verbatim (byte for byte). */
  readonly document: string;
  readonly summary?: PlanSummaryCounts;
}

/** A stored plan without its (possibly large) document: what `listPlans` returns. */
export interface PlanListing {
  readonly id: string;
  readonly cluster: string;
  readonly createdAt: string;
  readonly digest: string;
  readonly summary?: PlanSummaryCounts;
}

export interface PlanRecord extends PlanListing {
  readonly document: string;
}

/**
 * Why a snapshot was taken: `applied` = state after a successful apply, `pre-apply` =
 * live objects a plan is about to touch, `manual` = `diet snapshot` by hand,
 * `restore` = state after `diet snapshot restore`.
 */
export type SnapshotKind = 'applied' | 'pre-apply' | 'manual' | 'restore';

export const SNAPSHOT_KINDS: readonly SnapshotKind[] = ['applied', 'pre-apply', 'manual', 'restore'];

export interface SnapshotInput {
  readonly cluster: string;
  readonly kind: SnapshotKind;
  readonly createdAt: string;
  readonly note?: string;
  readonly planId?: string;
  /**
   * The target scopes read for it (`netbox`, `kubernetes/<fabric>`): an owned object of a
   * covered scope that the snapshot lacks did not exist then. Omitted: unknown (older files).
   */
  readonly scopes?: readonly string[];
  readonly resources: readonly ObservedResource[];
}

export interface SnapshotRecord {
  /** Monotonically increasing, never reused (even after deletes): "latest" means highest id. */
  readonly id: number;
  readonly cluster: string;
  readonly kind: SnapshotKind;
  readonly createdAt: string;
  readonly note?: string;
  readonly planId?: string;
  readonly scopes?: readonly string[];
  readonly resourceCount: number;
  /** `sha256:<hex>` over the snapshot's canonical rows; see snapshot-checksum.ts. */
  readonly checksum: string;
}

export interface SnapshotContents {
  readonly record: SnapshotRecord;
  /** Sorted by address. */
  readonly resources: readonly ObservedResource[];
}

export interface SnapshotVerification {
  readonly snapshotId: number;
  readonly ok: boolean;
  /** The checksum stored when the snapshot was saved. */
  readonly expected: string;
  /** The checksum recomputed from the rows stored now. */
  readonly actual: string;
}

export interface EventInput {
  readonly cluster: string;
  readonly at: string;
  /** e.g. `plan`, `apply`, `rollback`, `snapshot`, `restore`; free text, shown by `diet state history`. */
  readonly kind: string;
  readonly detail?: Attrs;
}

export interface EventRecord {
  readonly id: number;
  readonly cluster: string;
  readonly at: string;
  readonly kind: string;
  readonly detail: Attrs;
}

/** A lock request: every scope is taken, or none (see `StateStore.acquireLock`). */
export interface LockInput {
  readonly cluster: string;
  /** `netbox` or `kubernetes/<fabric>`; at least one. */
  readonly scopes: readonly string[];
  /** Random, chosen by the caller; identifies this acquisition for heartbeat, release and break. */
  readonly token: string;
  /** `user@host`, shown to whoever finds the lock held. */
  readonly holder: string;
  readonly pid: number;
  readonly host: string;
  /** The command line that holds the lock, e.g. `diet apply plan.json`. */
  readonly command: string;
  /** ISO 8601; also the first heartbeat. */
  readonly at: string;
}

export interface LockRecord {
  readonly cluster: string;
  readonly scope: string;
  readonly token: string;
  readonly holder: string;
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly startedAt: string;
  readonly heartbeatAt: string;
}

/** Either every scope asked for is now held (`acquired`), or nothing was written and `conflicts` holds what is in the way. */
export type LockAcquisition =
  | { readonly acquired: true; readonly locks: readonly LockRecord[] }
  | { readonly acquired: false; readonly conflicts: readonly LockRecord[] };

/** What a journaled run does: an apply, the rollback of one, a snapshot restore, or a recovery. */
export type ApplyRunKind = 'apply' | 'rollback' | 'restore' | 'recover';

/** How a run ended; a run without an outcome was interrupted (or is still running). */
export type ApplyRunOutcome = 'applied' | 'failed' | 'rolled-back' | 'rollback-incomplete' | 'recovered' | 'superseded';

export interface ApplyRunInput {
  readonly cluster: string;
  readonly kind: ApplyRunKind;
  readonly planId?: string;
  /** The snapshot taken just before the run's first write: what a rollback returns to. */
  readonly preSnapshotId?: number;
  readonly scopes: readonly string[];
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
}

export interface ApplyRunRecord extends ApplyRunInput {
  readonly id: number;
  readonly finishedAt?: string;
  readonly outcome?: ApplyRunOutcome;
}

/** intended: about to be sent · sent: the request left · confirmed: the server answered yes · failed: it answered no. */
export type JournalStepState = 'intended' | 'sent' | 'confirmed' | 'failed';

export interface JournalStepInput {
  readonly address: string;
  readonly action: string;
  readonly state: JournalStepState;
  readonly remoteId?: string;
}

export interface JournalStepRecord extends JournalStepInput {
  /** Order in which the step was first journaled. */
  readonly seq: number;
  readonly at: string;
}
