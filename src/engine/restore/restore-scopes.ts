import type { ObservedResource } from '../../resource/resource.js';
import type { SnapshotRecord } from '../../state/index.js';
import { lockScopeOf } from '../lock/lock-scopes.js';
import type { TargetSelection } from '../live/target-selection.js';

/**
 * The target scopes a restore brings back (`netbox`, `kubernetes/<fabric>`): those the
 * snapshot says it covers — in them, an object diet owns that the snapshot lacks did not
 * exist then and is deleted — or, for a snapshot that does not say (older files), the scopes
 * of its resources. Restricted to `--target`; sorted.
 */
export function restoreScopesOf(record: SnapshotRecord, resources: readonly ObservedResource[], selection: TargetSelection): string[] {
  const scopes = record.scopes ?? resources.map((r) => lockScopeOf(r.address));
  return [...new Set(scopes)].filter((s) => selection === 'all' || s === selection || s.startsWith(`${selection}/`)).sort();
}

/** The fabric of a `kubernetes/<fabric>` scope. */
export function fabricOfScope(scope: string): string | undefined {
  return scope.startsWith('kubernetes/') ? scope.slice('kubernetes/'.length) : undefined;
}
