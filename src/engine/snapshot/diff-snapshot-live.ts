import type { PlanDocument } from '../../plan/plan-document.js';
import type { ObservedResource } from '../../resource/resource.js';
import type { SnapshotRecord, StateStore } from '../../state/index.js';
import { missingTargetError, targetFor, type BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, LiveObject } from '../../targets/live-target.js';
import { readLive } from '../live/read-live.js';
import { selects, type TargetSelection } from '../live/target-selection.js';
import { diffObservedSets, observedAsDesired } from './diff-snapshots.js';
import { readSnapshot } from './read-snapshot.js';

export interface SnapshotLiveDiffInput {
  readonly store: StateStore;
  readonly snapshotId: number;
  /**
   * The live targets for the snapshot's (selected) addresses — injected: the CLI builds them
   * from the configuration, tests pass in-memory ones.
   */
  readonly targetsFor: (addresses: readonly string[]) => readonly BoundTarget[];
  readonly selection: TargetSelection;
  readonly events: ApplyEvents;
}

export interface SnapshotLiveDiff {
  readonly snapshot: SnapshotRecord;
  /** `+` exists live (owned by diet) but not in the snapshot, `-` in the snapshot but gone, `~` changed since. */
  readonly document: PlanDocument;
  /** Objects of the snapshot that exist live without diet's ownership marker now. */
  readonly unowned: readonly LiveObject[];
  readonly scopes: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * `diet snapshot diff ID live`: the snapshot's objects (restricted to `selection`) against
 * what diet owns in the live targets now, read the same way `diet diff` reads them. Every
 * selected object of the snapshot needs a target; a missing one is refused (its objects would
 * all look deleted otherwise).
 */
export async function diffSnapshotWithLive(input: SnapshotLiveDiffInput): Promise<SnapshotLiveDiff> {
  const { record, resources } = readSnapshot(input.store, input.snapshotId);
  const selected = resources.filter((r) => selects(input.selection, r.address));
  const bound = input.targetsFor(selected.map((r) => r.address));
  for (const r of selected) if (!targetFor(bound, r.address)) throw missingTargetError(r.address);
  const live = await readLive(bound, selected.map(observedAsDesired), record.cluster, input.events);
  const owned: ObservedResource[] = live.owned.filter((o) => selects(input.selection, o.address)).map(({ owned: _owned, ...rest }) => rest);
  return {
    snapshot: record,
    document: diffObservedSets(record.cluster, record.id, selected, owned),
    unowned: live.collisions,
    scopes: live.scopes,
    warnings: live.warnings,
  };
}
