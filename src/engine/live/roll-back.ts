import type { ObservedResource, ResourceChange } from '../../resource/resource.js';
import type { BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents } from '../../targets/live-target.js';
import { convergeToSnapshot, type ConvergeHooks } from '../restore/converge-to-snapshot.js';
import type { NotRestoredObject, RestoredObject } from '../restore/restore-outcome.js';

export interface RollbackInput {
  readonly cluster: string;
  /** The pre-apply snapshot: the live objects diet owned in the apply's targets just before its first write. */
  readonly preApply: { readonly id: number; readonly resources: readonly ObservedResource[] };
  /** The failed plan's changes: their addresses are all a rollback may touch. */
  readonly changes: readonly ResourceChange[];
  readonly bound: readonly BoundTarget[];
  readonly events: ApplyEvents;
  readonly hooks?: ConvergeHooks;
}

export interface RollbackReport {
  /** `rolled-back`: every object the plan touched reads back as it was before the apply. */
  readonly status: 'rolled-back' | 'rollback-incomplete';
  readonly preApplySnapshotId: number;
  readonly restored: readonly RestoredObject[];
  readonly notRestored: readonly NotRestoredObject[];
  readonly warnings: readonly string[];
}

/**
 * Undoes a failed apply: converges the objects its plan touched (and only those, so changes
 * someone made elsewhere meanwhile are kept) back to the pre-apply snapshot. Never throws: a
 * rollback that cannot even read the targets reports every changed address as unknown.
 */
export async function rollBack(input: RollbackInput): Promise<RollbackReport> {
  const addresses = new Set(input.changes.map((c) => c.address));
  try {
    const outcome = await convergeToSnapshot({
      cluster: input.cluster,
      snapshot: input.preApply.resources,
      scope: { includes: (address) => addresses.has(address) },
      bound: input.bound,
      events: input.events,
      ...(input.hooks ? { hooks: input.hooks } : {}),
    });
    return {
      status: outcome.status === 'restored' ? 'rolled-back' : 'rollback-incomplete',
      preApplySnapshotId: input.preApply.id,
      restored: outcome.restored,
      notRestored: outcome.notRestored,
      warnings: outcome.warnings,
    };
  } catch (error) {
    const message = `the rollback could not complete: ${error instanceof Error ? error.message : String(error)}`;
    return {
      status: 'rollback-incomplete',
      preApplySnapshotId: input.preApply.id,
      restored: [],
      notRestored: [...addresses].map((address) => ({ address, reason: 'unknown' as const, message })),
      warnings: [],
    };
  }
}
