// What journaling costs on the canonical 128-GPU Kubernetes apply (both fabrics), with an
// API server stand-in that answers each request after a fixed delay and a real state file:
// one journal transaction announces a few waves of requests and carries the answers that came
// in meanwhile (each transaction is an fsync), so the count of transactions, not of objects,
// sets the cost.
import { describe, expect, it } from 'vitest';
import { expandSpec } from '../../../src/engine/expand-spec.js';
import { startJournaledRun } from '../../../src/engine/journal/journaled-run.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import type { ResourceChange } from '../../../src/resource/resource.js';
import type { StateStore } from '../../../src/state/index.js';
import { applyFabric } from '../../../src/targets/kubernetes/live/apply-fabric.js';
import type { KubeHttp, KubeRequest } from '../../../src/targets/kubernetes/live/kube-http.js';
import type { FabricContext } from '../../../src/targets/kubernetes/live/read-fabric.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { eachTestWithTempStore } from '../../support/temp-state-store.js';

let store: StateStore;
eachTestWithTempStore((s) => (store = s));

/** An API server that takes every server-side apply after `delayMs`. */
function fakeHttp(delayMs: number): KubeHttp {
  let uid = 0;
  const send = async (req: KubeRequest) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { status: 201, headers: {}, body: { ...(req.body as object), metadata: { uid: `u${++uid}` } } };
  };
  return { send } as unknown as KubeHttp;
}

async function applyAll(changes: readonly ResourceChange[], journaled: boolean, delayMs: number): Promise<{ ms: number; writes: number }> {
  let writes = 0;
  const counting: StateStore = Object.create(store, { journalSteps: { value: (...args: Parameters<StateStore['journalSteps']>) => (writes++, store.journalSteps(...args)) } });
  const run = journaled ? startJournaledRun({ store: counting, cluster: 'ai-cluster', kind: 'apply', scopes: ['kubernetes/frontend', 'kubernetes/backend'], changes, now: () => new Date().toISOString() }) : undefined;
  const started = performance.now();
  for (const fabric of ['frontend', 'backend']) {
    const ctx: FabricContext = { http: fakeHttp(delayMs), fabric, server: 'https://fake', namespace: 'default', concurrency: 8 };
    const mine = changes.filter((c) => c.key.startsWith(`${fabric}/`));
    const outcome = await applyFabric(ctx, mine, new Map(), run ? run.withJournal(SILENT_EVENTS) : SILENT_EVENTS);
    expect(outcome.failed).toBeUndefined();
  }
  run?.finish('applied');
  return { ms: performance.now() - started, writes: writes - (journaled ? 1 : 0) };
}

describe('journal overhead on the 128-GPU Kubernetes apply', () => {
  it('journals every object in far fewer transactions than objects, for a small share of the apply time', async () => {
    const spec = await expandSpec([new URL('../../../examples/128gpu', import.meta.url).pathname]);
    const desired = spec.desired.filter((d) => d.target === 'kubernetes');
    const changes = diffResources(desired, [], { schemas: resourceSchema });
    await applyAll(changes, false, 2); // warm up
    for (const delayMs of [2, 10]) {
      const plain = await applyAll(changes, false, delayMs);
      const journaled = await applyAll(changes, true, delayMs);
      const run = store.unfinishedApplyRuns().length === 0 ? store.getApplyRun(delayMs === 2 ? 1 : 2)! : undefined;
      const steps = store.journalOf(run!.id);
      expect(steps).toHaveLength(changes.length);
      expect(steps.every((s) => s.state === 'confirmed' && s.remoteId !== undefined)).toBe(true);
      // Without coalescing it would be two transactions per object; announcing four waves
      // at once and letting answers ride along makes it about one per 25 objects.
      expect(journaled.writes).toBeLessThan(changes.length / 10);
      console.log(`128-GPU Kubernetes apply, ${changes.length} objects, ${delayMs} ms per request, concurrency 8: ${plain.ms.toFixed(0)} ms plain, ${journaled.ms.toFixed(0)} ms journaled (${journaled.writes} journal transactions, ${((journaled.ms / plain.ms - 1) * 100).toFixed(0)}% overhead)`);
    }
  });
});
