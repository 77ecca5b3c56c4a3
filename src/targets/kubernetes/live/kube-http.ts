import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'node:https';
import { describeNetworkError } from './kube-errors.js';
import { Semaphore } from './bounded.js';

export type KubeMethod = 'GET' | 'PATCH' | 'DELETE' | 'POST';

export interface KubeRequest {
  readonly method: KubeMethod;
  /** Absolute API path, e.g. `/apis/wiring.githedgehog.com/v1beta1/namespaces/default/switches`. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly contentType?: string;
}

export interface KubeResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON when the server sent JSON, else the raw text. */
  readonly body: unknown;
}

/** Every request diet sends, after it got an answer (or gave up): for -v logs and tests. */
export interface KubeRequestEvent {
  readonly method: KubeMethod;
  readonly path: string;
  readonly status?: number;
  readonly attempt: number;
}

export interface KubeHttpOptions {
  readonly fabric: string;
  readonly server: string;
  readonly token: string;
  /** PEM CA bundle; without it the system roots are used. */
  readonly ca?: string;
  readonly verifyTls: boolean;
  readonly timeoutMs: number;
  /** Requests in flight at most (also the socket pool size). */
  readonly concurrency: number;
  /** Extra attempts for idempotent requests after 429, 5xx or a reset connection. */
  readonly maxRetries: number;
  readonly onRequest?: (event: KubeRequestEvent) => void;
}

const MAX_RETRY_AFTER_MS = 30_000;

/**
 * A small HTTPS client for one fabric's API server: its own URL, bearer token and CA, never a
 * kubeconfig. Answers every HTTP status to the caller (errors are mapped there, with the
 * object in hand); throws TargetError only when no answer came (unreachable, TLS, timeout).
 * GET, PATCH (server-side apply is idempotent) and DELETE are retried on 429 (after
 * Retry-After) and 5xx with exponential backoff; POST only on 429, which the server sends
 * before doing anything.
 */
export class KubeHttp {
  private readonly agent: Agent;
  private readonly slots: Semaphore;
  private readonly base: URL;

  constructor(readonly options: KubeHttpOptions) {
    this.base = new URL(options.server);
    this.agent = new Agent({ keepAlive: true, maxSockets: options.concurrency, ca: options.ca, rejectUnauthorized: options.verifyTls });
    this.slots = new Semaphore(options.concurrency);
  }

  async send(req: KubeRequest): Promise<KubeResponse> {
    for (let attempt = 1; ; attempt++) {
      let response: KubeResponse;
      try {
        response = await this.slots.run(() => this.once(req));
      } catch (error) {
        this.options.onRequest?.({ method: req.method, path: req.path, attempt });
        const code = (error as NodeJS.ErrnoException).code;
        const transient = code === 'ECONNRESET' || code === 'EPIPE';
        if (transient && req.method !== 'POST' && attempt <= this.options.maxRetries) {
          await sleep(backoffMs(attempt));
          continue;
        }
        throw describeNetworkError(error, { fabric: this.options.fabric, server: this.options.server, method: req.method, path: req.path, timeoutMs: this.options.timeoutMs });
      }
      this.options.onRequest?.({ method: req.method, path: req.path, status: response.status, attempt });
      const wait = retryDelayMs(req, response, attempt, this.options.maxRetries);
      if (wait === undefined) return response;
      await sleep(wait);
    }
  }

  close(): void {
    this.agent.destroy();
  }

  private once(req: KubeRequest): Promise<KubeResponse> {
    const url = new URL(req.path, this.base);
    for (const [k, v] of Object.entries(req.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const payload = req.body === undefined ? undefined : Buffer.from(JSON.stringify(req.body));
    const headers: Record<string, string | number> = { Authorization: `Bearer ${this.options.token}`, Accept: 'application/json' };
    if (payload) Object.assign(headers, { 'Content-Type': req.contentType ?? 'application/json', 'Content-Length': payload.length });
    return new Promise((resolve, reject) => {
      const r = request(url, { method: req.method, agent: this.agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          clearTimeout(timer);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parseBody(text, res.headers['content-type']) });
        });
      });
      const timer = setTimeout(() => r.destroy(Object.assign(new Error('timeout'), { code: 'DIET_TIMEOUT' })), this.options.timeoutMs);
      r.on('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
      r.end(payload);
    });
  }
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!contentType?.includes('json') || text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** How long to wait before retrying, or undefined when the answer is final. */
function retryDelayMs(req: KubeRequest, res: KubeResponse, attempt: number, maxRetries: number): number | undefined {
  if (attempt > maxRetries) return undefined;
  const throttled = res.status === 429;
  const serverError = res.status >= 500 && req.method !== 'POST' && !isDeterministicServerError(res.body);
  if (!throttled && !serverError) return undefined;
  const header = Number(res.headers['retry-after']);
  if (Number.isFinite(header) && header >= 0) return Math.min(header * 1000, MAX_RETRY_AFTER_MS);
  return throttled ? 1000 : backoffMs(attempt);
}

/** A 500 that says the patch does not fit the schema comes back the same every time. */
function isDeterministicServerError(body: unknown): boolean {
  const message = (body as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' && message.includes('failed to create typed patch object');
}

function backoffMs(attempt: number): number {
  const base = Math.min(200 * 2 ** (attempt - 1), 5000);
  return base / 2 + Math.random() * (base / 2);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
