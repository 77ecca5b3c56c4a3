import { TargetError } from '../../diag/errors.js';
import type { LiveObject } from '../../targets/live-target.js';
import { ADOPT_KIND_TYPES } from '../../targets/netbox/adoption-coverage.js';

/**
 * The refusal when desired objects already exist live without diet's ownership marker and the
 * spec does not adopt them: diet never updates, deletes or silently takes over an object it
 * did not create.
 */
export function collisionError(all: readonly LiveObject[], cluster: string): TargetError {
  const { collisions } = foldParts(all);
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
  const { collisions, parts } = foldParts(all);
  return collisions.map((c) => {
    const withParts = partsText(parts.get(c.address));
    if (c.sharedWith) return `! ${c.address} exists${c.remoteId ? ` (id ${c.remoteId})` : ''} and belongs to ${otherClusters(c.sharedWith)}; apply would refuse to create it`;
    return `! ${c.address} exists${c.remoteId ? ` (id ${c.remoteId})` : ''}${withParts} but is not managed by diet (no ${c.target === 'netbox' ? `tag diet-${cluster}` : 'diet labels'}); apply would refuse to create it unless the spec adopts it`;
  });
}

/**
 * The parts of a colliding object are read with it and collide too — interface templates of a
 * device type, interfaces and cables of a device: they are folded into it (counted by kind)
 * so that one switch does not print sixty lines.
 */
function foldParts(all: readonly LiveObject[]): { collisions: LiveObject[]; parts: Map<string, Map<string, number>> } {
  const at = new Map(all.map((c) => [c.address, c]));
  const rootOf = (c: LiveObject): LiveObject => {
    let root = c;
    for (let parent = parentIn(at, root); parent; parent = parentIn(at, root)) root = parent;
    return root;
  };
  const parts = new Map<string, Map<string, number>>();
  const collisions: LiveObject[] = [];
  for (const c of all) {
    const root = rootOf(c);
    if (root === c) {
      collisions.push(c);
      continue;
    }
    const kinds = parts.get(root.address) ?? new Map<string, number>();
    kinds.set(c.type, (kinds.get(c.type) ?? 0) + 1);
    parts.set(root.address, kinds);
  }
  return { collisions, parts };
}

/** The colliding object this one is a part of (an untagged child depends on it). */
function parentIn(at: ReadonlyMap<string, LiveObject>, c: LiveObject): LiveObject | undefined {
  if (!PART_TYPES.has(c.type)) return undefined;
  const parent = (c.dependsOn ?? []).find((d) => at.has(d) && d !== c.address);
  return parent === undefined ? undefined : at.get(parent);
}

const PART_TYPES = new Set(['dcim.interface_template', 'dcim.interface', 'dcim.cable']);
const PART_NAMES: Readonly<Record<string, [string, string]>> = {
  'dcim.interface_template': ['interface template', 'interface templates'],
  'dcim.interface': ['interface', 'interfaces'],
  'dcim.cable': ['cable', 'cables'],
};

function partsText(kinds: ReadonlyMap<string, number> | undefined): string {
  if (!kinds) return '';
  const text = [...kinds].map(([type, n]) => `${n} ${PART_NAMES[type]?.[n === 1 ? 0 : 1] ?? type}`);
  return ` with ${text.length > 1 ? `${text.slice(0, -1).join(', ')} and ${text[text.length - 1]}` : text[0]} the spec wants`;
}

/** How to hand the object over on purpose: the spec setting for the kinds diet can adopt. */
function adoptHint(o: LiveObject): string {
  const device = o.type === 'dcim.interface' ? o.key.slice(0, o.key.indexOf(':')) : undefined;
  if (device) return `to hand it over to diet on purpose, adopt it with its device in the Cluster spec (spec.adopt.netbox.devices: [${device}]) and plan with --refresh live (see docs/netbox.md, "Adoption")`;
  const kind = Object.entries(ADOPT_KIND_TYPES).find(([, type]) => type === o.type)?.[0];
  if (kind) return `to hand it over to diet on purpose, adopt it in the Cluster spec (spec.adopt.netbox.${kind}: [${o.key}]) and plan with --refresh live (see docs/netbox.md, "Adoption")`;
  return 'diet adopts sites, manufacturers, device roles, device types and devices, with their interface templates, interfaces and cables (see docs/netbox.md, "Adoption")';
}

/** `diet cluster lab (tag diet-lab)`: who else owns an object, from its ownership tags. */
export function otherClusters(tags: readonly string[]): string {
  return `diet cluster${tags.length > 1 ? 's' : ''} ${tags.map((t) => t.replace(/^diet-/, '')).join(', ')} (tag ${tags.join(', ')})`;
}
