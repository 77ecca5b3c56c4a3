// The engine path of `diet apply --target netbox` without the CLI, against the in-memory
// NetBox: a spec from text, the NetBox target bound to the fake, a plan against live with the
// state's adoption record, and the apply of that plan.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adoptionRules } from '../../src/engine/adoption-rules.js';
import { expandSpec, type ExpandedSpec } from '../../src/engine/expand-spec.js';
import { applyPlan } from '../../src/engine/live/apply-plan.js';
import { planAgainstLive } from '../../src/engine/live/plan-live.js';
import { readLive } from '../../src/engine/live/read-live.js';
import type { StateStore } from '../../src/state/index.js';
import type { BoundTarget } from '../../src/targets/create-live-targets.js';
import { SILENT_EVENTS } from '../../src/targets/live-target.js';
import { createNetboxTarget } from '../../src/targets/netbox/create-netbox-target.js';
import type { FakeNetbox } from './fake-netbox.js';

const specDir = mkdtempSync(join(tmpdir(), 'diet-engine-spec-'));

export async function specOf(text: string): Promise<ExpandedSpec> {
  const file = join(specDir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return expandSpec([file]);
}

export function boundTo(fake: FakeNetbox): BoundTarget[] {
  return [{ target: createNetboxTarget({ url: fake.url, token: 'good-token', verifyTls: true, timeoutMs: 10_000 }), scope: 'netbox', handles: (a) => a.startsWith('netbox.') }];
}

/** `diet plan --refresh live --target netbox` for the spec's cluster, with its state's adoption record. */
export async function planLive(fake: FakeNetbox, store: StateStore, text: string) {
  const s = await specOf(text);
  const live = await readLive(boundTo(fake), s.desired.filter((d) => d.target === 'netbox'), s.model.name, SILENT_EVENTS);
  return planAgainstLive(s, live, 'netbox', adoptionRules(s.model, store.managedResources(s.model.name)?.resources));
}

/** `diet apply --target netbox`: that plan, then its apply. */
export async function planAndApply(fake: FakeNetbox, store: StateStore, text: string) {
  const planned = await planLive(fake, store, text);
  const result = await applyPlan({ document: planned.document, planId: planned.planId, bound: boundTo(fake), store, events: SILENT_EVENTS, now: () => '2026-01-01T00:00:00Z' });
  return { document: planned.document, result };
}
