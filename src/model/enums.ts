/** Enumerations of the planning domain (the reference planner's vocabulary). */
export const FABRIC_CLASSES = ['managed', 'unmanaged'] as const;
export type FabricClass = (typeof FABRIC_CLASSES)[number];

export const TOPOLOGY_MODES = ['spine-leaf', 'mesh'] as const;
export type TopologyMode = (typeof TOPOLOGY_MODES)[number];

/** Hedgehog switch roles; `virtual` and '' (blank) are planner-only roles. */
export const SWITCH_ROLES = ['spine', 'server-leaf', 'border-leaf', 'virtual', ''] as const;
export type SwitchRole = (typeof SWITCH_ROLES)[number];

export const ZONE_TYPES = ['server', 'uplink', 'mclag', 'peer', 'session', 'oob', 'fabric', 'mesh'] as const;
export type ZoneType = (typeof ZONE_TYPES)[number];

export const ALLOCATION_STRATEGIES = ['sequential', 'interleaved', 'spaced', 'custom'] as const;
export type AllocationStrategy = (typeof ALLOCATION_STRATEGIES)[number];

export const DISTRIBUTIONS = ['same-switch', 'alternating', 'rail-optimized', ''] as const;
export type Distribution = (typeof DISTRIBUTIONS)[number];

export const CONNECTION_TYPES = ['unbundled', 'bundled', 'mclag', 'eslag'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const PORT_TYPES = ['data', 'ipmi', 'pxe', ''] as const;
export type PortType = (typeof PORT_TYPES)[number];

export const REDUNDANCY_TYPES = ['mclag', 'eslag'] as const;
export type RedundancyType = (typeof REDUNDANCY_TYPES)[number];

export const SERVER_CATEGORIES = ['gpu', 'storage', 'infrastructure', 'compute', ''] as const;
export type ServerCategory = (typeof SERVER_CATEGORIES)[number];

/** NetBox device-role slugs / naming-template categories. */
export const DEVICE_CATEGORIES = ['server', 'leaf', 'spine', 'oob', 'border'] as const;
export type DeviceCategory = (typeof DEVICE_CATEGORIES)[number];
