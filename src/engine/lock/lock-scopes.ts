import { fabricOf } from '../../targets/create-live-targets.js';

/**
 * What a lock covers: NetBox (one per cluster) is one scope, each fabric's Kubernetes API
 * another — the same split as the live targets (`BoundTarget.scope`). A command locks the
 * scopes of every address it may write, so two applies to different fabrics of a cluster
 * can run side by side while two that touch the same target cannot.
 */
export function lockScopeOf(address: string): string {
  if (address.startsWith('netbox.')) return 'netbox';
  const fabric = fabricOf(address);
  return fabric === undefined ? 'kubernetes' : `kubernetes/${fabric}`;
}

/** Sorted, without repeats. */
export function lockScopesOf(addresses: Iterable<string>): string[] {
  const scopes = new Set<string>();
  for (const address of addresses) scopes.add(lockScopeOf(address));
  return [...scopes].sort();
}
