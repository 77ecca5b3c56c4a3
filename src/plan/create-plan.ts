import type { ResourceChange } from '../resource/resource.js';
import type { Plan, PlanBaseline, PlanSummary } from './plan.js';

export interface CreatePlanInput {
  readonly cluster: string;
  /** From `diffResources`, in apply order. */
  readonly changes: readonly ResourceChange[];
  readonly topology: Record<string, unknown>;
  readonly baseline: PlanBaseline;
  readonly dietVersion: string;
  readonly specDigest: string;
}

/**
 * Assembles a plan from its inputs. Pure and order-preserving: the change order decided by
 * the diff is the order apply will follow, so it is not re-sorted here.
 */
export function createPlan(input: CreatePlanInput): Plan {
  return {
    cluster: input.cluster,
    changes: input.changes,
    summary: summarizeChanges(input.changes),
    topology: input.topology,
    baseline: input.baseline,
    dietVersion: input.dietVersion,
    specDigest: input.specDigest,
  };
}

export function summarizeChanges(changes: readonly ResourceChange[]): PlanSummary {
  let create = 0;
  let update = 0;
  let remove = 0;
  let replace = 0;
  let noop = 0;
  for (const change of changes) {
    if (change.action === 'create') create++;
    else if (change.action === 'update') update++;
    else if (change.action === 'delete') remove++;
    else if (change.action === 'replace') replace++;
    else noop++;
  }
  return { add: create + replace, change: update, destroy: remove + replace, replace, noop };
}

/** Whether applying the plan would touch anything. */
export function planHasChanges(summary: PlanSummary): boolean {
  return summary.add + summary.change + summary.destroy > 0;
}
