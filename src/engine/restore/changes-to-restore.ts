import { diffResources } from '../../plan/diff-resources.js';
import type { DesiredResource, ObservedResource, ResourceChange } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import type { LiveObject } from '../../targets/live-target.js';
import { ownedAttrs } from '../live/check-plan-current.js';

export interface RestoreScope {
  /** Whether an address is to be brought back (e.g. every address a failed plan touched). */
  readonly includes: (address: string) => boolean;
}

export interface RestoreDiff {
  /** Changes, in apply order, that make the live objects in scope what the snapshot recorded. */
  readonly changes: readonly ResourceChange[];
  /** Snapshot objects whose address is now held live by an object diet does not own: left alone. */
  readonly blocked: readonly LiveObject[];
}

/**
 * The way back to a snapshot, as an ordinary diff with the snapshot as the desired side:
 * what the snapshot has and live lacks is created again, what differs is set back, and an
 * object diet owns live but the snapshot lacks is deleted. Only addresses in scope take
 * part, so a rollback touches nothing its apply did not. Unowned live objects are never
 * written: a snapshot object at such an address is reported as blocked instead.
 */
export function changesToRestore(snapshot: readonly ObservedResource[], live: readonly LiveObject[], scope: RestoreScope): RestoreDiff {
  const unowned = new Map(live.filter((o) => !o.owned).map((o) => [o.address, o]));
  const owned = new Set(live.filter((o) => o.owned).map((o) => o.address));
  const blocked: LiveObject[] = [];
  const desired: DesiredResource[] = [];
  for (const r of snapshot) {
    if (!scope.includes(r.address)) continue;
    const squatter = unowned.get(r.address);
    if (squatter && !owned.has(r.address)) blocked.push(squatter);
    else desired.push(toDesired(r));
  }
  const observed = live.filter((o) => o.owned && scope.includes(o.address));
  const changes = diffResources(desired, observed, { schemas: resourceSchema }).filter((c) => c.action !== 'noop');
  return { changes, blocked };
}

/** A recorded object as something to bring back: only the attributes diet owns, normalized. */
function toDesired(r: ObservedResource): DesiredResource {
  return { address: r.address, target: r.target, type: r.type, key: r.key, attrs: ownedAttrs({ ...r, owned: true }), dependsOn: r.dependsOn ?? [] };
}
