import { hasErrors } from '../diag/diagnostic.js';
import { SpecError } from '../diag/errors.js';
import { buildDesiredGraph } from '../graph/build-desired-graph.js';
import { createPlan } from '../plan/create-plan.js';
import { diffWithAdoption } from '../plan/diff-with-adoption.js';
import { serializePlanDocument, toPlanDocument } from '../plan/plan-document.js';
import type { PlanDocument } from '../plan/plan-document.js';
import type { ObservedResource } from '../resource/resource.js';
import type { StateStore } from '../state/index.js';
import { resourceSchema, resourceTypeOrder } from '../targets/resource-schemas.js';
import { DIET_VERSION } from '../version.js';
import { adoptionRules } from './adoption-rules.js';
import type { ExpandedSpec } from './expand-spec.js';

export interface PlannedSpec {
  readonly document: PlanDocument;
  /** The serialized document, byte-identical for the same spec, state and diet version. */
  readonly text: string;
  readonly planId: string;
}

/** Plan ids are the start of the digest: stable, and short enough to type. */
export function planIdOf(digest: string): string {
  return digest.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * Compares the desired objects with the last applied snapshot in state (or nothing,
 * the first time) and builds the plan document. Pure apart from reading state. `inScope`
 * restricts both sides to some addresses (`--target netbox`). Objects the snapshot records as
 * adopted are released rather than deleted; new adoptions need a live read (collisions are
 * only seen there), so this plan creates, and apply then refuses the collision.
 */
export function planAgainstState(spec: ExpandedSpec, store: StateStore | undefined, inScope: (address: string) => boolean = () => true): PlannedSpec {
  const graph = buildDesiredGraph(spec.desired, { typeOrder: resourceTypeOrder });
  if (hasErrors(graph.diagnostics)) throw new SpecError(graph.diagnostics);
  const snapshot = store?.managedResources(spec.model.name);
  const observed: readonly ObservedResource[] = (snapshot?.resources ?? []).filter((r) => inScope(r.address));
  const { changes } = diffWithAdoption(spec.desired.filter((d) => inScope(d.address)), observed, [], adoptionRules(spec.model, snapshot?.resources), { schemas: resourceSchema });
  const plan = createPlan({
    cluster: spec.model.name,
    changes,
    topology: spec.summary as unknown as Record<string, unknown>,
    baseline: snapshot ? { kind: 'state', snapshotId: String(snapshot.record.id) } : { kind: 'empty' },
    dietVersion: DIET_VERSION,
    specDigest: spec.specDigest,
  });
  const document = toPlanDocument(plan);
  return { document, text: serializePlanDocument(document), planId: planIdOf(document.digest) };
}
