import { diffWithAdoption, NO_ADOPTION, type AdoptionRules, type SharedConflict } from '../../plan/diff-with-adoption.js';
import type { DesiredResource, ResourceChange } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import type { LiveObject } from '../../targets/live-target.js';
import type { LiveRead } from './read-live.js';

export interface LiveDiff {
  /** Attribute-level changes that turn the live objects diet owns into the desired ones, in apply order; drift shows up as updates. */
  readonly changes: readonly ResourceChange[];
  /** Desired objects that exist live but are not diet's and that the spec does not adopt: a create there would collide. */
  readonly collisions: readonly LiveObject[];
  /** Objects of other diet clusters the spec wants differently: refused like collisions. */
  readonly conflicts: readonly SharedConflict[];
}

/**
 * Desired vs live: the pure diff over the objects diet owns (only owned attributes, values
 * normalized the way the backend stores them), with unowned objects at desired addresses kept
 * apart as collisions — they are never updated or deleted — unless the spec adopts them.
 */
export function diffLive(desired: readonly DesiredResource[], live: Pick<LiveRead, 'owned' | 'collisions'>, rules: AdoptionRules = NO_ADOPTION): LiveDiff {
  const diff = diffWithAdoption(desired, live.owned, live.collisions, rules, { schemas: resourceSchema });
  return { changes: diff.changes, collisions: diff.collisions as LiveObject[], conflicts: diff.conflicts };
}
