import type { AdoptKind, NetboxAdoption } from '../../model/fabric-model.js';
import type { NetboxType } from './netbox-types.js';

/** The NetBox type each `spec.adopt.netbox` kind names; keys are slugs, device names for devices. */
export const ADOPT_KIND_TYPES: Readonly<Record<AdoptKind, NetboxType>> = {
  sites: 'dcim.site',
  manufacturers: 'dcim.manufacturer',
  deviceRoles: 'dcim.device_role',
  deviceTypes: 'dcim.device_type',
  devices: 'dcim.device',
};

/**
 * Catalog types that clusters in one NetBox share: an object of these that another diet
 * cluster owns is joined (tagged for this cluster too) when it matches this spec.
 */
export const SHARED_CATALOG_TYPES: ReadonlySet<string> = new Set<NetboxType>(['dcim.site', 'dcim.manufacturer', 'dcim.device_role', 'dcim.device_type']);

/**
 * Whether the spec's adopt setting covers an object of this type and key: listed by name,
 * or its kind set to `all`; an interface template when its device type is covered, an
 * interface or cable when its device (a device at either end) is. Nothing else is ever
 * covered — no kind, no adoption.
 */
export function adoptionCovers(adoption: NetboxAdoption): (type: string, key: string) => boolean {
  const byType = new Map<string, 'all' | ReadonlySet<string>>();
  for (const [kind, selection] of Object.entries(adoption.kinds) as [AdoptKind, NetboxAdoption['kinds'][AdoptKind]][]) {
    if (selection !== undefined) byType.set(ADOPT_KIND_TYPES[kind], selection === 'all' ? 'all' : new Set(selection));
  }
  const covered = (type: string, key: string) => {
    const selection = byType.get(type);
    return selection === 'all' || (selection !== undefined && selection.has(key));
  };
  const before = (text: string, separator: string) => text.slice(0, text.indexOf(separator));
  return (type, key) => {
    // Parts come with what they belong to: interface templates (`<type slug>:<name>`) with their
    // device type, interfaces (`<device>:<name>`) with their device, a cable
    // (`<device>:<port>[+…]--<device>:<port>[+…]`) with a device on either end.
    if (type === 'dcim.interface_template') return covered('dcim.device_type', before(key, ':'));
    if (type === 'dcim.interface') return covered('dcim.device', before(key, ':'));
    if (type === 'dcim.cable') return key.split('--').flatMap((end) => end.split('+')).some((end) => covered('dcim.device', before(end, ':')));
    return covered(type, key);
  };
}
