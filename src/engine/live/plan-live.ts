import { hasErrors } from '../../diag/diagnostic.js';
import { SpecError } from '../../diag/errors.js';
import { buildDesiredGraph } from '../../graph/build-desired-graph.js';
import { createPlan } from '../../plan/create-plan.js';
import { serializePlanDocument, toPlanDocument } from '../../plan/plan-document.js';
import { resourceTypeOrder } from '../../targets/resource-schemas.js';
import type { AdoptionRules } from '../../plan/diff-with-adoption.js';
import { DIET_VERSION } from '../../version.js';
import type { ExpandedSpec } from '../expand-spec.js';
import { planIdOf, type PlannedSpec } from '../plan-spec.js';
import { collisionError } from './collision-error.js';
import { diffLive } from './diff-live.js';
import { sharedConflictError } from './shared-conflict-error.js';
import type { LiveRead } from './read-live.js';
import { selects, type TargetSelection } from './target-selection.js';

/**
 * The plan against the live targets instead of state (`diet plan --refresh live`): the
 * baseline records the fingerprint of every owned object read, so apply can refuse when
 * any of them changed since. Desired objects that collide with unowned live ones refuse
 * the plan outright, unless the spec adopts them (`rules`).
 */
export function planAgainstLive(spec: ExpandedSpec, live: LiveRead, selection: TargetSelection, rules?: AdoptionRules): PlannedSpec {
  const desired = spec.desired.filter((d) => selects(selection, d.address));
  const graph = buildDesiredGraph(spec.desired, { typeOrder: resourceTypeOrder });
  if (hasErrors(graph.diagnostics)) throw new SpecError(graph.diagnostics);
  const diff = diffLive(desired, live, rules);
  if (diff.collisions.length > 0) throw collisionError(diff.collisions, spec.model.name);
  if (diff.conflicts.length > 0) throw sharedConflictError(diff.conflicts);
  const fingerprints: Record<string, string> = {};
  for (const o of live.owned) if (o.fingerprint !== undefined) fingerprints[o.address] = o.fingerprint;
  const plan = createPlan({
    cluster: spec.model.name,
    changes: diff.changes,
    topology: spec.summary as unknown as Record<string, unknown>,
    baseline: { kind: 'live', fingerprints },
    dietVersion: DIET_VERSION,
    specDigest: spec.specDigest,
  });
  const document = toPlanDocument(plan);
  return { document, text: serializePlanDocument(document), planId: planIdOf(document.digest) };
}
