import type { ResourceChange } from '../resource/resource.js';

/** What the changes were computed against: a state snapshot, the live targets, or nothing. */
export interface PlanBaseline {
  readonly kind: 'state' | 'live' | 'empty';
  readonly snapshotId?: string;
  /** address → fingerprint of every object read; apply refuses when any of them changed. */
  readonly fingerprints?: Readonly<Record<string, string>>;
}

/**
 * Counts the way Terraform reports them: a replace is one add plus one destroy, and is also
 * counted on its own in `replace` so that a reviewer sees how many objects are recreated.
 */
export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly replace: number;
  readonly noop: number;
}

/**
 * The internal plan: everything `diet plan` decided, before it becomes a versioned document.
 * `changes` is in apply order and includes noops; the document leaves noops out.
 */
export interface Plan {
  readonly cluster: string;
  readonly changes: readonly ResourceChange[];
  readonly summary: PlanSummary;
  /** Headline figures of the planned fabric (switch, server, cable counts…), passed through. */
  readonly topology: Readonly<Record<string, unknown>>;
  readonly baseline: PlanBaseline;
  readonly dietVersion: string;
  /** Digest of the spec files the plan was made from. */
  readonly specDigest: string;
}
