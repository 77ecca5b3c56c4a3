import type { SourceRange } from '../../src/diag/diagnostic.js';
import type { Attrs, DesiredResource, ObservedResource } from '../../src/resource/resource.js';
import { formatAddress, type TargetName } from '../../src/resource/address.js';

/** Test helpers that build resources from the few fields a test cares about. */
export function desired(type: string, key: string, attrs: Attrs = {}, dependsOn: string[] = [], origin?: SourceRange, target: TargetName = 'netbox'): DesiredResource {
  return { address: formatAddress(target, type, key), target, type, key, attrs, dependsOn, ...(origin ? { origin } : {}) };
}

export function observed(type: string, key: string, attrs: Attrs = {}, dependsOn: string[] = [], target: TargetName = 'netbox'): ObservedResource {
  return { address: formatAddress(target, type, key), target, type, key, attrs, dependsOn, remoteId: `id-${key}`, fingerprint: `fp-${key}` };
}

export function addr(type: string, key: string, target: TargetName = 'netbox'): string {
  return formatAddress(target, type, key);
}

/**
 * A fabric-shaped set of `n` resources: sites, devices, interfaces and cables, each layer
 * depending on the one before it, like the NetBox expansion of a large fabric.
 */
export function layeredResources(n: number): DesiredResource[] {
  const out: DesiredResource[] = [];
  const sites = 4;
  const devices = Math.max(1, Math.floor(n / 40));
  for (let s = 0; s < sites; s++) out.push(desired('dcim.site', `site-${s}`, { name: `site-${s}` }));
  for (let d = 0; d < devices; d++) out.push(desired('dcim.device', `dev-${d}`, { name: `dev-${d}`, status: 'active' }, [addr('dcim.site', `site-${d % sites}`)]));
  let i = 0;
  while (out.length < n) {
    const dev = i % devices;
    const ifName = `dev-${dev}/e${i}`;
    out.push(desired('dcim.interface', ifName, { name: `e${i}`, enabled: true }, [addr('dcim.device', `dev-${dev}`)]));
    if (i > 0 && out.length < n) {
      out.push(desired('dcim.cable', `c${i}`, { a: ifName }, [addr('dcim.interface', ifName), addr('dcim.interface', `dev-${(i - 1) % devices}/e${i - 1}`)]));
    }
    i++;
  }
  return out;
}

export const typeRank: Record<string, number> = { 'dcim.site': 0, 'dcim.device': 1, 'dcim.interface': 2, 'dcim.cable': 3 };
