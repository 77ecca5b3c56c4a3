import { TargetError } from '../../diag/errors.js';
import type { LiveObject } from '../../targets/live-target.js';
import { ADOPT_KIND_TYPES } from '../../targets/netbox/adoption-coverage.js';

/**
 * The refusal when desired objects already exist live without diet's ownership marker and the
 * spec does not adopt them: diet never updates, deletes or silently takes over an object it
 * did not create.
 */
export function collisionError(all: readonly LiveObject[], cluster: string): TargetError {
  const { collisions } = foldTemplates(all);
  const first = collisions[0];
  const more = collisions.length > 1 ? ` (and ${collisions.length - 1} more: ${collisions.slice(1, 4).map((c) => c.address).join(', ')}${collisions.length > 4 ? ', …' : ''})` : '';
  const marker = first.target === 'netbox' ? `the tag diet-${cluster}` : `diet's labels for cluster ${cluster}`;
  if (first.sharedWith) {
    return new TargetError(
      `${first.address} already exists${first.remoteId ? ` (id ${first.remoteId})` : ''} and belongs to ${otherClusters(first.sharedWith)}${more}; diet will not take it over`,
      "give this cluster's objects other names (e.g. `spec.naming`, or another site), or remove them from the other cluster's spec first",
    );
  }
  return new TargetError(
    `${first.address} already exists${first.remoteId ? ` (id ${first.remoteId})` : ''} but is not managed by diet: it lacks ${marker}${more}; diet will not overwrite or delete it`,
    `rename the object in the spec, or rename/remove it in ${first.target === 'netbox' ? 'NetBox' : 'Kubernetes'}; ${adoptHint(first)}`,
  );
}

/** One warning line per collision, for `diet diff`. */
export function collisionLines(all: readonly LiveObject[], cluster: string): string[] {
  const { collisions, templates } = foldTemplates(all);
  return collisions.map((c) => {
    const n = templates.get(c.address) ?? 0;
    const withTemplates = n > 0 ? ` with ${n} interface template${n === 1 ? '' : 's'} the spec wants` : '';
    if (c.sharedWith) return `! ${c.address} exists${c.remoteId ? ` (id ${c.remoteId})` : ''} and belongs to ${otherClusters(c.sharedWith)}; apply would refuse to create it`;
    return `! ${c.address} exists${c.remoteId ? ` (id ${c.remoteId})` : ''}${withTemplates} but is not managed by diet (no ${c.target === 'netbox' ? `tag diet-${cluster}` : 'diet labels'}); apply would refuse to create it unless the spec adopts it`;
  });
}

/**
 * Interface templates of a colliding device type are read with it and collide too; they are
 * folded into their type (counted) so that one type does not print sixty lines.
 */
function foldTemplates(all: readonly LiveObject[]): { collisions: LiveObject[]; templates: Map<string, number> } {
  const types = new Set(all.filter((c) => c.type === 'dcim.device_type').map((c) => c.address));
  const templates = new Map<string, number>();
  const collisions: LiveObject[] = [];
  for (const c of all) {
    const parent = c.type === 'dcim.interface_template' ? c.dependsOn?.find((d) => types.has(d)) : undefined;
    if (parent) templates.set(parent, (templates.get(parent) ?? 0) + 1);
    else collisions.push(c);
  }
  return { collisions, templates };
}

/** How to hand the object over on purpose: the spec setting for the kinds diet can adopt. */
function adoptHint(o: LiveObject): string {
  const kind = Object.entries(ADOPT_KIND_TYPES).find(([, type]) => type === o.type)?.[0];
  if (kind) return `to hand it over to diet on purpose, adopt it in the Cluster spec (spec.adopt.netbox.${kind}: [${o.key}]) and plan with --refresh live (see docs/netbox.md, "Adoption")`;
  return 'diet adopts only sites, manufacturers, device roles, device types and devices (see docs/netbox.md, "Adoption")';
}

/** `diet cluster lab (tag diet-lab)`: who else owns an object, from its ownership tags. */
export function otherClusters(tags: readonly string[]): string {
  return `diet cluster${tags.length > 1 ? 's' : ''} ${tags.map((t) => t.replace(/^diet-/, '')).join(', ')} (tag ${tags.join(', ')})`;
}
