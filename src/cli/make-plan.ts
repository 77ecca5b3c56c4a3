import { existsSync } from 'node:fs';
import { ConfigError } from '../diag/errors.js';
import { adoptionRules } from '../engine/adoption-rules.js';
import type { ExpandedSpec } from '../engine/expand-spec.js';
import { refuseWhileInterrupted } from '../engine/journal/interrupted-runs.js';
import { planAgainstLive } from '../engine/live/plan-live.js';
import { readLive, type LiveRead } from '../engine/live/read-live.js';
import { removedFabricError, removedFabrics, type RemovedFabric } from '../engine/live/removed-fabrics.js';
import { selects, type TargetSelection } from '../engine/live/target-selection.js';
import { planAgainstState, type PlannedSpec } from '../engine/plan-spec.js';
import { openStateStore, type StateStore } from '../state/index.js';
import type { BoundTarget } from '../targets/create-live-targets.js';
import { liveTargetsFor, unhandled } from './live-targets.js';
import { lockEnvironment } from './lock-environment.js';
import type { GlobalOptions } from './main.js';
import type { Output } from './output.js';
import { progressEvents } from './progress-events.js';

export type Refresh = 'state' | 'live';

export function parseRefresh(value: string | undefined, fallback: Refresh): Refresh {
  if (value === undefined) return fallback;
  if (value === 'state' || value === 'live') return value;
  throw new ConfigError(`--refresh must be state or live, got ${JSON.stringify(value)}`);
}

export interface CommandPlan {
  readonly planned: PlannedSpec;
  /** With --refresh live: the targets and what was read from them. */
  readonly bound?: readonly BoundTarget[];
  readonly live?: LiveRead;
}

/**
 * The plan `diet plan` and `diet apply` make: against state, or against the live targets.
 * Live planning needs a target for every selected desired object; a missing one (e.g. a
 * fabric without Kubernetes settings) stops it with a message naming it, never a silent skip.
 * A fabric the spec no longer has but whose objects the state records is read too, so that
 * they are planned as deletes; without its Kubernetes settings the plan is refused.
 */
export async function makePlan(spec: ExpandedSpec, store: StateStore, globals: GlobalOptions, output: Output, refresh: Refresh, selection: TargetSelection, removed = refresh === 'live' ? removedFabricsOf(spec, store, selection) : []): Promise<CommandPlan> {
  refuseWhileInterrupted(store, spec.model.name, lockEnvironment());
  if (refresh === 'state') return { planned: planAgainstState(spec, store, (address) => selects(selection, address)) };
  const selected = spec.desired.filter((d) => selects(selection, d.address));
  const bound = liveTargetsFor(globals, [...selected.map((d) => d.address), ...removed.map((r) => r.addresses[0])], selection);
  const missing = unhandled(bound, selected, selection);
  if (missing.length > 0) throw new ConfigError(missing[0].message, missing[0].hint);
  const unbound = removed.find((r) => !bound.some((b) => b.scope === `kubernetes/${r.fabric}`));
  if (unbound) throw removedFabricError(unbound);
  if (bound.length === 0) throw new ConfigError(`no ${selection === 'all' ? 'live target' : selection} configured`, 'set DIET_NETBOX_URL and DIET_NETBOX_TOKEN, or pass --config FILE');
  // JSON output must stay one document: progress lines only for humans here.
  const events = output.json ? { progress: () => {}, finish: () => {} } : progressEvents(output);
  const live = await readLive(bound, selected, spec.model.name, events);
  events.finish();
  if (!output.json) for (const w of live.warnings) output.err(`warning: ${w}`);
  return { planned: planAgainstLive(spec, live, selection, adoptionRules(spec.model, store.managedResources(spec.model.name)?.resources)), bound, live };
}

/** Stores the plan in state (once per id) so `diet show` and `diet apply` find it by id. */
export function savePlanRecord(store: StateStore, planned: PlannedSpec, cluster: string): void {
  if (store.getPlan(planned.planId)) return;
  const s = planned.document.summary;
  store.savePlan({ id: planned.planId, cluster, createdAt: new Date().toISOString(), digest: planned.document.digest, document: planned.text, summary: { add: s.add, change: s.change, destroy: s.destroy } });
}

/**
 * The same for a read-only command (`diet diff`), from the state file at `path` if there is
 * one: no state file, nothing recorded.
 */
export function removedFabricsAt(path: string, spec: ExpandedSpec, selection: TargetSelection): RemovedFabric[] {
  if (selection === 'netbox' || !existsSync(path)) return [];
  const store = openStateStore(path, { readonly: true });
  try {
    return removedFabricsOf(spec, store, selection);
  } finally {
    store.close();
  }
}

/** The removed fabrics (see removed-fabrics.ts) a command on `selection` must take care of. */
export function removedFabricsOf(spec: ExpandedSpec, store: StateStore | undefined, selection: TargetSelection): RemovedFabric[] {
  if (!store || selection === 'netbox') return [];
  return removedFabrics(store.managedResources(spec.model.name)?.resources ?? [], spec.desired, spec.model.fabrics.map((f) => f.name));
}
