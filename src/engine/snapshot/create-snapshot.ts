import type { DesiredResource, ObservedResource } from '../../resource/resource.js';
import type { SnapshotRecord, StateStore } from '../../state/index.js';
import type { BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents } from '../../targets/live-target.js';
import { readLive } from '../live/read-live.js';

export interface CreateSnapshotInput {
  readonly store: StateStore;
  readonly cluster: string;
  /** The live targets to read (injected: the CLI builds them from the configuration). */
  readonly bound: readonly BoundTarget[];
  /** The spec's desired objects those targets handle: their addresses are looked up live. */
  readonly desired: readonly DesiredResource[];
  readonly note?: string;
  /** ISO time for the snapshot and its history event (the store never reads the clock). */
  readonly now: () => string;
  readonly events: ApplyEvents;
}

export interface CreatedSnapshot {
  readonly record: SnapshotRecord;
  /** Objects carrying diet's ownership marker. */
  readonly owned: number;
  /** Objects at a desired address that diet does not own (they are recorded too). */
  readonly unowned: number;
  readonly scopes: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * `diet snapshot create`: records, as a `manual` snapshot, every live object diet owns in
 * the given targets plus every live object at an address the spec wants (owned or not) —
 * what an apply of the spec could touch. The snapshot and its history event are written in
 * one transaction.
 */
export async function createManualSnapshot(input: CreateSnapshotInput): Promise<CreatedSnapshot> {
  const wanted = input.desired.filter((d) => input.bound.some((b) => b.handles(d.address)));
  const live = await readLive(input.bound, wanted, input.cluster, input.events);
  // Adopted objects keep their mark from state, so a restore from this snapshot still releases them rather than deleting.
  const adopted = new Set((input.store.managedResources(input.cluster)?.resources ?? []).filter((r) => r.adopted).map((r) => r.address));
  const resources: ObservedResource[] = [...live.owned, ...live.collisions].map(({ owned, ...rest }) => (owned && adopted.has(rest.address) ? { ...rest, adopted: true } : rest));
  const at = input.now();
  const record = input.store.transaction(() => {
    const saved = input.store.saveSnapshot({ cluster: input.cluster, kind: 'manual', createdAt: at, scopes: live.scopes, ...(input.note !== undefined ? { note: input.note } : {}), resources });
    input.store.appendEvent({ cluster: input.cluster, at, kind: 'snapshot', detail: { snapshot_id: saved.id, resources: saved.resourceCount, unowned: live.collisions.length, targets: [...live.scopes], note: input.note ?? null } });
    return saved;
  });
  return { record, owned: live.owned.length, unowned: live.collisions.length, scopes: live.scopes, warnings: live.warnings };
}
