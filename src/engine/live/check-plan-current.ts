import { StalePlanError } from '../../diag/errors.js';
import { attrValuesEqual } from '../../plan/attr-value-equal.js';
import { pickOwnedAttrs } from '../../plan/owned-attrs.js';
import type { PlanDocument } from '../../plan/plan-document.js';
import type { Attrs, ResourceChange } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import type { LiveObject } from '../../targets/live-target.js';
import { collisionError } from './collision-error.js';
import type { LiveRead } from './read-live.js';

const HINT = 'make a new plan (`diet plan --refresh live`, or `diet apply` without a plan file) and apply that';

/**
 * Refuses a plan whose premises no longer hold, before anything is written:
 *
 * - state baseline: the state's latest applied snapshot must still be the one planned against;
 * - live baseline: every owned object read when planning must have the same fingerprint, and
 *   no owned object may have appeared in the targets read;
 * - always: each change must still make sense live — nothing of diet's at a create's address
 *   (and nothing unowned either: a collision), and the object an update or delete is about
 *   must exist with exactly the owned attributes the plan saw — owned by diet, except for an
 *   adoption, whose object must still be unowned;
 * - nothing another diet cluster also owns is deleted (a plan against state cannot know).
 */
export function checkPlanCurrent(doc: PlanDocument, changes: readonly ResourceChange[], live: LiveRead, latestSnapshotId: number | undefined): void {
  const stale: string[] = [];
  const { baseline } = doc;
  if (baseline.kind !== 'live' && (baseline.snapshot_id ?? undefined) !== (latestSnapshotId === undefined ? undefined : String(latestSnapshotId))) {
    throw new StalePlanError(
      `the plan is stale: it was made against ${baseline.snapshot_id ? `state snapshot ${baseline.snapshot_id}` : 'an empty state'}, but the latest applied snapshot is ${latestSnapshotId ?? 'none'}`,
      HINT,
    );
  }
  if (baseline.kind === 'live') {
    for (const [address, fingerprint] of Object.entries(baseline.fingerprints)) {
      const now = live.byAddress.get(address);
      if (!now?.owned) stale.push(`${address} is gone`);
      else if (now.fingerprint !== fingerprint) stale.push(`${address} changed`);
    }
    for (const o of live.owned) if (!Object.hasOwn(baseline.fingerprints, o.address)) stale.push(`${o.address} appeared`);
  }
  const collisions: LiveObject[] = [];
  for (const c of changes) {
    const now = live.byAddress.get(c.address);
    if ((c.action === 'delete' || c.action === 'replace') && now?.owned && now.sharedWith) throw sharedDeleteError(c, now.sharedWith);
    if (c.action === 'create') {
      if (now?.owned) stale.push(`${c.address} exists already`);
      else if (now) collisions.push(now);
    } else if (c.ownership === 'adopt') {
      // Adopting takes over an object that is still not diet's, exactly as the plan saw it.
      if (!now) stale.push(`${c.address} is gone`);
      else if (now.owned) stale.push(`${c.address} was tagged meanwhile`);
      else if (!attrValuesEqual(ownedAttrs(now), c.before ?? {})) stale.push(`${c.address} changed`);
    } else if (!now?.owned) {
      stale.push(`${c.address} is gone`);
    } else if (!attrValuesEqual(ownedAttrs(now), c.before ?? {})) {
      stale.push(`${c.address} changed`);
    }
  }
  if (collisions.length > 0) throw collisionError(collisions, doc.cluster);
  if (stale.length > 0) {
    const unique = [...new Set(stale)];
    const more = unique.length > 3 ? ` (and ${unique.length - 3} more)` : '';
    throw new StalePlanError(`the plan is stale: ${unique.slice(0, 3).join(', ')}${more} since it was made`, HINT);
  }
}

/** The owned, normalized attributes of a live object, as a plan's `before` holds them. */
export function ownedAttrs(o: LiveObject): Attrs {
  const schema = resourceSchema(o.type);
  if (!schema) return o.attrs;
  return pickOwnedAttrs(schema.normalize ? schema.normalize(o.attrs) : o.attrs, schema.ownedAttrs);
}

function sharedDeleteError(c: ResourceChange, sharedWith: readonly string[]): StalePlanError {
  return new StalePlanError(
    `the plan would ${c.action === 'delete' ? 'delete' : 'recreate'} ${c.address}, which diet cluster ${sharedWith.map((t) => t.replace(/^diet-/, '')).join(', ')} uses too (tag ${sharedWith.join(', ')})`,
    'plan against live NetBox (`diet plan --refresh live`, or `diet apply` without a plan file): such an object is released, not deleted',
  );
}
