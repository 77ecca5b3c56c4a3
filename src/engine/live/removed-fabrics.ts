import { ConfigError } from '../../diag/errors.js';
import { fabricOf } from '../../targets/create-live-targets.js';

/** A fabric whose Kubernetes objects the state records, while the spec wants none there. */
export interface RemovedFabric {
  readonly fabric: string;
  /** The recorded addresses of its objects, in state order. */
  readonly addresses: readonly string[];
  /** The spec still defines the fabric, it just wants no Kubernetes object there (e.g. it is no longer managed). */
  readonly inSpec: boolean;
}

/**
 * Fabrics the spec no longer has (or no longer wants any Kubernetes object of) whose objects
 * the last applied snapshot still records. What diet created there is planned as deletes
 * against that fabric's configured API server, as Terraform destroys what a removed
 * configuration block created; they are sorted by name.
 */
export function removedFabrics(recorded: readonly { readonly address: string }[], desired: readonly { readonly address: string }[], specFabrics: Iterable<string> = []): RemovedFabric[] {
  const defined = new Set(specFabrics);
  const wanted = new Set<string>();
  for (const d of desired) {
    const fabric = fabricOf(d.address);
    if (fabric !== undefined) wanted.add(fabric);
  }
  const removed = new Map<string, string[]>();
  for (const r of recorded) {
    const fabric = fabricOf(r.address);
    if (fabric === undefined || wanted.has(fabric)) continue;
    const list = removed.get(fabric) ?? [];
    list.push(r.address);
    removed.set(fabric, list);
  }
  return [...removed.keys()].sort().map((fabric) => ({ fabric, addresses: removed.get(fabric)!, inSpec: defined.has(fabric) }));
}

/**
 * The refusal when a removed fabric's objects cannot be deleted because its Kubernetes
 * settings are gone from the configuration too: nothing may be silently forgotten.
 */
export function removedFabricError(removed: RemovedFabric): ConfigError {
  const n = removed.addresses.length;
  return new ConfigError(
    `fabric ${removed.fabric} ${removed.inSpec ? 'wants no Kubernetes objects any more' : 'is no longer in the spec'}, but the state records ${n} Kubernetes object${n === 1 ? '' : 's'} diet created there (e.g. ${removed.addresses[0]}); deleting them needs its Kubernetes target, and the configuration has no fabrics.${removed.fabric}.kubernetes`,
    `to delete them, add fabrics.${removed.fabric}.kubernetes (server, tokenEnv, caFile) back to the configuration and apply (afterwards it can go); to keep them, ${removed.inSpec ? `let the spec want them again` : `put fabric ${removed.fabric} back into the spec`}; --target netbox leaves Kubernetes alone`,
  );
}
