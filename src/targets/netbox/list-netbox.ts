import { TargetError } from '../../diag/errors.js';
import type { NetboxHttp } from './netbox-http.js';

export type Query = readonly (readonly [string, string])[];

export const PAGE_SIZE = 1000;

/**
 * Every object of a list endpoint matching `query`: the first page tells the count and the
 * page size NetBox really uses (it caps `limit` at MAX_PAGE_SIZE silently), then the other
 * pages are fetched in parallel (the client bounds how many at once). Ordered by id so that
 * offsets are stable and cheap for the database.
 */
export async function listAll(http: NetboxHttp, path: string, query: Query): Promise<Record<string, unknown>[]> {
  const url = (offset: number) => `${path}?${toSearch([...query, ['ordering', 'id'], ['limit', String(PAGE_SIZE)], ['offset', String(offset)]])}`;
  const first = pageOf(await http.expectOk('GET', url(0)), path);
  if (first.results.length >= first.count) return first.results;
  const size = first.results.length;
  if (size === 0) throw new TargetError(`NetBox returned an empty first page of ${path} but counts ${first.count} objects`, 'is MAX_PAGE_SIZE set to 0 on the NetBox server?');
  const offsets: number[] = [];
  for (let offset = size; offset < first.count; offset += size) offsets.push(offset);
  const pages = await Promise.all(offsets.map(async (offset) => pageOf(await http.expectOk('GET', url(offset)), path).results));
  return [...first.results, ...pages.flat()];
}

/** `a=1&b=x%2Fy`, with repeated keys kept (NetBox ORs repeated filters). */
export function toSearch(query: Query): string {
  return query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** Splits values over several queries so that no URL grows past a few kilobytes. */
export function chunkValues(values: readonly string[], maxChars = 3000): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const value of values) {
    const size = encodeURIComponent(value).length + 8;
    if (current.length > 0 && length + size > maxChars) {
      chunks.push(current);
      current = [];
      length = 0;
    }
    current.push(value);
    length += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

interface Page {
  readonly count: number;
  readonly results: Record<string, unknown>[];
}

function pageOf(result: { body: unknown }, path: string): Page {
  const body = result.body as { count?: unknown; results?: unknown } | null;
  if (!body || typeof body !== 'object' || !Array.isArray(body.results) || typeof body.count !== 'number') {
    throw new TargetError(`NetBox answered GET ${path} with something that is not a paginated list`, 'is netbox.url the NetBox root URL (not a proxy login page)?');
  }
  return { count: body.count, results: body.results as Record<string, unknown>[] };
}
