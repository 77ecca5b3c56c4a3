import type { ApplyRunKind, ApplyRunOutcome, StateStore } from '../../state/index.js';
import type { ApplyEvents, ApplyJournal } from '../../targets/live-target.js';
import type { ConvergeHooks } from '../restore/converge-to-snapshot.js';
import { startJournaledRun, type JournaledRun, type RunOwner } from './journaled-run.js';

export interface JournaledConvergenceInput {
  readonly store: StateStore;
  readonly cluster: string;
  readonly kind: ApplyRunKind;
  readonly planId?: string;
  readonly preSnapshotId?: number;
  readonly scopes: readonly string[];
  readonly owner?: RunOwner;
  readonly now: () => string;
}

export interface JournaledConvergence {
  /** Opens the run in `beforeWrite`, with the changes the convergence is about to make as intended. */
  readonly hooks: ConvergeHooks;
  /** The caller's events, journaling into the run once it is open. */
  readonly events: ApplyEvents;
  /** The run, once `beforeWrite` opened it. */
  run(): JournaledRun | undefined;
  finish(outcome: ApplyRunOutcome): void;
}

/**
 * A convergence to a snapshot (a rollback, a recovery) journaled as a run of its own: its
 * changes are only known after its live read, so the run opens in the `beforeWrite` hook,
 * before the first request; the targets journal into it as during an apply.
 */
export function journaledConvergence(input: JournaledConvergenceInput, events: ApplyEvents): JournaledConvergence {
  let run: JournaledRun | undefined;
  const journal: ApplyJournal = {
    sending: (steps) => (run ? run.recorder.sending(steps) : Promise.reject(new Error('journal: a request before the run was opened'))),
    answered: (confirmed, refused) => run?.recorder.answered(confirmed, refused),
  };
  return {
    hooks: {
      beforeWrite: (diff) => {
        run = startJournaledRun({ ...input, changes: diff.changes });
      },
    },
    events: { ...events, journal },
    run: () => run,
    finish: (outcome) => run?.finish(outcome),
  };
}
