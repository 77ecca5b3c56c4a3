import { ConfigError, StateError } from '../../diag/errors.js';
import type { SnapshotContents, SnapshotRecord, StateStore } from '../../state/index.js';

/** A snapshot id as typed on the command line: a positive whole number. */
export function parseSnapshotId(text: string): number {
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new ConfigError(`snapshot id must be a positive whole number, got ${JSON.stringify(text)}`, 'list snapshots and their ids with `diet snapshot list`');
  return Number(text);
}

/** The snapshot's header and resources; a StateError naming the id when there is none. */
export function readSnapshot(store: StateStore, id: number): SnapshotContents {
  const contents = store.getSnapshot(id);
  if (!contents) throw new StateError(`there is no snapshot ${id} in ${store.path}`, 'list snapshots and their ids with `diet snapshot list`');
  return contents;
}

/** A snapshot's header without its resources; a StateError naming the id when there is none. */
export function readSnapshotHeader(store: StateStore, id: number): SnapshotRecord {
  const record = store.listSnapshots().find((r) => r.id === id);
  if (!record) throw new StateError(`there is no snapshot ${id} in ${store.path}`, 'list snapshots and their ids with `diet snapshot list`');
  return record;
}
