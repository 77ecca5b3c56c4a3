/** At most `limit` tasks at a time; the others wait in arrival order. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency must be at least 1, got ${limit}`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export type Settled<R> = { readonly ok: true; readonly value: R } | { readonly ok: false; readonly error: unknown };

/**
 * Runs `fn` over the items with at most `limit` in flight, in item order. After the first
 * failure no further item is started; the ones already running finish. The result has one
 * entry per item in input order: its outcome, or undefined when it was never started.
 */
export async function runBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<(Settled<R> | undefined)[]> {
  const results: (Settled<R> | undefined)[] = new Array(items.length).fill(undefined);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await fn(items[index], index) };
      } catch (error) {
        results[index] = { ok: false, error };
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Like runBounded, but every item runs (for reads, where one failure fails the whole read anyway). */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const settled = await runBounded(items, limit, fn);
  const out: R[] = [];
  for (const s of settled) {
    if (!s) continue;
    if (!s.ok) throw s.error;
    out.push(s.value);
  }
  return out;
}
