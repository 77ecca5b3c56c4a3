import type { ResourceChange } from '../../resource/resource.js';
import { missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, ApplyOutcome, LiveObject } from '../../targets/live-target.js';

export interface TargetSegment {
  readonly target: BoundTarget;
  readonly changes: readonly ResourceChange[];
}

/**
 * Consecutive changes handled by the same target, in the given (apply) order. Each segment
 * goes to its target in one `apply` call; keeping the order across segments keeps every
 * dependency between targets satisfied (NetBox objects before the Kubernetes ones, deletes in
 * reverse). A change no target handles is refused here, before anything is written.
 */
export function segmentsByTarget(changes: readonly ResourceChange[], bound: readonly BoundTarget[]): TargetSegment[] {
  const segments: { target: BoundTarget; changes: ResourceChange[] }[] = [];
  for (const c of changes) {
    const target = targetFor(bound, c.address);
    if (!target) throw missingTargetError(c.address);
    const last = segments[segments.length - 1];
    if (last && last.target === target) last.changes.push(c);
    else segments.push({ target, changes: [c] });
  }
  return segments;
}

/**
 * One segment through its target. An error the target throws instead of reporting a failed
 * step (a precondition it checks before writing, say) counts as a failure at the segment's
 * first change: earlier segments may have written already, and the caller must still be able
 * to roll them back.
 */
export async function applySegment(segment: TargetSegment, observed: ReadonlyMap<string, LiveObject>, events: ApplyEvents): Promise<ApplyOutcome> {
  try {
    return await segment.target.target.apply(segment.changes, observed, events);
  } catch (error) {
    const first = segment.changes[0];
    const hint = (error as { hint?: unknown }).hint;
    const status = (error as { status?: unknown }).status;
    return {
      applied: [],
      failed: { address: first.address, action: first.action, message: error instanceof Error ? error.message : String(error), ...(typeof hint === 'string' ? { hint } : {}), ...(typeof status === 'number' ? { status } : {}) },
    };
  }
}
