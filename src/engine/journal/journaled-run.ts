import { hostname } from 'node:os';
import type { ResourceChange } from '../../resource/resource.js';
import type { ApplyRunKind, ApplyRunOutcome, StateStore } from '../../state/index.js';
import type { ApplyEvents } from '../../targets/live-target.js';
import { journalRecorder, type JournalRecorder } from './journal-recorder.js';

/** The process a run belongs to: recovery decides from it whether the run is still going. */
export interface RunOwner {
  readonly pid: number;
  readonly host: string;
}

export function thisProcess(): RunOwner {
  return { pid: process.pid, host: hostname() };
}

export interface StartRunInput {
  readonly store: StateStore;
  readonly cluster: string;
  readonly kind: ApplyRunKind;
  readonly planId?: string;
  readonly preSnapshotId?: number;
  readonly scopes: readonly string[];
  /** Every change the run is about to make: journaled as intended before the first request. */
  readonly changes: readonly ResourceChange[];
  readonly owner?: RunOwner;
  readonly now: () => string;
}

export interface JournaledRun {
  readonly id: number;
  readonly recorder: JournalRecorder;
  /** The caller's events with this run's journal attached, for the targets. */
  withJournal(events: ApplyEvents): ApplyEvents;
  /** Writes what is buffered, then the outcome (inside the caller's transaction when there is one). */
  finish(outcome: ApplyRunOutcome): void;
}

/**
 * Opens a journaled run: the run row and every intended step in one transaction, so that a
 * run is never on record without the full list of what it meant to do.
 */
export function startJournaledRun(input: StartRunInput): JournaledRun {
  const { store, now } = input;
  const owner = input.owner ?? thisProcess();
  const at = now();
  const run = store.transaction(() => {
    const record = store.startApplyRun({
      cluster: input.cluster,
      kind: input.kind,
      ...(input.planId !== undefined ? { planId: input.planId } : {}),
      ...(input.preSnapshotId !== undefined ? { preSnapshotId: input.preSnapshotId } : {}),
      scopes: input.scopes,
      pid: owner.pid,
      host: owner.host,
      startedAt: at,
    });
    store.journalSteps(record.id, input.changes.filter((c) => c.action !== 'noop').map((c) => ({ address: c.address, action: c.action, state: 'intended' as const })), at);
    return record;
  });
  const recorder = journalRecorder(store, run.id, now);
  return {
    id: run.id,
    recorder,
    withJournal: (events) => ({ ...events, journal: recorder }),
    finish(outcome) {
      recorder.flush();
      store.finishApplyRun(run.id, outcome, now());
    },
  };
}
