import { attrValuesEqual } from '../../plan/attr-value-equal.js';
import { pickOwnedAttrs } from '../../plan/owned-attrs.js';
import type { Attrs, ResourceChange } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import { ownedAttrs } from './check-plan-current.js';
import type { LiveRead } from './read-live.js';

/**
 * Reads back what an apply did: each created or updated object must now hold the planned
 * owned attributes, each deleted one must be gone, and each released one no longer be diet's.
 * A difference means the target stores a value differently from how diet plans it (the next
 * plan would show it again), so it is reported as a warning naming the object and attribute.
 */
export function verifyApplied(changes: readonly ResourceChange[], after: Pick<LiveRead, 'byAddress'>): string[] {
  const problems: string[] = [];
  for (const c of changes) {
    const now = after.byAddress.get(c.address);
    if (c.action === 'delete') {
      if (now?.owned) problems.push(`${c.address} still exists after its delete`);
      continue;
    }
    if (c.ownership === 'release') {
      if (now?.owned) problems.push(`${c.address} still carries diet's ownership after its release`);
      continue;
    }
    if (!now?.owned) {
      problems.push(`${c.address} is missing after its ${c.action}`);
      continue;
    }
    const want = planned(c.type, c.after ?? {});
    const have = ownedAttrs(now);
    if (!attrValuesEqual(have, want)) {
      const keys = [...new Set([...Object.keys(want), ...Object.keys(have)])].filter((k) => !attrValuesEqual(have[k], want[k]));
      problems.push(`${c.address} reads back different from the plan in ${keys.join(', ')}`);
    }
  }
  if (problems.length <= 5) return problems.map((p) => `verify: ${p}`);
  return [...problems.slice(0, 5).map((p) => `verify: ${p}`), `verify: … and ${problems.length - 5} more differences`];
}

function planned(type: string, attrs: Attrs): Attrs {
  const schema = resourceSchema(type);
  if (!schema) return attrs;
  return pickOwnedAttrs(schema.normalize ? schema.normalize(attrs) : attrs, schema.ownedAttrs);
}
