/** A Kubernetes object as diet writes it: only the fields it owns. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels?: Readonly<Record<string, string>> };
  readonly spec: Readonly<Record<string, unknown>>;
}

export const WIRING_API = 'wiring.githedgehog.com/v1beta1';
export const VPC_API = 'vpc.githedgehog.com/v1beta1';
export const NAMESPACE = 'default';

/** Hedgehog's create order (hhfab's install order); deletes go in reverse. */
export const KIND_ORDER = ['VLANNamespace', 'IPv4Namespace', 'SwitchGroup', 'Switch', 'Server', 'Connection'] as const;

export function kindRank(kind: string): number {
  const i = (KIND_ORDER as readonly string[]).indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

export function kubeObject(apiVersion: string, kind: string, name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion, kind, metadata: { name, namespace: NAMESPACE }, spec };
}
