import { TargetError } from '../../diag/errors.js';
import type { LiveObject } from '../../targets/live-target.js';
import { ADOPT_KIND_TYPES } from '../../targets/netbox/adoption-coverage.js';

/**
 * The refusal when desired objects already exist live without diet's ownership marker and the
 * spec does not adopt them: diet never updates, deletes or silently takes over an object it
 * did not create.
 */
export function collisionError(collisions: readonly LiveObject[], cluster: string): TargetError {
  const first = collisions[0];
  const more = collisions.length > 1 ? ` (and ${collisions.length - 1} more: ${collisions.slice(1, 4).map((c) => c.address).join(', ')}${collisions.length > 4 ? ', …' : ''})` : '';
  const marker = first.target === 'netbox' ? `the tag diet-${cluster}` : `diet's labels for cluster ${cluster}`;
  return new TargetError(
    `${first.address} already exists${first.remoteId ? ` (id ${first.remoteId})` : ''} but is not managed by diet: it lacks ${marker}${more}; diet will not overwrite or delete it`,
    `rename the object in the spec, or rename/remove it in ${first.target === 'netbox' ? 'NetBox' : 'Kubernetes'}; ${adoptHint(first)}`,
  );
}

/** One warning line per collision, for `diet diff`. */
export function collisionLines(collisions: readonly LiveObject[], cluster: string): string[] {
  return collisions.map((c) => `! ${c.address} exists${c.remoteId ? ` (id ${c.remoteId})` : ''} but is not managed by diet (no ${c.target === 'netbox' ? `tag diet-${cluster}` : 'diet labels'}); apply would refuse to create it unless the spec adopts it`);
}

/** How to hand the object over on purpose: the spec setting for the kinds diet can adopt. */
function adoptHint(o: LiveObject): string {
  const kind = Object.entries(ADOPT_KIND_TYPES).find(([, type]) => type === o.type)?.[0];
  if (kind) return `to hand it over to diet on purpose, adopt it in the Cluster spec (spec.adopt.netbox.${kind}: [${o.key}]) and plan with --refresh live (see docs/netbox.md, "Adoption")`;
  return 'diet adopts only sites, manufacturers, device roles, device types and devices (see docs/netbox.md, "Adoption")';
}
