import { TargetError } from '../../../diag/errors.js';
import type { Attrs, DesiredResource } from '../../../resource/resource.js';
import type { ApplyEvents, LiveObject, ReadScope } from '../../live-target.js';
import { CLUSTER_LABEL, FABRIC_LABEL } from '../desired.js';
import { mapBounded } from './bounded.js';
import { describeFailure, failureError } from './kube-errors.js';
import type { KubeHttp } from './kube-http.js';
import { collectionPath, kindOfType, MANAGED_KINDS, objectPath, type KindInfo } from './kube-kinds.js';
import { isRawKubeObject, toLiveObject, withDependencies, type RawKubeObject } from './live-object.js';

export interface FabricContext {
  readonly http: KubeHttp;
  readonly fabric: string;
  readonly server: string;
  readonly namespace: string;
  readonly concurrency: number;
}

const PAGE_SIZE = 500;
/** Up to this many desired names per kind are looked up one GET each; more, one unfiltered list. */
const GET_LOOKUP_LIMIT = 32;

/** The desired objects of this fabric (scope.desired may hold every fabric's). */
export function desiredOfFabric(desired: readonly DesiredResource[], fabric: string): DesiredResource[] {
  const here = desired.filter((d) => d.target === 'kubernetes' && d.key.startsWith(`${fabric}/`));
  for (const d of here) if (!kindOfType(d.type)) throw new TargetError(`${d.address}: diet cannot apply ${d.type} to Kubernetes yet`);
  return here;
}

/**
 * Every object of the managed kinds that carries this cluster's and fabric's labels (paged
 * lists with a label selector), plus objects with the name of a desired one but not those
 * labels (unowned collisions: `owned: false`).
 */
export async function readFabric(ctx: FabricContext, scope: ReadScope, events: ApplyEvents): Promise<LiveObject[]> {
  const desired = desiredOfFabric(scope.desired, ctx.fabric);
  const desiredAttrs = new Map<string, Attrs>(desired.map((d) => [d.address, d.attrs]));
  const selector = `${CLUSTER_LABEL}=${scope.cluster},${FABRIC_LABEL}=${ctx.fabric}`;
  let done = 0;
  const perKind = await Promise.all(
    MANAGED_KINDS.map(async (kind) => {
      const owned = await listAll(ctx, kind, selector);
      const listed = new Set(owned.map((o) => o.metadata.name));
      const missing = desired.filter((d) => d.type === kind.type && !listed.has(d.key.slice(ctx.fabric.length + 1))).map((d) => d.key.slice(ctx.fabric.length + 1));
      const colliding = missing.length === 0 ? [] : missing.length <= GET_LOOKUP_LIMIT ? await getByName(ctx, kind, missing) : await listNamed(ctx, kind, new Set(missing));
      events.progress({ target: 'kubernetes', phase: 'read', done: ++done, total: MANAGED_KINDS.length, message: kind.kind });
      return [...owned, ...colliding];
    }),
  );
  const live = perKind.flat().map((raw) => toLiveObject(raw, { fabric: ctx.fabric, cluster: scope.cluster }, desiredAttrs.get(addressOf(ctx.fabric, raw))));
  return withDependencies(live, ctx.fabric);
}

function addressOf(fabric: string, raw: RawKubeObject): string {
  return `kubernetes.${raw.apiVersion.split('/')[0]}/${raw.kind}[${fabric}/${raw.metadata.name}]`;
}

/** A paged list (`limit` + `continue`); an expired continue token (410) restarts it. */
export async function listAll(ctx: FabricContext, kind: KindInfo, labelSelector: string | undefined): Promise<RawKubeObject[]> {
  for (let restart = 0; ; restart++) {
    const items: RawKubeObject[] = [];
    let token: string | undefined;
    let expired = false;
    do {
      const res = await ctx.http.send({ method: 'GET', path: collectionPath(kind, ctx.namespace), query: { labelSelector, limit: String(PAGE_SIZE), continue: token } });
      if (res.status === 410 && restart < 3) {
        expired = true;
        break;
      }
      if (res.status !== 200) throw failureError(describeFailure(res, `list ${kind.crd} in namespace ${ctx.namespace}`, ctx));
      const body = res.body as { items?: unknown[]; metadata?: { continue?: string } };
      // Lists leave apiVersion and kind out of their items.
      for (const item of body.items ?? []) items.push({ ...(item as RawKubeObject), apiVersion: kind.apiVersion, kind: kind.kind });
      token = body.metadata?.continue || undefined;
    } while (token);
    if (!expired) return items;
  }
}

async function getByName(ctx: FabricContext, kind: KindInfo, names: readonly string[]): Promise<RawKubeObject[]> {
  const found = await mapBounded(names, ctx.concurrency, async (name) => {
    const res = await ctx.http.send({ method: 'GET', path: objectPath(kind, ctx.namespace, name) });
    if (res.status === 404) return undefined;
    if (res.status !== 200 || !isRawKubeObject(res.body)) throw failureError(describeFailure(res, `get ${kind.kind} ${ctx.namespace}/${name}`, ctx));
    return res.body;
  });
  return found.filter((o): o is RawKubeObject => o !== undefined);
}

async function listNamed(ctx: FabricContext, kind: KindInfo, names: ReadonlySet<string>): Promise<RawKubeObject[]> {
  return (await listAll(ctx, kind, undefined)).filter((o) => names.has(o.metadata.name));
}
