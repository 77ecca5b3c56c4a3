/**
 * The NetBox object types diet writes, in creation order (deletes run in reverse:
 * cables before interfaces before devices …).
 */
export const NETBOX_TYPES = [
  'extras.tag',
  'dcim.site',
  'dcim.manufacturer',
  'dcim.device_role',
  'dcim.device_type',
  'dcim.interface_template',
  'dcim.device',
  'dcim.interface',
  'dcim.cable',
] as const;

export type NetboxType = (typeof NETBOX_TYPES)[number];

export function netboxTypeRank(type: string): number {
  const i = (NETBOX_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? NETBOX_TYPES.length : i;
}

/** The tag that marks every object diet created for a cluster. */
export function ownershipTagSlug(cluster: string): string {
  return `diet-${cluster}`.slice(0, 100);
}

/** Tag slugs starting `diet-` are reserved for the ownership tags of diet's clusters. */
export function isOwnershipTag(slug: string): boolean {
  return slug.startsWith('diet-');
}

/** Role colours (NetBox wants 6 hex digits). */
export const ROLE_COLORS: Readonly<Record<string, string>> = {
  server: '9e9e9e',
  leaf: '2196f3',
  spine: '3f51b5',
  border: '009688',
  oob: '795548',
};
