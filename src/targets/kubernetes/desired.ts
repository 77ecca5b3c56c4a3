import type { FabricModel } from '../../model/fabric-model.js';
import type { Topology } from '../../planner/topology.js';
import { formatAddress } from '../../resource/address.js';
import type { Attrs, DesiredResource } from '../../resource/resource.js';
import type { KubeObject } from './kube-object.js';
import { buildWiringEntries, managedFabrics } from './wiring-objects.js';

export const CLUSTER_LABEL = 'diet.githedgehog.com/cluster';
export const FABRIC_LABEL = 'diet.githedgehog.com/fabric';

/** `wiring.githedgehog.com/Switch` — the resource type of a Kubernetes object. */
export function kubeResourceType(o: Pick<KubeObject, 'apiVersion' | 'kind'>): string {
  return `${o.apiVersion.split('/')[0]}/${o.kind}`;
}

export function kubeAddress(fabric: string, o: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
  return formatAddress('kubernetes', kubeResourceType(o), `${fabric}/${o.metadata.name}`);
}

/**
 * Desired Hedgehog objects of every managed fabric, labelled with diet's ownership
 * markers. Keys carry the fabric because each fabric has its own API server.
 */
export function desiredKubernetesResources(model: FabricModel, topology: Topology): DesiredResource[] {
  const result: DesiredResource[] = [];
  for (const fabric of managedFabrics(topology)) {
    const entries = buildWiringEntries(model, topology, fabric);
    const byName = new Map(entries.map(({ object: o }) => [`${o.kind}/${o.metadata.name}`, o]));
    for (const { object: o, origin } of entries) {
      const labels = { [CLUSTER_LABEL]: model.name, [FABRIC_LABEL]: fabric };
      const attrs = { apiVersion: o.apiVersion, kind: o.kind, metadata: { name: o.metadata.name, namespace: o.metadata.namespace, labels }, spec: o.spec } as unknown as Attrs;
      result.push({
        address: kubeAddress(fabric, o),
        target: 'kubernetes',
        type: kubeResourceType(o),
        key: `${fabric}/${o.metadata.name}`,
        attrs,
        dependsOn: dependenciesOf(o, byName).map((d) => kubeAddress(fabric, d)),
        origin,
      });
    }
  }
  return result;
}

/** What an object needs to exist first, among `byName` (`<Kind>/<name>`); also used for live objects. */
export function dependenciesOf(o: KubeObject, byName: ReadonlyMap<string, KubeObject>): KubeObject[] {
  const refs: (KubeObject | undefined)[] = [];
  if (o.kind === 'Switch') {
    refs.push(byName.get('VLANNamespace/default'));
    for (const g of (o.spec.groups as string[] | undefined) ?? []) refs.push(byName.get(`SwitchGroup/${g}`));
  }
  if (o.kind === 'Connection') {
    for (const port of portRefs(o.spec)) {
      const device = port.slice(0, port.indexOf('/'));
      refs.push(byName.get(`Switch/${device}`) ?? byName.get(`Server/${device}`));
    }
  }
  const unique = new Map<string, KubeObject>();
  for (const r of refs) if (r) unique.set(`${r.kind}/${r.metadata.name}`, r);
  return [...unique.values()];
}

/** Every `port: <device>/<port>` string inside a connection spec. */
function portRefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(portRefs);
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (k === 'port' && typeof v === 'string' ? [v] : portRefs(v)));
  }
  return [];
}
