import type { JournalStepInput, StateStore } from '../../state/index.js';
import type { ApplyJournal, JournalStep, StepResult } from '../../targets/live-target.js';

/** The apply journal of one run, as the targets see it, plus a way to write out what is buffered. */
export interface JournalRecorder extends ApplyJournal {
  readonly runId: number;
  /** Writes every buffered step now (before the run is finished or read back). */
  flush(): void;
}

/** How long answers wait for a `sending` to share its transaction with. */
const ANSWER_DELAY_MS = 100;

/**
 * Records the steps of a run in the state journal, coalescing, because each commit is an
 * fsync (`synchronous=FULL`, about 2 ms here): everything announced during one turn of the
 * event loop (the chunks of a NetBox wave, the Kubernetes requests that start together) is
 * written in one transaction, together with the answers that came in meanwhile. `sending`
 * resolves only after its steps are committed, so a request never leaves before the journal
 * says it may have; answers are not awaited — a lost confirmation leaves a step "sent",
 * which recovery checks against live.
 * A failed journal write rejects every waiting `sending`: no request is sent unjournaled.
 */
export function journalRecorder(store: StateStore, runId: number, now: () => string): JournalRecorder {
  let pending = new Map<string, JournalStepInput>();
  let waiters: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const steps = [...pending.values()];
    const waiting = waiters;
    pending = new Map();
    waiters = [];
    try {
      store.journalSteps(runId, steps, now());
    } catch (error) {
      for (const w of waiting) w.reject(error);
      if (waiting.length === 0) throw error;
      return;
    }
    for (const w of waiting) w.resolve();
  };
  let lazy: ReturnType<typeof setTimeout> | undefined;
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    if (lazy) clearTimeout(lazy);
    lazy = undefined;
    setImmediate(() => {
      if (!scheduled) return; // flushed synchronously meanwhile
      try {
        flush();
      } catch {
        // Only answers were buffered: they stay "sent" in the journal, which recovery treats as unknown.
      }
    });
  };
  // Answers are not worth an fsync of their own: they ride along with the next `sending`, or
  // are written after ANSWER_DELAY_MS when no request follows (the end of a batch).
  const scheduleLazily = (): void => {
    if (scheduled || lazy) return;
    lazy = setTimeout(() => {
      lazy = undefined;
      schedule();
    }, ANSWER_DELAY_MS);
    lazy.unref();
  };
  const put = (step: JournalStep, state: JournalStepInput['state'], remoteId?: string): void => {
    pending.set(step.address, { address: step.address, action: step.action, state, ...(remoteId !== undefined ? { remoteId } : {}) });
  };

  return {
    runId,
    sending(steps) {
      for (const s of steps) put(s, 'sent');
      schedule();
      return new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }));
    },
    answered(confirmed: readonly StepResult[], refused: readonly JournalStep[] = []) {
      for (const r of confirmed) put(r, 'confirmed', r.remoteId);
      for (const s of refused) put(s, 'failed');
      if (confirmed.length + refused.length > 0) scheduleLazily();
    },
    withdrawn(steps) {
      for (const s of steps) put(s, 'intended');
      if (steps.length > 0) scheduleLazily();
    },
    flush() {
      if (lazy) clearTimeout(lazy);
      lazy = undefined;
      if (pending.size > 0 || waiters.length > 0) flush();
    },
  };
}
