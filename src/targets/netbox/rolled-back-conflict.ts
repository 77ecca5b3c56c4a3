import type { HttpResult } from './netbox-http.js';
import { detailOf } from './netbox-errors.js';

/**
 * PostgreSQL aborts one of two transactions that wait on each other ("deadlock detected") or
 * that conflict under serializable isolation. NetBox runs each bulk write in one transaction,
 * so such a 500 means the whole request was rolled back and nothing of it was written: the
 * same request can be sent again. Parallel bulk creates meet this when they update the same
 * counter rows (a device type's device count, a device's interface count) in another order.
 */
export function isRolledBackConflict(result: Pick<HttpResult, 'status' | 'body'>): boolean {
  if (result.status !== 500) return false;
  const text = detailOf(result.body) ?? (typeof result.body === 'string' ? result.body : '');
  return /deadlock detected|could not serialize access/i.test(text);
}

/** Attempts in all for a request that keeps meeting rolled-back conflicts. */
export const CONFLICT_ATTEMPTS = 5;

/** Full-jitter backoff before attempt `failed + 1`, so two colliding requests part ways. */
export function conflictBackoffMs(failed: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(4000, 200 * 2 ** (failed - 1)));
}
