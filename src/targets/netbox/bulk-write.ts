import { TargetError } from '../../diag/errors.js';
import type { StepFailure } from '../live-target.js';
import type { ChunkSizer } from './chunk-sizer.js';
import type { HttpResult, NetboxHttp } from './netbox-http.js';
import { unexpectedStatus } from './netbox-errors.js';
import { endpointOf } from './netbox-endpoints.js';
import { formatFieldErrors, parseObjectErrors } from './object-errors.js';
import { CONFLICT_ATTEMPTS, conflictBackoffMs, isRolledBackConflict } from './rolled-back-conflict.js';

export type Json = Record<string, unknown>;

/** One object of a bulk request: its diet address, what is sent, and its NetBox id if it has one. */
export interface WriteItem {
  readonly address: string;
  readonly type: string;
  readonly key: string;
  readonly action: StepFailure['action'];
  readonly payload: Json;
  readonly id?: number;
  /** Relative cost for NetBox (default 1; a device weighs 1 + its interface templates). */
  readonly weight?: number;
}

export interface BulkWriteOptions {
  readonly sizer: ChunkSizer;
  /** Bulk requests of one kind in flight at once. */
  readonly parallel: number;
  readonly now?: () => number;
  /** Waits between attempts of a request PostgreSQL rolled back (a deadlock); tests pass a no-op. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Told about each chunk around its request, for the apply journal. */
export interface ChunkJournal {
  /** Before the chunk's request leaves; the request waits until this resolves. */
  sending(chunk: readonly WriteItem[]): Promise<void>;
  /** NetBox answered 4xx: the all-or-none request wrote nothing. */
  refused(chunk: readonly WriteItem[]): void;
}

/** A bulk request failed: what went wrong, tied to an object where NetBox said which. */
export class BatchFailedError extends Error {
  constructor(readonly failure: StepFailure) {
    super(failure.message);
  }
}

/**
 * Writes objects of one type with one method as list requests (NetBox's bulk POST, PATCH
 * and DELETE, each all-or-none), in chunks sized by the ChunkSizer, a few chunks in parallel.
 * `onChunk` gets every successful chunk with NetBox's answer objects in request order;
 * `journal`, when given, hears of each chunk before its request leaves and of a refusal. On the
 * first failed chunk the remaining ones are not sent and a BatchFailedError is thrown once
 * the chunks in flight have settled (their successes are still reported through `onChunk`).
 */
export async function writeInChunks(
  http: NetboxHttp,
  method: 'POST' | 'PATCH' | 'DELETE',
  items: readonly WriteItem[],
  options: BulkWriteOptions,
  onChunk: (chunk: readonly WriteItem[], answer: readonly Json[]) => void,
  journal?: ChunkJournal,
): Promise<void> {
  if (items.length === 0) return;
  const type = items[0].type;
  const kind = `${method} ${type}`;
  const path = endpointOf(type).path;
  const now = options.now ?? Date.now;
  let next = 0;
  while (next < items.length) {
    const wave: WriteItem[][] = [];
    for (let i = 0; i < options.parallel && next < items.length; i++) {
      const budget = options.sizer.next(kind);
      const chunk: WriteItem[] = [items[next++]];
      let weight = items[next - 1].weight ?? 1;
      while (next < items.length && chunk.length < options.sizer.maxObjects && weight + (items[next].weight ?? 1) <= budget) {
        weight += items[next].weight ?? 1;
        chunk.push(items[next++]);
      }
      wave.push(chunk);
    }
    const outcomes = await Promise.all(
      wave.map(async (chunk) => {
        await journal?.sending(chunk);
        const started = now();
        try {
          const body = method === 'DELETE' ? chunk.map((item) => ({ id: item.id })) : chunk.map((item) => (item.id === undefined ? item.payload : { id: item.id, ...item.payload }));
          const result = await sendUntilNotRolledBack(() => http.request(method, path, body), options.sleep ?? sleep);
          options.sizer.record(kind, chunk.reduce((sum, item) => sum + (item.weight ?? 1), 0), now() - started);
          if (result.status >= 200 && result.status < 300) {
            onChunk(chunk, Array.isArray(result.body) ? (result.body as Json[]) : []);
            return undefined;
          }
          // A 5xx may come from a proxy after NetBox committed: only a 4xx says nothing was written.
          if (result.status < 500) journal?.refused(chunk);
          return failureOf(http.baseUrl, method, path, chunk, result);
        } catch (error) {
          if (!(error instanceof TargetError)) throw error;
          const unknown = method === 'DELETE' ? 'deleted' : method === 'POST' ? 'created' : 'updated';
          return { address: chunk[0].address, action: chunk[0].action, message: `${error.message}; NetBox may still have ${unknown} the ${chunk.length} object(s) of this request`, hint: `${error.hint ?? ''}${error.hint ? '; ' : ''}run \`diet diff\` to see what NetBox holds now` } satisfies StepFailure;
        }
      }),
    );
    const failed = outcomes.find((o) => o !== undefined);
    if (failed) throw new BatchFailedError(failed);
  }
}

/** Sends again, after a jittered wait, while PostgreSQL rolls the request back as a deadlock victim. */
async function sendUntilNotRolledBack(send: () => Promise<HttpResult>, wait: (ms: number) => Promise<void>): Promise<HttpResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await send();
    if (attempt >= CONFLICT_ATTEMPTS || !isRolledBackConflict(result)) return result;
    await wait(conflictBackoffMs(attempt));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A non-2xx answer as a StepFailure: per object and field for 400, one line with a hint otherwise. */
function failureOf(baseUrl: string, method: string, path: string, chunk: readonly WriteItem[], result: HttpResult): StepFailure {
  if (result.status === 400) {
    const errors = parseObjectErrors(result.body, chunk.map((item) => item.id));
    const located = errors.filter((e) => e.index !== undefined && e.index < chunk.length);
    if (located.length > 0) {
      const lines = located.map((e) => `${label(chunk[e.index!])}: ${formatFieldErrors(e.fields)}`);
      const first = chunk[located[0].index!];
      const more = lines.length > 1 ? ` (and ${lines.length - 1} more: ${lines.slice(1, 4).join(' | ')}${lines.length > 4 ? ' | …' : ''})` : '';
      return { address: first.address, action: first.action, message: `${lines[0]}${more}`, fields: located[0].fields, status: 400, hint: 'NetBox rejected the request as a whole (bulk writes are all-or-none): fix the spec or the object in NetBox, then plan again' };
    }
  }
  const error = unexpectedStatus(baseUrl, method, path, result);
  return { address: chunk[0].address, action: chunk[0].action, message: error.message, status: result.status, ...(error.hint ? { hint: error.hint } : {}) };
}

/** `dcim.device[leaf-01]`: the address without the target prefix, as NetBox people read it. */
function label(item: WriteItem): string {
  return `${item.type}[${item.key}]`;
}
