import { KIND_ORDER, VPC_API, WIRING_API } from '../kube-object.js';

/** Where a Hedgehog kind lives in the API. */
export interface KindInfo {
  readonly kind: string;
  readonly apiVersion: string;
  readonly group: string;
  readonly plural: string;
  /** diet's resource type, e.g. `wiring.githedgehog.com/Switch`. */
  readonly type: string;
  /** The CRD's name, e.g. `switches.wiring.githedgehog.com`. */
  readonly crd: string;
}

const PLURALS: Readonly<Record<(typeof KIND_ORDER)[number], string>> = {
  VLANNamespace: 'vlannamespaces',
  IPv4Namespace: 'ipv4namespaces',
  SwitchGroup: 'switchgroups',
  Switch: 'switches',
  Server: 'servers',
  Connection: 'connections',
};

/** The kinds diet manages, in Hedgehog's create order (deletes go in reverse). */
export const MANAGED_KINDS: readonly KindInfo[] = KIND_ORDER.map((kind) => {
  const apiVersion = kind === 'IPv4Namespace' ? VPC_API : WIRING_API;
  const group = apiVersion.split('/')[0];
  return { kind, apiVersion, group, plural: PLURALS[kind], type: `${group}/${kind}`, crd: `${PLURALS[kind]}.${group}` };
});

const BY_TYPE = new Map(MANAGED_KINDS.map((k) => [k.type, k]));
const BY_KIND = new Map(MANAGED_KINDS.map((k) => [k.kind, k]));

export function kindOfType(type: string): KindInfo | undefined {
  return BY_TYPE.get(type);
}

export function kindInfo(kind: string): KindInfo | undefined {
  return BY_KIND.get(kind);
}

export function collectionPath(k: KindInfo, namespace: string): string {
  return `/apis/${k.apiVersion}/namespaces/${encodeURIComponent(namespace)}/${k.plural}`;
}

export function objectPath(k: KindInfo, namespace: string, name: string): string {
  return `${collectionPath(k, namespace)}/${encodeURIComponent(name)}`;
}
