import { createPlan } from '../../plan/create-plan.js';
import { diffResources } from '../../plan/diff-resources.js';
import { toPlanDocument, type PlanDocument } from '../../plan/plan-document.js';
import type { DesiredResource, ObservedResource } from '../../resource/resource.js';
import { resourceSchema } from '../../targets/resource-schemas.js';
import { DIET_VERSION } from '../../version.js';

/**
 * What changed from one set of recorded objects to another, attribute by attribute: the
 * plan diff with `to` as the desired side and `from` as the observed side, so an object only
 * in `to` is `+`, only in `from` is `-`, and an owned attribute that differs is `~` (or
 * `-/+` where it cannot change in place). Like a plan, only the attributes diet owns are
 * compared, normalized the way the backend stores them; remote ids and fingerprints never
 * count. Returned as a plan document (baseline: the `from` snapshot) so the plan renderer
 * and the plan's JSON shape apply unchanged.
 */
export function diffObservedSets(cluster: string, fromSnapshotId: number, from: readonly ObservedResource[], to: readonly ObservedResource[]): PlanDocument {
  const changes = diffResources(to.map(observedAsDesired), from, { schemas: resourceSchema });
  return toPlanDocument(createPlan({ cluster, changes, topology: {}, baseline: { kind: 'state', snapshotId: String(fromSnapshotId) }, dietVersion: DIET_VERSION, specDigest: '' }));
}

/** A recorded object as the desired side of a diff. */
export function observedAsDesired(r: ObservedResource): DesiredResource {
  return { address: r.address, target: r.target, type: r.type, key: r.key, attrs: r.attrs, dependsOn: r.dependsOn ?? [] };
}
