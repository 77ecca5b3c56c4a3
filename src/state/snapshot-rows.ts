import { StateError } from '../diag/errors.js';
import type { Attrs, ObservedResource } from '../resource/resource.js';
import { canonicalJson } from '../resource/canonical-json.js';
import { compareRows, type SnapshotRow } from './snapshot-checksum.js';

/**
 * Converts between ObservedResource values and the stored rows of
 * `snapshot_resources`. JSON columns hold canonical text (sorted keys), so equal
 * resources always store as equal bytes. `dependsOn` keeps the caller's order (it is
 * the order a target reported or the graph produced); absent optional fields are
 * stored as NULL so a snapshot round-trips exactly, `[]` included.
 */
export function toSnapshotRows(resources: readonly ObservedResource[]): SnapshotRow[] {
  const rows = resources.map(toSnapshotRow).sort(compareRows);
  for (let i = 1; i < rows.length; i++) {
    if (rows[i - 1].address === rows[i].address) {
      throw new StateError(
        `a snapshot cannot hold two resources at ${rows[i].address}`,
        'this is a diet bug (addresses are unique per cluster); please report it',
      );
    }
  }
  return rows;
}

function toSnapshotRow(r: ObservedResource): SnapshotRow {
  return {
    address: r.address,
    target: r.target,
    type: r.type,
    key: r.key,
    attrs: canonicalJson(r.attrs),
    remoteId: r.remoteId ?? null,
    fingerprint: r.fingerprint ?? null,
    dependsOn: r.dependsOn === undefined ? null : canonicalJson(r.dependsOn),
    adopted: r.adopted ? 1 : null,
  };
}

export function fromSnapshotRow(row: SnapshotRow, snapshotId: number): ObservedResource {
  const resource: { -readonly [K in keyof ObservedResource]: ObservedResource[K] } = {
    address: row.address,
    target: row.target as ObservedResource['target'],
    type: row.type,
    key: row.key,
    attrs: parseColumn(row.attrs, snapshotId, row.address, 'attrs') as Attrs,
  };
  if (row.remoteId !== null) resource.remoteId = row.remoteId;
  if (row.fingerprint !== null) resource.fingerprint = row.fingerprint;
  if (row.dependsOn !== null) resource.dependsOn = parseColumn(row.dependsOn, snapshotId, row.address, 'depends_on') as string[];
  if (row.adopted === 1) resource.adopted = true;
  return resource;
}

/** A row that no longer parses was edited outside diet; say so instead of crashing. */
function parseColumn(text: string, snapshotId: number, address: string, column: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new StateError(
      `snapshot ${snapshotId} is damaged: ${column} of ${address} is not valid JSON`,
      `run \`diet snapshot verify ${snapshotId}\`; restore the state file from a backup if it fails`,
    );
  }
}
