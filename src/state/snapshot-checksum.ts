import { createHash } from 'node:crypto';

/**
 * One stored row of a snapshot exactly as it sits in `snapshot_resources` (text
 * columns, JSON already canonical). The checksum is computed over these stored values,
 * not over the caller's objects, so `verifySnapshot` can recompute it from the table
 * alone and any edit of a row (even one that leaves valid JSON) is detected.
 */
export interface SnapshotRow {
  readonly address: string;
  readonly target: string;
  readonly type: string;
  readonly key: string;
  readonly attrs: string;
  readonly remoteId: string | null;
  readonly fingerprint: string | null;
  readonly dependsOn: string | null;
  /** 1 for an object diet adopted, null for one it created. */
  readonly adopted: number | null;
}

/** Bumping this prefix changes every checksum: only together with a migration. */
const CHECKSUM_FORMAT = 'diet-snapshot-rows/1';
const HASH_CHUNK = 65_536;

/** Orders rows by address with JS code-unit order, the same order on save and verify. */
export function compareRows(a: { readonly address: string }, b: { readonly address: string }): number {
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}

/**
 * `sha256:<hex>` over a format line followed by one JSON array per row, in address
 * order, each terminated by a newline. JSON arrays of strings/nulls (plus the adoption mark
 * as a ninth element when set) are unambiguous, so no two different row sets share an encoding.
 */
export function checksumRows(rows: readonly SnapshotRow[]): string {
  const sorted = isSorted(rows) ? rows : [...rows].sort(compareRows);
  const hash = createHash('sha256');
  // Feeding the hash in ~64 KiB pieces instead of once per row halves the cost for
  // large snapshots; the digest depends only on the bytes, not on how they are split.
  let pending = `${CHECKSUM_FORMAT}\n`;
  for (const r of sorted) {
    // The adoption mark is appended only when set: rows written before it existed hash as they did.
    const fields = [r.address, r.target, r.type, r.key, r.attrs, r.remoteId, r.fingerprint, r.dependsOn];
    pending += `${JSON.stringify(r.adopted === null || r.adopted === undefined ? fields : [...fields, r.adopted])}\n`;
    if (pending.length >= HASH_CHUNK) {
      hash.update(pending);
      pending = '';
    }
  }
  hash.update(pending);
  return `sha256:${hash.digest('hex')}`;
}

function isSorted(rows: readonly SnapshotRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (compareRows(rows[i - 1], rows[i]) > 0) return false;
  return true;
}
