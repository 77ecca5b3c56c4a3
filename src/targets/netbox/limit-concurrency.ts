/**
 * A counting semaphore for promises: at most `limit` functions run at once, the rest wait
 * in arrival order. Used to bound the requests diet has in flight against one server.
 */
export interface ConcurrencyLimit {
  run<T>(fn: () => Promise<T>): Promise<T>;
  readonly active: number;
}

export function limitConcurrency(limit: number): ConcurrencyLimit {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`concurrency limit must be a positive integer, got ${limit}`);
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    const next = waiting.shift();
    if (next) next();
  };
  return {
    get active() {
      return active;
    },
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      active++;
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}

/**
 * Maps over items with at most `limit` calls in flight; results keep the input order.
 * The first rejection is re-thrown once every started call has settled, and no new call
 * starts after it (so a failure never leaves work running in the background).
 */
export async function mapWithLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (!failure && next < items.length) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure) throw failure.error;
  return results;
}
