import type { NetboxConfig } from '../../config/target-config.js';
import { limitConcurrency, type ConcurrencyLimit } from './limit-concurrency.js';
import { transportError, unexpectedStatus } from './netbox-errors.js';
import { retryDelayMs, shouldRetry, type RetryPolicy } from './retry-policy.js';
import { netboxDispatcher } from './netbox-dispatcher.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface HttpResult {
  readonly status: number;
  /** Parsed JSON, the raw text when the body is not JSON, or null when empty. */
  readonly body: unknown;
  readonly headers: Headers;
  /** How many attempts it took (1 unless retried). */
  readonly attempts: number;
}

export interface NetboxHttpOptions extends Partial<RetryPolicy> {
  /** Requests in flight at once (default 4). */
  readonly maxParallel?: number;
  /** Injected in tests: time and randomness of the backoff. */
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

const DEFAULT_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 250, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };

/**
 * The NetBox REST client: JSON over `fetch`, one timeout per attempt (AbortSignal),
 * retries with exponential backoff and full jitter for reads that failed in transit and for
 * 429/502/503/504 (Retry-After honoured), and a bound on parallel requests. It returns every
 * HTTP answer as an HttpResult; transport failures become TargetErrors with a hint. The
 * token goes into the Authorization header only and never into a message.
 */
export class NetboxHttp {
  readonly baseUrl: string;
  private readonly limit: ConcurrencyLimit;
  private readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly authorization: string;
  private readonly dispatcher: unknown;
  /** Requests sent, retries included (benchmarks and tests read it). */
  requestCount = 0;

  constructor(
    private readonly config: NetboxConfig,
    options: NetboxHttpOptions = {},
  ) {
    this.baseUrl = config.url.replace(/\/+$/, '');
    this.limit = limitConcurrency(options.maxParallel ?? 4);
    this.policy = { ...DEFAULT_POLICY, ...withoutUndefined(options) };
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    // v2 tokens (nbt_<key>.<secret>) are Bearer tokens; v1 tokens use the Token keyword.
    this.authorization = `${config.token.startsWith('nbt_') ? 'Bearer' : 'Token'} ${config.token}`;
    this.dispatcher = netboxDispatcher(config.verifyTls || !this.baseUrl.startsWith('https:'));
  }

  get(path: string): Promise<HttpResult> {
    return this.request('GET', path);
  }

  /** Sends one request (with retries) and returns the final answer, whatever its status. */
  request(method: HttpMethod, path: string, body?: unknown): Promise<HttpResult> {
    return this.limit.run(() => this.attempt(method, path, body === undefined ? undefined : JSON.stringify(body), 1));
  }

  /** As `request`, but a status other than 2xx becomes a TargetError. */
  async expectOk(method: HttpMethod, path: string, body?: unknown): Promise<HttpResult> {
    const result = await this.request(method, path, body);
    if (result.status >= 200 && result.status < 300) return result;
    throw unexpectedStatus(this.baseUrl, method, path, result);
  }

  private async attempt(method: HttpMethod, path: string, text: string | undefined, n: number): Promise<HttpResult> {
    this.requestCount++;
    let response: Response;
    let body: unknown;
    try {
      const init: RequestInit & { dispatcher?: unknown } = {
        method,
        headers: { Authorization: this.authorization, Accept: 'application/json', ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}) },
        body: text,
        signal: AbortSignal.timeout(this.config.timeoutMs),
        redirect: 'manual',
      };
      if (this.dispatcher) init.dispatcher = this.dispatcher;
      response = await fetch(`${this.baseUrl}${path}`, init);
      body = parseBody(await response.text());
    } catch (error) {
      if (method === 'GET' && n < this.policy.attempts) {
        await this.sleep(retryDelayMs(this.policy, n, undefined, this.random) ?? 0);
        return this.attempt(method, path, text, n + 1);
      }
      throw transportError(this.baseUrl, method, path, error, this.config.timeoutMs, n);
    }
    const result: HttpResult = { status: response.status, body, headers: response.headers, attempts: n };
    if (shouldRetry(response.status) && n < this.policy.attempts) {
      const delay = retryDelayMs(this.policy, n, response.headers.get('retry-after') ?? undefined, this.random);
      if (delay !== undefined) {
        await this.sleep(delay);
        return this.attempt(method, path, text, n + 1);
      }
    }
    return result;
  }
}

function parseBody(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function withoutUndefined(options: NetboxHttpOptions): Partial<RetryPolicy> {
  const out: Partial<Record<keyof RetryPolicy, number>> = {};
  for (const key of ['attempts', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'] as const) if (options[key] !== undefined) out[key] = options[key];
  return out;
}
