import type { NetboxType } from './netbox-types.js';

/**
 * Where each NetBox type diet writes lives in the REST API, which fields diet reads
 * (`?fields=`, so NetBox serializes only what the mapping needs), whether the type carries
 * tags (and so diet's ownership tag), and the unique field diet's key is looked up by.
 */
export interface NetboxEndpoint {
  readonly type: NetboxType;
  readonly path: string;
  readonly fields: readonly string[];
  readonly taggable: boolean;
  /** Filter that finds an object by diet's key, for collision lookups (`?slug=a&slug=b`). */
  readonly lookup?: 'slug' | 'name';
}

const COMMON = ['id', 'last_updated'];

export const NETBOX_ENDPOINTS: Readonly<Record<NetboxType, NetboxEndpoint>> = {
  'extras.tag': { type: 'extras.tag', path: '/api/extras/tags/', fields: [...COMMON, 'name', 'slug', 'color', 'description'], taggable: false, lookup: 'slug' },
  'dcim.site': { type: 'dcim.site', path: '/api/dcim/sites/', fields: [...COMMON, 'name', 'slug', 'status', 'tags'], taggable: true, lookup: 'slug' },
  'dcim.manufacturer': { type: 'dcim.manufacturer', path: '/api/dcim/manufacturers/', fields: [...COMMON, 'name', 'slug', 'tags'], taggable: true, lookup: 'slug' },
  'dcim.device_role': { type: 'dcim.device_role', path: '/api/dcim/device-roles/', fields: [...COMMON, 'name', 'slug', 'color', 'tags'], taggable: true, lookup: 'slug' },
  'dcim.device_type': { type: 'dcim.device_type', path: '/api/dcim/device-types/', fields: [...COMMON, 'manufacturer', 'model', 'slug', 'u_height', 'tags'], taggable: true, lookup: 'slug' },
  'dcim.interface_template': { type: 'dcim.interface_template', path: '/api/dcim/interface-templates/', fields: [...COMMON, 'device_type', 'name', 'type'], taggable: false },
  'dcim.device': { type: 'dcim.device', path: '/api/dcim/devices/', fields: [...COMMON, 'name', 'device_type', 'role', 'site', 'status', 'description', 'tags'], taggable: true, lookup: 'name' },
  'dcim.interface': { type: 'dcim.interface', path: '/api/dcim/interfaces/', fields: [...COMMON, 'device', 'name', 'type', 'description', 'tags'], taggable: true },
  'dcim.cable': { type: 'dcim.cable', path: '/api/dcim/cables/', fields: [...COMMON, 'a_terminations', 'b_terminations', 'status', 'label', 'tags'], taggable: true },
};

export function endpointOf(type: string): NetboxEndpoint {
  const endpoint = (NETBOX_ENDPOINTS as Record<string, NetboxEndpoint | undefined>)[type];
  if (!endpoint) throw new Error(`diet bug: no NetBox endpoint for type ${type}`);
  return endpoint;
}
