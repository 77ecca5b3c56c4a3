import type { AttrValue, Attrs, DesiredResource, ObservedResource, ResourceChange } from '../resource/resource.js';
import { diffAttrs } from './attr-changes.js';
import { compareCodeUnits } from './compare-code-units.js';
import { diffResources, type DiffOptions } from './diff-resources.js';

export interface AdoptionRules {
  /** Whether the spec's `adopt` setting names this object; absent when the spec adopts nothing. */
  readonly covers?: (type: string, key: string) => boolean;
  /** Addresses that state records as adopted: released instead of deleted. */
  readonly adopted: ReadonlySet<string>;
  /** The ownership tag: the only entry of an adopted object's `tags` that diet owns. */
  readonly ownershipTag: string;
  /**
   * Types whose objects another diet cluster owns are shared without `adopt` (catalog
   * objects: sites, manufacturers, roles, device types): joined when they already hold
   * exactly what this spec wants.
   */
  readonly joinable?: (type: string) => boolean;
}

/** No adoption at all: every collision stays a collision, every owned object is diet's. */
export const NO_ADOPTION: AdoptionRules = { adopted: new Set(), ownershipTag: '' };

export interface AdoptionDiff {
  /** In apply order; adoptions and releases are updates with `ownership` set. */
  readonly changes: ResourceChange[];
  /** Unowned objects at desired addresses that the spec does not adopt: still refused. */
  readonly collisions: readonly ObservedResource[];
  /** Objects of other diet clusters that this spec wants differently: neither joined nor changed. */
  readonly conflicts: readonly SharedConflict[];
}

/** An object another diet cluster owns (its tags in `sharedWith`) that this spec wants otherwise. */
export interface SharedConflict {
  readonly address: string;
  readonly sharedWith: readonly string[];
  /** What differs: attribute paths, or `<child address> (create)` for a part it lacks. */
  readonly differences: readonly string[];
}

/**
 * The diff of `diffResources` with adoption on top:
 *
 * - an unowned object at a desired address that the spec adopts is compared like an owned
 *   one; its change is an update marked `adopt` (it gains diet's tag at least);
 * - on an adopted object (adopted now, recorded so in state, or named by the spec's adopt
 *   setting) diet owns only its own tag in `tags`: the object's other tags are kept, and a
 *   tag added by hand (or another cluster's ownership tag) is not drift;
 * - an adopted object the spec no longer wants is released, never deleted: an update marked
 *   `release` that removes diet's tag. Children owned only through an adopted object
 *   (interface templates of a device type, which carry no tags) are never deleted: they may
 *   have existed before diet, and there is no tag to tell;
 * - an object another diet cluster owns too (`sharedWith`) is released, never deleted; one of
 *   a `joinable` type is joined (tagged, like an adoption) when it already matches the spec,
 *   children included, and is a conflict otherwise; a change that needs a replace of a shared
 *   object is a conflict too.
 */
