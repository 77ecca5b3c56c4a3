/**
 * Breakout options: how one physical port splits into logical ports.
 *
 * The table is the reference planner's: 14 seeded rows, then every further mode a switch
 * profile mentions. Seeded rows win over parsed ones because the reference creates parsed
 * rows with get-or-create and never overwrites; this is why `1x40g` keeps fromSpeed 100
 * (a 40G lane on a 100G cage) while a parsed `1x40g` would claim 40.
 */
import type { Breakout } from '../model/catalog-types.js';

function row(id: string, fromSpeed: number, logicalPorts: number, logicalSpeed: number): Breakout {
  return { id, fromSpeed, logicalPorts, logicalSpeed };
}

export const SEEDED_BREAKOUTS: readonly Breakout[] = [
  row('1x800g', 800, 1, 800),
  row('2x400g', 800, 2, 400),
  row('4x200g', 800, 4, 200),
  row('8x100g', 800, 8, 100),
  row('1x400g', 400, 1, 400),
  row('2x200g', 400, 2, 200),
  row('4x100g', 400, 4, 100),
  row('1x100g', 100, 1, 100),
  row('1x40g', 100, 1, 40),
  row('4x25g', 100, 4, 25),
  row('4x10g', 100, 4, 10),
  row('2x50g', 100, 2, 50),
  row('1x1g', 1, 1, 1),
  row('1x10g', 10, 1, 10),
];

const BREAKOUT_ID = /^(\d+)x(\d+)g$/i;

/**
 * Parses `NxMg` (any case) as N logical ports of M Gbps on an N*M Gbps port. This is the
 * reference's rule for modes it finds in profiles; it knows nothing about the cage, so
 * e.g. `2x40g` comes out as an 80G port.
 */
export function parseBreakoutId(id: string): Breakout | undefined {
  const m = BREAKOUT_ID.exec(id.trim());
  if (!m) return undefined;
  const logicalPorts = Number(m[1]);
  const logicalSpeed = Number(m[2]);
  if (logicalPorts < 1 || logicalSpeed < 1) return undefined;
  return row(`${logicalPorts}x${logicalSpeed}g`, logicalPorts * logicalSpeed, logicalPorts, logicalSpeed);
}

/**
 * Reference ordering: fromSpeed descending, then logicalPorts ascending. It decides which
 * row wins when several match a query. The reference leaves ties to insertion order; the
 * only tie in its data (1x100g / 1x40g on 100G) was seeded faster-first, so ties fall back
 * to logicalSpeed descending, then id, which reproduces that and stays total.
 */
export function compareBreakouts(a: Breakout, b: Breakout): number {
  if (a.fromSpeed !== b.fromSpeed) return b.fromSpeed - a.fromSpeed;
  if (a.logicalPorts !== b.logicalPorts) return a.logicalPorts - b.logicalPorts;
  if (a.logicalSpeed !== b.logicalSpeed) return b.logicalSpeed - a.logicalSpeed;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The seeded rows plus one parsed row per further mode (get-or-create: an id already
 * present is left alone; unparsable modes are ignored), in reference order.
 */
export function buildBreakoutTable(modes: Iterable<string>): Breakout[] {
  const byId = new Map<string, Breakout>(SEEDED_BREAKOUTS.map((b) => [b.id, b]));
  for (const mode of modes) {
    const parsed = parseBreakoutId(mode);
    if (parsed && !byId.has(parsed.id)) byId.set(parsed.id, parsed);
  }
  return [...byId.values()].sort(compareBreakouts);
}
