import { diffResources } from '../../../plan/diff-resources.js';
import type { DesiredResource, ObservedResource, ResourceChange } from '../../../resource/resource.js';
import type { LiveObject, ReadScope } from '../../live-target.js';
import { resourceSchema } from '../../resource-schemas.js';
import { applyWebhookDefaults } from '../webhook-defaults.js';
import { mapBounded } from './bounded.js';
import { describeFailure, failureError } from './kube-errors.js';
import { kindOfType, objectPath } from './kube-kinds.js';
import { isRawKubeObject, toLiveObject } from './live-object.js';
import { FIELD_MANAGER } from './managed-fields.js';
import { desiredOfFabric, type FabricContext } from './read-fabric.js';

/**
 * What the API server would store for each desired object: a server-side apply with
 * `dryRun=All` (defaulting, pruning, schema and admission run; nothing is persisted), with
 * force, as `kubectl diff --server-side --force-conflicts` does. The result is normalized
 * like `read` output. A rejected object (422, 400, …) fails the whole dry run with that error.
 */
export async function dryRunFabric(ctx: FabricContext, desired: readonly DesiredResource[]): Promise<ObservedResource[]> {
  return mapBounded(desiredOfFabric(desired, ctx.fabric), ctx.concurrency, async (d) => {
    const kind = kindOfType(d.type)!;
    const name = d.key.slice(ctx.fabric.length + 1);
    const attrs = applyWebhookDefaults(d.attrs);
    const body = { apiVersion: attrs.apiVersion, kind: attrs.kind, metadata: attrs.metadata, spec: attrs.spec ?? {} };
    const res = await ctx.http.send({
      method: 'PATCH',
      path: objectPath(kind, ctx.namespace, name),
      query: { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', force: 'true', dryRun: 'All' },
      body,
      contentType: 'application/apply-patch+yaml',
    });
    if ((res.status !== 200 && res.status !== 201) || !isRawKubeObject(res.body)) throw failureError(describeFailure(res, `${kind.kind} ${ctx.namespace}/${name} (dry run)`, ctx));
    // Ownership is read()'s business; the result only carries attrs.
    const { owned: _owned, ...merged } = toLiveObject(res.body, { fabric: ctx.fabric, cluster: '' }, d.attrs);
    return { ...merged, dependsOn: d.dependsOn };
  });
}

export interface KubernetesDiff {
  readonly live: readonly LiveObject[];
  /** The dry-run results: what the server would store for each desired object. */
  readonly merged: readonly ObservedResource[];
  /** Live → merged, in apply order: exactly what an apply would change on the server. */
  readonly changes: readonly ResourceChange[];
}

/**
 * `diet diff --target kubernetes` for one fabric: reads the live objects, dry-runs the
 * desired ones on the server, and diffs live against what the server says it would store
 * (so server defaults and pruning never show, and drift in fields diet applies does).
 */
export async function diffKubernetesFabric(target: { read(scope: ReadScope): Promise<readonly LiveObject[]>; dryRun(desired: readonly DesiredResource[]): Promise<readonly ObservedResource[]> }, scope: ReadScope): Promise<KubernetesDiff> {
  const [live, merged] = await Promise.all([target.read(scope), target.dryRun(scope.desired)]);
  const asDesired: DesiredResource[] = merged.map((m) => ({ address: m.address, target: m.target, type: m.type, key: m.key, attrs: m.attrs, dependsOn: m.dependsOn ?? [] }));
  return { live, merged, changes: diffResources(asDesired, live, { schemas: resourceSchema }) };
}
