import type { SnapshotRecord, SnapshotVerification, StateStore } from '../../state/index.js';
import { readSnapshotHeader } from './read-snapshot.js';

export interface SnapshotCheck extends SnapshotVerification {
  readonly record: SnapshotRecord;
}

/**
 * `diet snapshot verify [ID]`: recomputes the checksum of one snapshot, or of every snapshot
 * (oldest first), from the rows stored now. Reads only.
 */
export function verifySnapshots(store: StateStore, id?: number): SnapshotCheck[] {
  const records = id === undefined ? store.listSnapshots().reverse() : [readSnapshotHeader(store, id)];
  return records.map((record) => ({ record, ...store.verifySnapshot(record.id) }));
}
