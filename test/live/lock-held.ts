// For the live tests of concurrent applies: wait until another diet process holds the apply lock.
import { openStateStore } from '../../src/state/index.js';

/** Waits until some process holds a lock of cluster `lab` in the state file. */
export async function lockHeld(state: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const store = openStateStore(state, { readonly: true });
      try {
        if (store.listLocks('lab').length > 0) return;
      } finally {
        store.close();
      }
    } catch {
      // the first process has not created the state file yet
    }
    if (Date.now() > deadline) throw new Error(`no lock appeared in ${state} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
