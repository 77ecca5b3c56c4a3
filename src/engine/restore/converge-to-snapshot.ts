import type { ObservedResource, ResourceChange } from '../../resource/resource.js';
import type { BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, ApplyOutcome, StepFailure, StepResult } from '../../targets/live-target.js';
import { readLive, type LiveRead } from '../live/read-live.js';
import { applySegment, segmentsByTarget, type TargetSegment } from '../live/target-segments.js';
import { observedAsDesired } from '../snapshot/diff-snapshots.js';
import { changesToRestore, type RestoreDiff, type RestoreScope } from './changes-to-restore.js';
import { classifyRestore, type RestoreClassification } from './restore-outcome.js';

/** Points where a caller joins in: record a pre-apply snapshot, journal steps, or refuse. */
export interface ConvergeHooks {
  /**
   * After the live read, before the first write. Throwing stops the restore with nothing
   * written (e.g. when the changes are not the ones a user reviewed).
   */
  beforeWrite?(diff: RestoreDiff, live: LiveRead): void | Promise<void>;
  /** Just before a segment's changes go to its target. */
  beforeSegment?(segment: TargetSegment): void | Promise<void>;
  /** With what the target reported for the segment (also when it failed). */
  afterSegment?(segment: TargetSegment, outcome: ApplyOutcome): void | Promise<void>;
}

export interface ConvergeInput {
  readonly cluster: string;
  /** The recorded objects to bring back (a snapshot's resources). */
  readonly snapshot: readonly ObservedResource[];
  /** Which addresses take part; nothing outside it is read into the diff or written. */
  readonly scope: RestoreScope;
  /** The live targets to read and write; every change needs one. */
  readonly bound: readonly BoundTarget[];
  readonly events: ApplyEvents;
  readonly hooks?: ConvergeHooks;
}

export interface RestoreOutcome extends RestoreClassification {
  /** `restored`: every object in scope reads back as recorded (or was already so). */
  readonly status: 'restored' | 'incomplete';
  /** The changes the restore set out to make, in apply order. */
  readonly changes: readonly ResourceChange[];
  /** What the targets reported as done. */
  readonly applied: readonly StepResult[];
  /** The step that stopped the restore. */
  readonly failed?: StepFailure;
  /** The read made after the writes (what a `restore` snapshot records). */
  readonly after: LiveRead;
  readonly warnings: readonly string[];
}

/**
 * Brings the live objects in scope back to what a snapshot recorded: reads the targets,
 * computes the way back as an ordinary diff (`changesToRestore`), applies it target by target
 * in apply order, then reads again and computes the way back once more — whatever is left is
 * what could not be restored. It does not throw for a refused step: a rollback must still
 * read back and report; only a failed read (nothing known) throws.
 */
export async function convergeToSnapshot(input: ConvergeInput): Promise<RestoreOutcome> {
  const { cluster, bound, events, hooks } = input;
  const inScope = input.snapshot.filter((r) => input.scope.includes(r.address));
  const desired = inScope.map(observedAsDesired);
  const before = await readLive(bound, desired, cluster, events);
  const diff = changesToRestore(inScope, [...before.byAddress.values()], input.scope, cluster);
  const segments = segmentsByTarget(diff.changes, bound);
  await hooks?.beforeWrite?.(diff, before);

  const applied: StepResult[] = [];
  let failed: StepFailure | undefined;
  for (const segment of segments) {
    await hooks?.beforeSegment?.(segment);
    const outcome = await applySegment(segment, before.byAddress, events);
    applied.push(...outcome.applied);
    await hooks?.afterSegment?.(segment, outcome);
    if (outcome.failed) {
      failed = outcome.failed;
      break;
    }
  }

  const after = diff.changes.length === 0 ? before : await readLive(bound, desired, cluster, events);
  const remaining = changesToRestore(inScope, [...after.byAddress.values()], input.scope, cluster);
  const classified = classifyRestore({ planned: diff.changes, blocked: remaining.blocked, remaining: remaining.changes, applied: new Set(applied.map((s) => s.address)), ...(failed ? { failed } : {}) });
  return {
    status: classified.notRestored.length === 0 ? 'restored' : 'incomplete',
    changes: diff.changes,
    applied,
    ...(failed ? { failed } : {}),
    ...classified,
    after,
    warnings: [...new Set([...before.warnings, ...after.warnings])],
  };
}
