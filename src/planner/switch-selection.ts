import type { ServerConnection } from '../model/fabric-model.js';
import type { PlannerOptions } from '../model/planner-options.js';
import { PlannerError } from './planner-error.js';

export interface SelectionContext {
  /** The target class's instances, in index order. */
  readonly instanceCount: number;
  readonly connection: ServerConnection;
  /** 0-based index of the server within its class, and the class size. */
  readonly serverIndex: number;
  readonly serverCount: number;
  /** 0-based port offset within the connection. */
  readonly portOffset: number;
  /** Distinct rails of this server class's rail connections to the same zone. */
  readonly totalRails: number;
  /** Logical ports of the target zone (ports × its breakout lanes). */
  readonly zoneLogicalCapacity: number;
  readonly options: PlannerOptions;
}

/** Which switch instance (0-based) of the target class takes this server port. */
export function selectSwitchInstance(ctx: SelectionContext): number {
  const n = ctx.instanceCount;
  if (n <= 1) return 0;
  const { connection } = ctx;
  switch (connection.distribution) {
    case 'alternating':
      // Reference: depends only on the port offset, so with n > ports only the first
      // instances receive ports. `spread` also rotates by server.
      if (ctx.options.alternatingPlacement === 'spread') return (ctx.serverIndex * connection.ports + ctx.portOffset) % n;
      return ctx.portOffset % n;
    case 'same-switch':
      return sameSwitchBlock(ctx.serverIndex, ctx.serverCount, n);
    case 'rail-optimized':
      return railInstance(ctx);
    default:
      return ctx.serverIndex % n;
  }
}

/** Contiguous blocks of servers; the first (total mod n) instances take one extra. */
function sameSwitchBlock(serverIndex: number, total: number, n: number): number {
  const base = Math.floor(total / n);
  const extra = total % n;
  const boundary = extra * (base + 1);
  if (serverIndex < boundary) return Math.floor(serverIndex / (base + 1));
  if (base === 0) return Math.min(n - 1, extra);
  return Math.min(n - 1, extra + Math.floor((serverIndex - boundary) / base));
}

function railInstance(ctx: SelectionContext): number {
  const rail = ctx.connection.rail;
  if (rail === undefined) throw new PlannerError('DIET-P130', 'Rail number required for rail-optimized distribution', 'set `rail` on the connection', ctx.connection.origin);
  const n = ctx.instanceCount;
  let instance: number;
  if (n < ctx.totalRails) {
    const railsPerSwitch = Math.ceil(ctx.totalRails / n);
    instance = Math.floor(rail / railsPerSwitch);
  } else {
    // Repeated rail domains: each domain holds as many servers as one zone can take.
    const serversPerDomain = Math.max(1, Math.floor(ctx.zoneLogicalCapacity / ctx.connection.ports));
    instance = Math.floor(ctx.serverIndex / serversPerDomain) * ctx.totalRails + rail;
  }
  return Math.min(instance, n - 1);
}
