import { isAttrObject } from '../../plan/attr-object.js';
import { compareCodeUnits } from '../../plan/compare-code-units.js';
import type { AttrValue, Attrs } from '../../resource/resource.js';
import { NAMESPACE } from './kube-object.js';

type Obj = { readonly [key: string]: AttrValue };

const LINK_FLAP_DEFAULTS: Obj = { flapThreshold: 3, samplingInterval: 30, recoveryInterval: 300 };

/**
 * The defaults Hedgehog's mutating webhooks (and the CRD schema) put on an object, applied
 * to diet's attrs (HEDGEHOG.md §2.1, §3, §12.1). The pure diff runs it on both the desired
 * and the live side, so a value the server fills in never shows up as a perpetual change:
 *
 * - metadata.namespace defaults to `default`;
 * - Switch: `vlanNamespaces` defaults to `[default]` and is sorted; `groups` gets
 *   `redundancy.group` added and is sorted; a `SPEED_` prefix is stripped from port and
 *   port-group speeds; a present `linkFlapErrDisable` gets its three defaults;
 * - VLANNamespace: a range without `to` (or `to: 0`) ends at `from`; ranges are sorted;
 * - IPv4Namespace: subnets are sorted.
 *
 * Pure and idempotent; returns the input object when nothing changes.
 */
export function applyWebhookDefaults(attrs: Attrs): Attrs {
  const metadata = isAttrObject(attrs.metadata) ? attrs.metadata : undefined;
  const withNamespace: Attrs = metadata && metadata.namespace === undefined ? { ...attrs, metadata: { ...metadata, namespace: NAMESPACE } } : attrs;
  const spec = isAttrObject(withNamespace.spec) ? withNamespace.spec : undefined;
  if (!spec) return withNamespace;
  const defaulted = KIND_DEFAULTS[String(withNamespace.kind)]?.(spec) ?? spec;
  return defaulted === spec ? withNamespace : { ...withNamespace, spec: defaulted };
}

const KIND_DEFAULTS: Readonly<Record<string, (spec: Obj) => Obj>> = {
  Switch: switchDefaults,
  VLANNamespace: (spec) => (Array.isArray(spec.ranges) ? { ...spec, ranges: [...spec.ranges].map(rangeDefaults).sort(compareRanges) } : spec),
  IPv4Namespace: (spec) => (Array.isArray(spec.subnets) ? { ...spec, subnets: sortedStrings(spec.subnets) } : spec),
};

function switchDefaults(spec: Obj): Obj {
  const out: { [key: string]: AttrValue } = { ...spec };
  const vlanNamespaces = Array.isArray(spec.vlanNamespaces) ? spec.vlanNamespaces : [];
  out.vlanNamespaces = vlanNamespaces.length > 0 ? sortedStrings(vlanNamespaces) : [NAMESPACE];
  const redundancyGroup = isAttrObject(spec.redundancy) ? spec.redundancy.group : undefined;
  const groups = Array.isArray(spec.groups) ? [...spec.groups] : undefined;
  if (typeof redundancyGroup === 'string' && redundancyGroup !== '' && !(groups ?? []).includes(redundancyGroup)) out.groups = sortedStrings([...(groups ?? []), redundancyGroup]);
  else if (groups) out.groups = sortedStrings(groups);
  for (const key of ['portSpeeds', 'portGroupSpeeds']) {
    const speeds = spec[key];
    if (isAttrObject(speeds)) out[key] = Object.fromEntries(Object.entries(speeds).map(([port, speed]) => [port, typeof speed === 'string' ? speed.replace(/^SPEED_/, '') : speed]));
  }
  if (isAttrObject(spec.linkFlapErrDisable)) out.linkFlapErrDisable = { ...LINK_FLAP_DEFAULTS, ...spec.linkFlapErrDisable };
  return out;
}

function rangeDefaults(range: AttrValue): AttrValue {
  if (!isAttrObject(range) || (range.to !== undefined && range.to !== 0)) return range;
  return { ...range, to: range.from ?? 0 };
}

function compareRanges(a: AttrValue, b: AttrValue): number {
  const [af, at] = isAttrObject(a) ? [Number(a.from), Number(a.to)] : [0, 0];
  const [bf, bt] = isAttrObject(b) ? [Number(b.from), Number(b.to)] : [0, 0];
  return af - bf || at - bt;
}

function sortedStrings(values: readonly AttrValue[]): AttrValue[] {
  return [...values].sort((a, b) => compareCodeUnits(String(a), String(b)));
}
