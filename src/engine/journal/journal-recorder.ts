import type { JournalStepInput, StateStore } from '../../state/index.js';
import type { ApplyJournal, JournalStep, StepResult } from '../../targets/live-target.js';

/** The apply journal of one run, as the targets see it, plus a way to write out what is buffered. */
export interface JournalRecorder extends ApplyJournal {
  readonly runId: number;
  /** Writes every buffered step now (before the run is finished or read back). */
  flush(): void;
}

/**
 * Records the steps of a run in the state journal, coalescing: everything reported during one
 * turn of the event loop (the chunks of a NetBox wave, the Kubernetes requests that start
 * together, the answers that came in meanwhile) is written in one transaction, because each
 * commit is an fsync (`synchronous=FULL`). `sending` resolves only after its steps are
 * committed, so a request never leaves before the journal says it may have; answers are not
 * awaited — a lost confirmation leaves a step "sent", which recovery checks against live.
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
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      if (!scheduled) return; // flushed synchronously meanwhile
      try {
        flush();
      } catch {
        // Only answers were buffered: they stay "sent" in the journal, which recovery treats as unknown.
      }
    });
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
      if (confirmed.length + refused.length > 0) schedule();
    },
    flush() {
      if (pending.size > 0 || waiters.length > 0) flush();
    },
  };
}
