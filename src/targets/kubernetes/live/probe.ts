import { TargetError } from '../../../diag/errors.js';
import { describeFailure, failureError } from './kube-errors.js';
import { MANAGED_KINDS, type KindInfo } from './kube-kinds.js';
import type { FabricContext } from './read-fabric.js';

/** Server-side apply with `fieldValidation` is GA from 1.27; older servers are refused. */
const MIN_MINOR = 27;
/** The newest minor diet was tested against (kube-apiserver v1.36.3). */
const TESTED_MINOR = 36;

interface CrdStatus {
  readonly status?: { readonly conditions?: readonly { readonly type?: string; readonly status?: string; readonly message?: string }[] };
}

/**
 * `/version` in the supported range, and every Hedgehog CRD diet applies installed and
 * Established. CRDs are read directly; a token that may not read CRDs (403) falls back to
 * API discovery, which lists a custom resource only once its CRD is Established.
 */
export async function probeFabric(ctx: FabricContext): Promise<{ version: string; warnings: string[] }> {
  const res = await ctx.http.send({ method: 'GET', path: '/version' });
  if (res.status !== 200) throw failureError(describeFailure(res, 'GET /version', ctx));
  const v = res.body as { gitVersion?: string; major?: string; minor?: string };
  const version = v.gitVersion ?? `v${v.major}.${v.minor}`;
  const minor = Number.parseInt(v.minor ?? '', 10);
  const warnings: string[] = [];
  if (v.major !== '1' || !(minor >= MIN_MINOR)) throw new TargetError(`the Kubernetes API of fabric ${ctx.fabric} at ${ctx.server} is ${version}; diet needs 1.${MIN_MINOR} or newer`, 'upgrade the cluster, or use a diet release that supports it');
  if (minor > TESTED_MINOR) warnings.push(`Kubernetes ${version} is newer than the newest version diet was tested with (1.${TESTED_MINOR})`);

  const problems = (await Promise.all(MANAGED_KINDS.map((k) => crdProblem(ctx, k)))).filter((p): p is string => p !== undefined);
  if (problems.length > 0) {
    throw new TargetError(`fabric ${ctx.fabric} at ${ctx.server}: ${problems.join('; ')}`, 'install the Hedgehog fabric CRDs (wiring.githedgehog.com, vpc.githedgehog.com) on that cluster and wait until they are Established');
  }
  return { version, warnings };
}

async function crdProblem(ctx: FabricContext, k: KindInfo): Promise<string | undefined> {
  const res = await ctx.http.send({ method: 'GET', path: `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${k.crd}` });
  if (res.status === 404) return `CRD ${k.crd} is not installed`;
  if (res.status === 403) return discoveryProblem(ctx, k);
  if (res.status !== 200) throw failureError(describeFailure(res, `get CRD ${k.crd}`, ctx));
  const established = (res.body as CrdStatus).status?.conditions?.find((c) => c.type === 'Established');
  if (established?.status !== 'True') return `CRD ${k.crd} is not Established${established?.message ? ` (${established.message})` : ''}`;
  return undefined;
}

async function discoveryProblem(ctx: FabricContext, k: KindInfo): Promise<string | undefined> {
  const res = await ctx.http.send({ method: 'GET', path: `/apis/${k.apiVersion}` });
  if (res.status === 404) return `CRD ${k.crd} is not installed (API group ${k.apiVersion} is not served)`;
  if (res.status !== 200) throw failureError(describeFailure(res, `GET /apis/${k.apiVersion}`, ctx));
  const served = (res.body as { resources?: readonly { name?: string }[] }).resources?.some((r) => r.name === k.plural);
  return served ? undefined : `CRD ${k.crd} is not installed or not Established (${k.apiVersion} does not serve ${k.plural})`;
}
