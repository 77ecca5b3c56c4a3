import type { NotRestoredObject, RestoredObject } from '../engine/restore/restore-outcome.js';

/** Past tense of a restoring step: what happened to the object. */
const DONE: Readonly<Record<string, string>> = { create: 'recreated', update: 'set back', replace: 'recreated', delete: 'deleted' };

/** `3 restored (1 recreated, 1 set back, 1 deleted)`: counts per kind of step, fixed order. */
export function restoredSummary(restored: readonly RestoredObject[]): string {
  const counts = new Map<string, number>();
  for (const r of restored) counts.set(DONE[r.action] ?? r.action, (counts.get(DONE[r.action] ?? r.action) ?? 0) + 1);
  const parts = ['recreated', 'set back', 'deleted'].filter((k) => counts.has(k)).map((k) => `${counts.get(k)} ${k}`);
  return `${restored.length} restored${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

/** One line per object, `  <address>  <what>`; addresses padded so the reasons line up. */
export function restoredLines(restored: readonly RestoredObject[]): string[] {
  const width = Math.max(0, ...restored.map((r) => r.address.length));
  return restored.map((r) => `  ${r.address.padEnd(width)}  ${DONE[r.action] ?? r.action}`);
}

/** One line per object not restored: `  <address>  <reason>: <message>`, at most `limit`, then a count of the rest. */
export function notRestoredLines(objects: readonly NotRestoredObject[], limit = 20): string[] {
  const shown = objects.slice(0, limit);
  const width = Math.max(0, ...shown.map((o) => o.address.length));
  const lines = shown.map((o) => `  ${o.address.padEnd(width)}  ${o.reason}: ${o.message}`);
  if (objects.length > limit) lines.push(`  … and ${objects.length - limit} more (see --json)`);
  return lines;
}
