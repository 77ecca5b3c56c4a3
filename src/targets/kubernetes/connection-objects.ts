import { sanitizeCrdName } from '../../planner/naming.js';
import type { Cable, SwitchDevice } from '../../planner/topology.js';
import { kubeObject, WIRING_API } from './kube-object.js';
import type { Endpoint, WiringEntry } from './wiring-objects.js';

/**
 * Cables → Connection objects: a server or surrogate on a managed switch is one
 * `unbundled` connection per cable; switch-to-switch cables are grouped into one
 * `fabric` (or `mesh`) connection per switch pair. Other pairs are not wiring.
 */
export function connectionObjects(cables: readonly Cable[], endpoints: ReadonlyMap<string, Endpoint>, fabric: string, isMesh: (s: SwitchDevice) => boolean): WiringEntry[] {
  const result: WiringEntry[] = [];
  const grouped = new Map<string, LinkGroup>();
  for (const cable of cables) {
    const a = endpoints.get(cable.a.device);
    const b = endpoints.get(cable.b.device);
    if (!a || !b) continue;
    if (a.kind === 'switch' && b.kind === 'switch') {
      if (a.device.fabric !== fabric || b.device.fabric !== fabric) continue;
      addSwitchLink(grouped, cable, a.device, b.device, isMesh);
      continue;
    }
    const sw = a.kind === 'switch' ? cable.a : b.kind === 'switch' ? cable.b : undefined;
    const host = sw === cable.a ? cable.b : cable.a;
    if (!sw || endpoints.get(host.device)?.kind === 'switch') continue;
    const hostCrd = sanitizeCrdName(host.device);
    const switchCrd = sanitizeCrdName(sw.device);
    const name = `${sanitizeCrdName(`${host.device}-${host.port}`)}--unbundled--${switchCrd}`.slice(0, 63).replace(/-+$/, '');
    result.push({ object: kubeObject(WIRING_API, 'Connection', name, { unbundled: { link: { server: { port: `${hostCrd}/${host.port}` }, switch: { port: `${switchCrd}/${sw.port}` } } } }), origin: cable.origin });
  }
  for (const g of grouped.values()) result.push({ object: kubeObject(WIRING_API, 'Connection', g.name, { [g.kind]: { links: g.links } }), origin: g.origin });
  return result;
}

interface LinkGroup {
  readonly kind: 'fabric' | 'mesh';
  readonly name: string;
  readonly links: Record<string, unknown>[];
  readonly origin?: Cable['origin'];
}

function addSwitchLink(grouped: Map<string, LinkGroup>, cable: Cable, a: SwitchDevice, b: SwitchDevice, isMesh: (s: SwitchDevice) => boolean): void {
  if (isMesh(a) && isMesh(b)) {
    const [first, second] = a.name <= b.name ? [cable.a, cable.b] : [cable.b, cable.a];
    const name = sanitizeCrdName(`mesh--${first.device}--${second.device}`);
    const group = grouped.get(name) ?? { kind: 'mesh' as const, name, links: [], origin: cable.origin };
    group.links.push({ leaf1: { port: `${sanitizeCrdName(first.device)}/${first.port}` }, leaf2: { port: `${sanitizeCrdName(second.device)}/${second.port}` } });
    grouped.set(name, group);
    return;
  }
  const spineIsA = a.role === 'spine' && b.role !== 'spine';
  const spine = spineIsA ? cable.a : cable.b;
  const leaf = spineIsA ? cable.b : cable.a;
  const name = sanitizeCrdName(`${spine.device}--fabric--${leaf.device}`);
  const group = grouped.get(name) ?? { kind: 'fabric' as const, name, links: [], origin: cable.origin };
  group.links.push({ leaf: { port: `${sanitizeCrdName(leaf.device)}/${leaf.port}` }, spine: { port: `${sanitizeCrdName(spine.device)}/${spine.port}` } });
  grouped.set(name, group);
}
