import { diffResources } from '../../plan/diff-resources.js';
import type { DesiredResource, ObservedResource, ResourceChange } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import type { LiveObject } from '../../targets/live-target.js';
import { ownershipTagSlug } from '../../targets/netbox/netbox-types.js';
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
 * written: a snapshot object at such an address is reported as blocked instead. An object
 * the snapshot recorded without diet's marker (adopted after it) is set back to what it was,
 * marker included — released, never deleted.
 */
export function changesToRestore(snapshot: readonly ObservedResource[], live: readonly LiveObject[], scope: RestoreScope, cluster: string): RestoreDiff {
  const unowned = new Map(live.filter((o) => !o.owned).map((o) => [o.address, o]));
  const owned = new Set(live.filter((o) => o.owned).map((o) => o.address));
  const wasOwned = ownedWhenRecorded(snapshot, cluster);
  const blocked: LiveObject[] = [];
  const desired: DesiredResource[] = [];
  for (const r of snapshot) {
    if (!scope.includes(r.address)) continue;
    const squatter = unowned.get(r.address);
    // Not diet's when recorded (an object an apply then adopted): set back and let go if diet
    // holds it now, otherwise nothing of diet's to restore.
    if (!wasOwned(r)) {
      if (owned.has(r.address)) desired.push(toDesired(r));
    } else if (squatter && !owned.has(r.address)) blocked.push(squatter);
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

/**
 * Whether each recorded object carried the cluster's marker. Only NetBox objects are ever
 * adopted, and only taggable ones tell: a recorded `tags` without the ownership tag; an
 * interface template goes with its device type.
 */
function ownedWhenRecorded(snapshot: readonly ObservedResource[], cluster: string): (r: ObservedResource) => boolean {
  const tag = ownershipTagSlug(cluster);
  const tagged = (r: ObservedResource) => r.target !== 'netbox' || !Array.isArray(r.attrs.tags) || r.attrs.tags.includes(tag);
  const types = new Map(snapshot.filter((r) => r.type === 'dcim.device_type').map((r) => [r.address, tagged(r)]));
  return (r) => (r.type === 'dcim.interface_template' ? (r.dependsOn ?? []).every((d) => types.get(d) ?? true) : tagged(r));
}