export function diffWithAdoption(desired: readonly DesiredResource[], owned: readonly ObservedResource[], collisions: readonly ObservedResource[], rules: AdoptionRules, options: DiffOptions): AdoptionDiff {
  const covers = rules.covers;
  const joins = (c: ObservedResource) => isShared(c) && (rules.joinable?.(c.type) ?? false) && !(covers?.(c.type, c.key) ?? false);
  // The common case, and the one sized for 100k objects: nothing adopted or shared, the plain diff.
  if (!covers && rules.adopted.size === 0 && !owned.some(isShared) && !collisions.some(joins)) {
    return { changes: diffResources(desired, owned, options), collisions, conflicts: [] };
  }
  // Joining another cluster's object brings its tagless children (interface templates) along.
  const joiningRoots = new Map(collisions.filter(joins).map((c) => [c.address, c]));
  const rootOf = (address: string, dependsOn: readonly string[] | undefined, attrs: Attrs | undefined) =>
    joiningRoots.get(address) ?? (attrs && !('tags' in attrs) ? joiningRoots.get(dependsOn?.find((d) => joiningRoots.has(d)) ?? '') : undefined);
  const joining = collisions.filter((c) => rootOf(c.address, c.dependsOn, c.attrs) !== undefined);
  const adopting = [...(covers ? collisions.filter((c) => covers(c.type, c.key)) : []), ...joining];
  const adoptingAt = new Set(adopting.map((c) => c.address));
  const refused = collisions.filter((c) => !adoptingAt.has(c.address));
  // Shared tags also on objects the spec adopts that diet already owns: two clusters that both
  // adopt one device type keep each other's tag instead of removing it as drift.
  const shared = (d: DesiredResource) => adoptingAt.has(d.address) || rules.adopted.has(d.address) || (covers?.(d.type, d.key) ?? false);
  const observed = [...owned, ...adopting];
  const observedAt = new Map(observed.map((o) => [o.address, o]));
  const wanted = desired.map((d) => {
    const o = observedAt.get(d.address);
    return o && shared(d) ? withTags(d, tagUnion(d.attrs.tags, o.attrs.tags)) : d;
  });
  const released = new Set<string>();
  const changes: ResourceChange[] = [];
  const refusedToo: ObservedResource[] = [];
  const conflicts = new Map<string, { sharedWith: readonly string[]; differences: string[] }>();
  const conflict = (root: ObservedResource, differences: string[]) => {
    const entry = conflicts.get(root.address) ?? { sharedWith: root.sharedWith ?? [], differences: [] };
    entry.differences.push(...differences);
    conflicts.set(root.address, entry);
  };
  for (const c of diffResources(wanted, observed, options)) {
    const root = rootOf(c.address, c.dependsOn, c.after ?? c.before);
    const before = observedAt.get(c.address);
    if (root && c.action !== 'noop' && !(c.action === 'update' && c.attrChanges.every((a) => a.path.split('.')[0] === 'tags'))) {
      // Another cluster's object is shared as it is, never changed (that cluster would change it back).
      conflict(root, c.address === root.address ? c.attrChanges.map((a) => a.path.split('.')[0]).filter((p) => p !== 'tags') : [`${c.address} (${c.action})`]);
    } else if (c.action === 'replace' && before && isShared(before)) {
      conflict(before, [...new Set(c.attrChanges.map((a) => a.path.split('.')[0]))].map((p) => `${p} (needs a replace)`));
    } else if (adoptingAt.has(c.address) && c.action === 'replace') {
      // Adopting never deletes: an object that could only be matched by recreating it stays a collision.
      refusedToo.push(observedAt.get(c.address)!);
    } else if (adoptingAt.has(c.address) && c.action !== 'noop') {
      changes.push({ ...c, ownership: 'adopt' });
    } else if (c.action === 'delete' && (rules.adopted.has(c.address) || (before !== undefined && isShared(before)))) {
      // Adopted, or still another cluster's too: diet lets go of it instead of deleting it.
      released.add(c.address);
      changes.push(release(c, rules.ownershipTag));
    } else changes.push(c);
  }
  // Tagless children (interface templates) of adopted objects were not diet's to begin with.
  const kept = (address: string) => released.has(address) || rules.adopted.has(address) || adoptingAt.has(address);
  // A conflict anywhere in a joined object refuses all of it, its own tag included.
  const inConflict = (c: ResourceChange) => conflicts.has(rootOf(c.address, c.dependsOn, c.after ?? c.before)?.address ?? '');
  return {
    changes: changes.filter((c) => !(c.action === 'delete' && ownedThroughAdopted(c, kept)) && !inConflict(c)),
    collisions: [...refused, ...refusedToo],
    conflicts: [...conflicts].map(([address, { sharedWith, differences }]) => ({ address, sharedWith, differences: [...new Set(differences)] })),
  };
}

function isShared(o: ObservedResource): boolean {
  return (o.sharedWith?.length ?? 0) > 0;
}

/** The delete of an adopted object turned into the removal of diet's tag from it. */
function release(c: ResourceChange, tag: string): ResourceChange {
  const before = c.before ?? {};
  const tags = Array.isArray(before.tags) ? (before.tags as AttrValue[]).filter((t) => t !== tag) : [];
  const after: Attrs = { ...before, tags };
  return { ...c, action: 'update', after, attrChanges: diffAttrs(before, after), ownership: 'release' };
}

/** A tagless child (interface template) of an adopted or released object: diet never deletes it. */
function ownedThroughAdopted(c: ResourceChange, adopted: (address: string) => boolean): boolean {
  return !(c.before && 'tags' in c.before) && c.dependsOn.some(adopted);
}

function tagUnion(desired: AttrValue | undefined, observed: AttrValue | undefined): string[] {
  const all = [...(Array.isArray(desired) ? desired : []), ...(Array.isArray(observed) ? observed : [])].filter((t): t is string => typeof t === 'string');
  return [...new Set(all)].sort(compareCodeUnits);
}

function withTags(d: DesiredResource, tags: string[]): DesiredResource {
  return Array.isArray(d.attrs.tags) ? { ...d, attrs: { ...d.attrs, tags } } : d;
}
