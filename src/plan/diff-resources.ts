import type { Attrs, DesiredResource, ObservedResource, ResourceChange } from '../resource/resource.js';
import type { ResourceTypeSchema } from '../resource/resource-type-schema.js';
import { diffAttrs } from './attr-changes.js';
import { attrValuesEqual } from './attr-value-equal.js';
import { forcesReplacement, unionKeyChanged } from './forces-replacement.js';
import { orderChanges } from './order-changes.js';
import { pickOwnedAttrs } from './owned-attrs.js';

export interface DiffOptions {
  /** The schema of a resource type, from the targets; without one, every attribute is compared. */
  readonly schemas: (type: string) => ResourceTypeSchema | undefined;
}

/** Both sides of one address; `change` is its index in the change list once computed. */
interface Joined {
  desired?: DesiredResource;
  observed?: ObservedResource;
  change: number;
}

/**
 * Compares what diet wants with what exists, joined by address:
 *
 * - desired only → create (`after` = desired attrs, normalized);
 * - observed only → delete (`before` = owned observed attrs; `dependsOn` = observed dependsOn);
 * - both → noop, update, or replace when an attribute at or inside an `immutableAttrs` path
 *   changes, or an `immutableUnions` object sets another key. Both sides are normalized by the schema, then only `ownedAttrs` are compared
 *   (all attrs without a schema); `before` holds the owned observed attrs.
 *
 * `attrChanges` is filled for updates and replaces only: creates and deletes carry the whole
 * value in `after` / `before`. `remoteId` and `fingerprint` never take part. When an address
 * is repeated on one side its first occurrence is used (the graph stage reports duplicates).
 * The result is in apply order (see `orderChanges`) and independent of input order.
 *
 * Sized for ~100k resources: one Map joins the two sides and also resolves dependencies for
 * the ordering (each extra 100k-entry Map of addresses costs a measurable fraction of a second).
 */
export function diffResources(desired: readonly DesiredResource[], observed: readonly ObservedResource[], options: DiffOptions): ResourceChange[] {
  const schemaOf = cachedSchemas(options.schemas);
  const joined = new Map<string, Joined>();
  for (const o of observed) if (!joined.has(o.address)) joined.set(o.address, { observed: o, change: -1 });
  for (const d of desired) {
    const entry = joined.get(d.address);
    if (!entry) joined.set(d.address, { desired: d, change: -1 });
    else if (!entry.desired) entry.desired = d;
  }

  const changes: ResourceChange[] = [];
  const observedDependsOn: (readonly string[] | undefined)[] = [];
  for (const entry of joined.values()) {
    entry.change = changes.length;
    observedDependsOn.push(entry.observed?.dependsOn);
    changes.push(entry.desired ? compare(entry.desired, entry.observed, schemaOf(entry.desired.type)) : deleted(entry.observed!, schemaOf(entry.observed!.type)));
  }
  return orderChanges(changes, {
    indexOf: (address) => joined.get(address)?.change,
    observedDependsOn: (index) => observedDependsOn[index],
    typeRank: (type) => schemaOf(type)?.order ?? 0,
  });
}

function compare(d: DesiredResource, o: ObservedResource | undefined, schema: ResourceTypeSchema | undefined): ResourceChange {
  const after = normalized(d.attrs, schema);
  const { address, target, type, key, dependsOn, origin } = d;
  const provenance = origin ? { origin } : {};
  if (!o) return { address, target, type, key, action: 'create', after, attrChanges: [], dependsOn, ...provenance };
  const before = owned(normalized(o.attrs, schema), schema);
  const wanted = owned(after, schema);
  // Most resources are unchanged: one equality walk is cheaper than building a diff.
  const attrChanges = attrValuesEqual(before, wanted) ? [] : diffAttrs(before, wanted);
  const replace = attrChanges.length > 0 && (forcesReplacement(attrChanges, schema?.immutableAttrs ?? []) || unionKeyChanged(before, wanted, schema?.immutableUnions));
  const action = attrChanges.length === 0 ? 'noop' : replace ? 'replace' : 'update';
  return { address, target, type, key, action, before, after, attrChanges, dependsOn, ...provenance };
}

function deleted(o: ObservedResource, schema: ResourceTypeSchema | undefined): ResourceChange {
  const before = owned(normalized(o.attrs, schema), schema);
  return { address: o.address, target: o.target, type: o.type, key: o.key, action: 'delete', before, attrChanges: [], dependsOn: o.dependsOn ?? [] };
}

function normalized(attrs: Attrs, schema: ResourceTypeSchema | undefined): Attrs {
  return schema?.normalize ? schema.normalize(attrs) : attrs;
}

function owned(attrs: Attrs, schema: ResourceTypeSchema | undefined): Attrs {
  return schema ? pickOwnedAttrs(attrs, schema.ownedAttrs) : attrs;
}

/** The schema callback may walk several targets' tables: ask once per type. */
function cachedSchemas(schemas: DiffOptions['schemas']): DiffOptions['schemas'] {
  const cache = new Map<string, ResourceTypeSchema | undefined>();
  return (type) => {
    if (!cache.has(type)) cache.set(type, schemas(type));
    return cache.get(type);
  };
}
