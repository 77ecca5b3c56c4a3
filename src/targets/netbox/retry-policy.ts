/**
 * When and how long to wait before trying a NetBox request again. Pure, so the backoff
 * can be tested without a clock.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  /** Backoff before retry n is a random fraction ("full jitter") of baseDelayMs · 2^(n-1). */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the answer is returned as it is. */
  readonly maxRetryAfterMs: number;
}

/** 429 Too Many Requests and the gateway statuses a proxy in front of NetBox sends while it restarts. */
const RETRYABLE = new Set([429, 502, 503, 504]);

export function shouldRetry(status: number): boolean {
  return RETRYABLE.has(status);
}

/**
 * The wait before attempt `failedAttempt + 1`: the server's Retry-After (seconds or an HTTP
 * date) when it sent one, else exponential backoff with full jitter. Undefined means "do not
 * retry" (the server asked for a longer wait than the policy allows).
 */
export function retryDelayMs(policy: RetryPolicy, failedAttempt: number, retryAfter: string | undefined, random: () => number, now: number = Date.now()): number | undefined {
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked > policy.maxRetryAfterMs ? undefined : asked;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.round(random() * ceiling);
}

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
