import type { DesiredResource } from '../../resource/resource.js';
import type { BoundTarget } from '../../targets/create-live-targets.js';
import type { ApplyEvents, LiveObject } from '../../targets/live-target.js';

export interface LiveRead {
  /** Objects diet owns, across the targets read. */
  readonly owned: readonly LiveObject[];
  /** Unowned objects at a desired address: diet must not take them over unasked. */
  readonly collisions: readonly LiveObject[];
  /** Every object read, by address (owned ones win over an unowned one at the same address). */
  readonly byAddress: ReadonlyMap<string, LiveObject>;
  /** The scopes read (`netbox`, `kubernetes/frontend`), and server warnings (version edges). */
  readonly scopes: readonly string[];
  readonly warnings: readonly string[];
}

/**
 * Probes and reads every given target in parallel: what diet owns there, plus what collides
 * with the desired objects it is responsible for. A target is read even when nothing is
 * desired of it any more, so that what diet owns there shows up as deletes.
 */
export async function readLive(bound: readonly BoundTarget[], desired: readonly DesiredResource[], cluster: string, events: ApplyEvents): Promise<LiveRead> {
  const results = await Promise.all(
    bound.map(async (b) => {
      const probe = await b.target.probe();
      const objects = await b.target.read({ cluster, desired: desired.filter((d) => b.handles(d.address)) }, events);
      return { probe, objects: objects.filter((o) => b.handles(o.address)) };
    }),
  );
  const byAddress = new Map<string, LiveObject>();
  for (const o of results.flatMap((r) => r.objects)) {
    const seen = byAddress.get(o.address);
    if (!seen || (!seen.owned && o.owned)) byAddress.set(o.address, o);
  }
  const wanted = new Set(desired.map((d) => d.address));
  const all = [...byAddress.values()];
  return {
    owned: all.filter((o) => o.owned),
    collisions: all.filter((o) => !o.owned && wanted.has(o.address)),
    byAddress,
    scopes: bound.map((b) => b.scope),
    warnings: results.flatMap((r) => r.probe.warnings),
  };
}
