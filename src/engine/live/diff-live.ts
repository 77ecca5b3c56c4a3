import { diffResources } from '../../plan/diff-resources.js';
import type { DesiredResource, ResourceChange } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import type { LiveObject } from '../../targets/live-target.js';
import type { LiveRead } from './read-live.js';

export interface LiveDiff {
  /** Attribute-level changes that turn the live objects diet owns into the desired ones, in apply order; drift shows up as updates. */
  readonly changes: readonly ResourceChange[];
  /** Desired objects that exist live but are not diet's: a create there would collide. */
  readonly collisions: readonly LiveObject[];
}

/**
 * Desired vs live: the pure diff over the objects diet owns (only owned attributes, values
 * normalized the way the backend stores them), with unowned objects at desired addresses kept
 * apart as collisions — they are never updated or deleted.
 */
export function diffLive(desired: readonly DesiredResource[], live: Pick<LiveRead, 'owned' | 'collisions'>): LiveDiff {
  const changes = diffResources(desired, live.owned, { schemas: resourceSchema });
  return { changes, collisions: live.collisions };
}
