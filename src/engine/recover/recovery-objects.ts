import { diffResources } from '../../plan/diff-resources.js';
import type { ResourceChange } from '../../resource/resource.js';
import type { JournalStepRecord } from '../../state/index.js';
import type { LiveObject } from '../../targets/live-target.js';
import { resourceSchema } from '../../targets/resource-schemas.js';

/** What the journal knows of a step: `sent` = the request left but no answer was recorded (maybe written). */
export type JournalVerdict = 'confirmed' | 'sent' | 'not-sent' | 'failed';

/** What a fresh read shows for the object: as the plan wanted, as it was before, something else, absent, or held by an object diet does not own. */
export type LiveVerdict = 'as-planned' | 'as-before' | 'other' | 'unowned';

export interface RecoveryObject {
  readonly address: string;
  readonly action: string;
  readonly journal: JournalVerdict;
  readonly live: LiveVerdict;
}

/**
 * Per change of the interrupted plan: what the journal says happened and what live shows
 * now. Pure; compares only the attributes diet owns, normalized, as a plan does.
 */
export function recoveryObjects(changes: readonly ResourceChange[], steps: readonly JournalStepRecord[], live: ReadonlyMap<string, LiveObject>): RecoveryObject[] {
  const journaled = new Map(steps.map((s) => [s.address, s]));
  return changes
    .filter((c) => c.action !== 'noop')
    .map((c) => {
      const step = journaled.get(c.address);
      const journal: JournalVerdict = !step || step.state === 'intended' ? 'not-sent' : step.state;
      return { address: c.address, action: c.action, journal, live: liveVerdict(c, live.get(c.address)) };
    });
}

function liveVerdict(c: ResourceChange, o: LiveObject | undefined): LiveVerdict {
  if (o && !o.owned) return 'unowned';
  // A change without `after` that is not a delete comes from a run without a plan: its goal is unknown.
  const goalKnown = c.after !== undefined || c.action === 'delete';
  if (goalKnown && same(c, c.after, o)) return 'as-planned';
  if (same(c, c.before, o)) return 'as-before';
  return 'other';
}

/** Whether the live object (or its absence) equals these attributes (or absence) in what diet owns. */
function same(c: ResourceChange, attrs: ResourceChange['after'], o: LiveObject | undefined): boolean {
  if (!attrs) return o === undefined;
  if (!o) return false;
  const desired = [{ address: c.address, target: c.target, type: c.type, key: c.key, attrs, dependsOn: c.dependsOn }];
  return diffResources(desired, [o], { schemas: resourceSchema }).every((d) => d.action === 'noop');
}
