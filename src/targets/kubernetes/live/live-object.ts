import { isAttrObject } from '../../../plan/attr-object.js';
import type { AttrValue, Attrs } from '../../../resource/resource.js';
import type { LiveObject } from '../../live-target.js';
import { CLUSTER_LABEL, dependenciesOf, FABRIC_LABEL, kubeAddress } from '../desired.js';
import type { KubeObject } from '../kube-object.js';
import { applyWebhookDefaults } from '../webhook-defaults.js';
import { kindInfo } from './kube-kinds.js';
import { dietFieldSet, projectOwned } from './managed-fields.js';

/** The labels diet writes; every other label (and every annotation) belongs to someone else. */
const DIET_LABEL_PREFIX = 'diet.githedgehog.com/';

/** A Kubernetes object as the API returns it (only what diet reads). */
export interface RawKubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly uid?: string;
    readonly resourceVersion?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly managedFields?: unknown;
  };
  readonly spec?: Readonly<Record<string, AttrValue>>;
}

export interface LiveContext {
  readonly fabric: string;
  readonly cluster: string;
}

/**
 * A live object in diet's attrs, the shape desired objects have: apiVersion, kind,
 * metadata.name/namespace, diet's own labels, and the spec with Hedgehog's webhook defaults,
 * reduced to what diet wants or owns (see projectOwned), so that labels, annotations and
 * fields other managers add never show as drift while a changed field diet applies does.
 * `desired` is the desired attrs at the same address, if any.
 */
export function toLiveObject(raw: RawKubeObject, ctx: LiveContext, desired: Attrs | undefined): LiveObject {
  const labels = raw.metadata.labels ?? {};
  const dietLabels: Record<string, string> = {};
  for (const key of Object.keys(labels).sort()) if (key.startsWith(DIET_LABEL_PREFIX)) dietLabels[key] = labels[key];
  const metadata: Record<string, AttrValue> = { name: raw.metadata.name, namespace: raw.metadata.namespace ?? 'default' };
  if (Object.keys(dietLabels).length > 0) metadata.labels = dietLabels;
  const normalized = applyWebhookDefaults({ apiVersion: raw.apiVersion, kind: raw.kind, metadata, spec: raw.spec ?? {} });
  const owned = dietFieldSet(raw.metadata.managedFields);
  const want = desired ? applyWebhookDefaults(desired) : undefined;
  // Without desired attrs and without diet's field ownership there is nothing to narrow by.
  const spec = want || owned ? projectOwned(normalized.spec, want?.spec, owned?.['f:spec']) : normalized.spec;
  const attrs: Attrs = { ...normalized, spec };
  const info = kindInfo(raw.kind);
  return {
    address: kubeAddress(ctx.fabric, { apiVersion: raw.apiVersion, kind: raw.kind, metadata: { name: raw.metadata.name, namespace: String(metadata.namespace) } }),
    target: 'kubernetes',
    type: info?.type ?? `${raw.apiVersion.split('/')[0]}/${raw.kind}`,
    key: `${ctx.fabric}/${raw.metadata.name}`,
    attrs,
    ...(raw.metadata.uid ? { remoteId: raw.metadata.uid } : {}),
    ...(raw.metadata.resourceVersion ? { fingerprint: raw.metadata.resourceVersion } : {}),
    owned: labels[CLUSTER_LABEL] === ctx.cluster && labels[FABRIC_LABEL] === ctx.fabric,
  };
}

/**
 * The same dependencies desired objects have (a Connection on its Switches and Servers, a
 * Switch on its groups and VLAN namespace), computed among the live objects, so deletes are
 * ordered before what they used to depend on.
 */
export function withDependencies(objects: readonly LiveObject[], fabric: string): LiveObject[] {
  const asKube = (o: LiveObject): KubeObject => o.attrs as unknown as KubeObject;
  const byName = new Map(objects.map((o) => [`${String(o.attrs.kind)}/${o.key.slice(fabric.length + 1)}`, asKube(o)]));
  return objects.map((o) => {
    const deps = dependenciesOf(asKube(o), byName).map((d) => kubeAddress(fabric, d));
    return deps.length > 0 ? { ...o, dependsOn: deps } : o;
  });
}

export function isRawKubeObject(value: unknown): value is RawKubeObject {
  return isAttrObject(value as AttrValue) && typeof (value as RawKubeObject).kind === 'string' && isAttrObject((value as RawKubeObject).metadata as unknown as AttrValue);
}
