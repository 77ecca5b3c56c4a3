import type { ResourceChange } from '../../resource/resource.js';
import type { ApplyRunOutcome } from '../../state/index.js';
import type { ApplyEvents, ApplyJournal } from '../../targets/live-target.js';
import type { ConvergeHooks } from '../restore/converge-to-snapshot.js';
import { startJournaledRun, type JournaledRun, type StartRunInput } from './journaled-run.js';

/** As for a run, except the changes: a convergence knows them only after its live read. */
export type JournaledConvergenceInput = Omit<StartRunInput, 'changes'>;

export interface JournaledConvergence {
  /** Opens the run in `beforeWrite`, with the changes the convergence is about to make as intended. */
  readonly hooks: ConvergeHooks;
  /** The caller's events, journaling into the run once it is open. */
  readonly events: ApplyEvents;
  /** Opens the run by hand (instead of through `hooks`), e.g. once a pre-apply snapshot exists. */
  open(changes: readonly ResourceChange[], preSnapshotId?: number): void;
  /** The run, once opened. */
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
    withdrawn: (steps) => run?.recorder.withdrawn(steps),
  };
  const open = (changes: readonly ResourceChange[], preSnapshotId?: number): void => {
    run = startJournaledRun({ ...input, changes, ...(preSnapshotId !== undefined ? { preSnapshotId } : {}) });
  };
  return {
    hooks: { beforeWrite: (diff) => open(diff.changes) },
    open,
    events: { ...events, journal },
    run: () => run,
    finish: (outcome) => run?.finish(outcome),
  };
}
