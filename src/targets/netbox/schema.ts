import type { ResourceTypeSchema } from '../../resource/resource-type-schema.js';
import { NETBOX_TYPES, netboxTypeRank } from './netbox-types.js';

/** Attributes diet owns per NetBox type; anything else on the object is left alone. */
const OWNED: Readonly<Record<string, readonly string[]>> = {
  'extras.tag': ['name', 'slug', 'color', 'description'],
  'dcim.site': ['name', 'slug', 'status', 'tags'],
  'dcim.manufacturer': ['name', 'slug', 'tags'],
  'dcim.device_role': ['name', 'slug', 'color', 'tags'],
  'dcim.device_type': ['manufacturer', 'model', 'slug', 'u_height', 'tags'],
  'dcim.interface_template': ['device_type', 'name', 'type'],
  'dcim.device': ['name', 'device_type', 'role', 'site', 'status', 'description', 'tags'],
  'dcim.interface': ['device', 'name', 'type', 'description', 'tags'],
  'dcim.cable': ['a_terminations', 'b_terminations', 'status', 'label', 'tags'],
};

/** Changing these means delete + create (NetBox cannot move them in place). */
const IMMUTABLE: Readonly<Record<string, readonly string[]>> = {
  'dcim.interface_template': ['device_type'],
  'dcim.interface': ['device'],
  'dcim.cable': ['a_terminations', 'b_terminations'],
};

export const NETBOX_SCHEMAS: ReadonlyMap<string, ResourceTypeSchema> = new Map(
  NETBOX_TYPES.map((type) => [type, { target: 'netbox', type, order: netboxTypeRank(type), ownedAttrs: OWNED[type], immutableAttrs: IMMUTABLE[type] ?? [] }]),
);
