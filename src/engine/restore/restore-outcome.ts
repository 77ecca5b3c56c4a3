import type { Action, ResourceChange } from '../../resource/resource.js';
import type { LiveObject, StepFailure } from '../../targets/live-target.js';

/**
 * Why an object in scope is not what the snapshot recorded after a restore:
 *
 * - `failed`: its own step was refused by the server;
 * - `not-attempted`: an earlier step failed, so the restore stopped before reaching it;
 * - `blocked`: an object diet does not own holds its address now (diet never writes those);
 * - `differs`: its step went through (or was not needed) but it reads back different;
 * - `unknown`: the targets could not be read (before or after the writes), so nothing is known.
 */
export type NotRestoredReason = 'failed' | 'not-attempted' | 'blocked' | 'differs' | 'unknown';

export interface RestoredObject {
  readonly address: string;
  readonly action: Action;
}

export interface NotRestoredObject {
  readonly address: string;
  /** The step that would have brought it back (none for a blocked object). */
  readonly action?: Action;
  readonly reason: NotRestoredReason;
  /** One line for people, e.g. the server's answer or the attributes that differ. */
  readonly message: string;
}

export interface RestoreClassification {
  readonly restored: readonly RestoredObject[];
  readonly notRestored: readonly NotRestoredObject[];
}

export interface ClassifyInput {
  /** The changes the restore set out to make, in apply order. */
  readonly planned: readonly ResourceChange[];
  /** Addresses held by objects diet does not own, left alone. */
  readonly blocked: readonly LiveObject[];
  /** The step that stopped the restore, if one did. */
  readonly failed?: StepFailure;
  /** Addresses the targets reported as done. */
  readonly applied: ReadonlySet<string>;
  /** The way back computed again from a fresh read after the writes: what is still not as recorded. */
  readonly remaining: readonly ResourceChange[];
}

/**
 * Per object, what a restore achieved. The verdict comes from reading back, not from what
 * the servers answered: an object is restored when its planned change no longer shows in the
 * way back computed afresh, so a write that was acknowledged but did not stick is caught, and
 * so is a step that failed after the server had in fact stored it.
 */
export function classifyRestore(input: ClassifyInput): RestoreClassification {
  const remaining = new Map(input.remaining.map((c) => [c.address, c]));
  const plannedAddresses = new Set(input.planned.map((c) => c.address));
  const restored: RestoredObject[] = [];
  const notRestored: NotRestoredObject[] = [];
  for (const c of input.planned) {
    const still = remaining.get(c.address);
    if (!still) restored.push({ address: c.address, action: c.action });
    else if (input.failed && c.address === input.failed.address) notRestored.push({ address: c.address, action: c.action, reason: 'failed', message: input.failed.message });
    // Not reported done: never sent, or left to a parent's cascade that did not happen.
    else if (input.failed && !input.applied.has(c.address)) notRestored.push({ address: c.address, action: c.action, reason: 'not-attempted', message: `the restore stopped at ${input.failed.address} before reaching it` });
    else notRestored.push({ address: c.address, action: c.action, reason: 'differs', message: stillDifferent(still) });
  }
  // Changed by someone else while the restore ran, or a step that did more than it said.
  for (const c of input.remaining) if (!plannedAddresses.has(c.address)) notRestored.push({ address: c.address, action: c.action, reason: 'differs', message: stillDifferent(c) });
  for (const o of input.blocked) notRestored.push({ address: o.address, reason: 'blocked', message: `held by an object diet does not own${o.remoteId ? ` (id ${o.remoteId})` : ''}; diet will not overwrite it` });
  // The cause first: a long list of skipped objects must not hide the step that failed.
  return { restored, notRestored: notRestored.sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason)) };
}

const REASON_ORDER: readonly NotRestoredReason[] = ['failed', 'unknown', 'differs', 'blocked', 'not-attempted'];

/** What reading back found instead of the recorded object. */
function stillDifferent(c: ResourceChange): string {
  if (c.action === 'create') return 'still missing after the restore';
  if (c.action === 'delete') return 'still exists after the restore';
  const paths = c.attrChanges.map((a) => a.path);
  const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? `, … (${paths.length - 5} more)` : '');
  return `reads back different from the snapshot in ${shown || 'its attributes'}`;
}
