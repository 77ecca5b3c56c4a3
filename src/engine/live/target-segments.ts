import type { ResourceChange } from '../../resource/resource.js';
import { missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';

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
