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
 * or its kind set to `all`; an interface template when its device type is covered. Nothing
 * else is ever covered — no kind, no adoption.
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
  // Interface templates belong to their device type (key `<type slug>:<name>`, slugs have no colon).
  return (type, key) => (type === 'dcim.interface_template' ? covered('dcim.device_type', key.slice(0, key.indexOf(':'))) : covered(type, key));
}
