import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openStateStore, type StateStore } from '../../src/state/index.js';
import { makeTempDir } from '../unit/state/state-test-files.js';

/** A fresh state file per test in a temp directory, handed to `use`; closed and removed after the test. */
export function eachTestWithTempStore(use: (store: StateStore) => void): void {
  let tmp: ReturnType<typeof makeTempDir>;
  let store: StateStore;
  beforeEach(() => {
    tmp = makeTempDir();
    store = openStateStore(join(tmp.dir, 'state.db'));
    use(store);
  });
  afterEach(() => {
    store.close();
    tmp.cleanup();
  });
}
