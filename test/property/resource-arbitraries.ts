import fc from 'fast-check';
import type { Attrs, AttrValue, DesiredResource, ObservedResource } from '../../src/resource/resource.js';
import type { ResourceTypeSchema } from '../../src/resource/resource-type-schema.js';
import { formatAddress } from '../../src/resource/address.js';

/**
 * Generators for the diff laws: small resource sets drawn from a shared pool of addresses
 * (so that two sets overlap and every action occurs), nested attributes with keys that need
 * quoting, and acyclic dependencies (each resource may depend only on resources generated
 * before it).
 */
const TYPES = ['dcim.device', 'dcim.interface', 'wiring/Connection'] as const;

/** Owned nested paths, a key with a dot, an immutable attribute and a normalizer, per type. */
export const SCHEMAS: Record<string, ResourceTypeSchema> = {
  'dcim.device': {
    target: 'netbox',
    type: 'dcim.device',
    order: 1,
    ownedAttrs: ['name', 'status', 'spec', 'labels["x.y"]'],
    immutableAttrs: ['name'],
    // Per-leaf and idempotent, the way backend normalizers are: upper-case status is stored lower-case.
    normalize: (attrs) => (typeof attrs.status === 'string' ? { ...attrs, status: attrs.status.toLowerCase() } : attrs),
  },
  'dcim.interface': { target: 'netbox', type: 'dcim.interface', order: 2, ownedAttrs: ['name', 'spec.mtu', 'spec.mode'], immutableAttrs: ['spec.mode'] },
};
export const schemas = (type: string): ResourceTypeSchema | undefined => SCHEMAS[type];

const leaf: fc.Arbitrary<AttrValue> = fc.oneof(fc.constantFrom('active', 'ACTIVE', 'planned', 'a\nb', ''), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<AttrValue> = fc.letrec<{ v: AttrValue }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 2 }),
    fc.dictionary(fc.constantFrom('mtu', 'mode', 'x.y', 'k', 'role'), tie('v'), { maxKeys: 3 }),
  ),
})).v;
const attrs: fc.Arbitrary<Attrs> = fc.dictionary(fc.constantFrom('name', 'status', 'spec', 'labels', 'serial', 'x.y'), value, { maxKeys: 5 });

interface Draft {
  readonly type: (typeof TYPES)[number];
  readonly key: string;
  readonly attrs: Attrs;
  readonly deps: readonly number[];
}

const draft: fc.Arbitrary<Draft> = fc.record({
  type: fc.constantFrom(...TYPES),
  key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  attrs,
  deps: fc.array(fc.nat({ max: 40 }), { maxLength: 3 }),
});

/** A set of resources with unique addresses and acyclic dependencies. */
export const resourceSet: fc.Arbitrary<DesiredResource[]> = fc.array(draft, { maxLength: 16 }).map((drafts) => {
  const out: DesiredResource[] = [];
  const seen = new Set<string>();
  for (const d of drafts) {
    const target = d.type.startsWith('wiring') ? 'kubernetes' : 'netbox';
    const address = formatAddress(target, d.type, d.key);
    if (seen.has(address)) continue;
    seen.add(address);
    const earlier = out.length;
    const dependsOn = earlier === 0 ? [] : [...new Set(d.deps.map((i) => out[i % earlier].address))];
    out.push({ address, target, type: d.type, key: d.key, attrs: d.attrs, dependsOn });
  }
  return out;
});

export function asObserved(resources: readonly DesiredResource[]): ObservedResource[] {
  return resources.map((r) => ({ address: r.address, target: r.target, type: r.type, key: r.key, attrs: r.attrs, dependsOn: r.dependsOn, remoteId: `id:${r.address}` }));
}
