import type { ObservedResource } from '../../resource/resource.js';
import type { SnapshotRecord } from '../../state/index.js';

/**
 * A snapshot's header as `diet snapshot list | show --json` print it (snake_case, null for
 * absent values): the external form of a SnapshotRecord.
 */
export interface SnapshotHeaderDocument {
  readonly id: number;
  readonly cluster: string;
  readonly kind: string;
  readonly created_at: string;
  readonly note: string | null;
  readonly plan_id: string | null;
  readonly resource_count: number;
  readonly checksum: string;
}

export interface SnapshotResourceDocument {
  readonly address: string;
  readonly target: string;
  readonly type: string;
  readonly key: string;
  readonly attrs: ObservedResource['attrs'];
  readonly remote_id: string | null;
  readonly fingerprint: string | null;
  readonly depends_on: readonly string[] | null;
}

export function toSnapshotHeaderDocument(r: SnapshotRecord): SnapshotHeaderDocument {
  return { id: r.id, cluster: r.cluster, kind: r.kind, created_at: r.createdAt, note: r.note ?? null, plan_id: r.planId ?? null, resource_count: r.resourceCount, checksum: r.checksum };
}

export function toSnapshotResourceDocument(r: ObservedResource): SnapshotResourceDocument {
  return { address: r.address, target: r.target, type: r.type, key: r.key, attrs: r.attrs, remote_id: r.remoteId ?? null, fingerprint: r.fingerprint ?? null, depends_on: r.dependsOn ?? null };
}
