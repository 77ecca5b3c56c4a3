/**
 * The spec documents as written (after the JSON Schemas accepted them): optional keys
 * still optional, references still strings. These are the shapes of schemas/*.json;
 * build-model turns them into the normalized FabricModel.
 */

export interface MetadataDocument {
  readonly name: string;
}

export interface ConnectionDocument {
  readonly id: string;
  readonly name?: string;
  readonly nic: string;
  readonly portIndex?: number;
  readonly ports: number;
  readonly speed: number;
  readonly distribution?: 'same-switch' | 'alternating' | 'rail-optimized';
  readonly rail?: number;
  readonly type?: 'unbundled' | 'bundled' | 'mclag' | 'eslag';
  readonly target: string;
  readonly portType?: 'data' | 'ipmi' | 'pxe';
  readonly transceiver?: string;
}

export interface NicDocument {
  readonly id: string;
  readonly type: string;
  readonly description?: string;
}

export interface ServerClassDocument {
  readonly id: string;
  readonly description?: string;
  readonly category?: 'gpu' | 'storage' | 'infrastructure' | 'compute';
  readonly quantity: number;
  readonly gpusPerServer?: number;
  readonly deviceType: string;
  readonly nics?: readonly NicDocument[];
  readonly connections?: readonly ConnectionDocument[];
}

export interface ClusterSpecDocument {
  readonly description?: string;
  readonly site?: { readonly name: string; readonly slug: string };
  readonly naming?: Readonly<Partial<Record<'server' | 'leaf' | 'spine' | 'oob' | 'border', string>>>;
  readonly planner?: Readonly<Record<string, string>>;
  readonly serverClasses?: readonly ServerClassDocument[];
  readonly adopt?: { readonly netbox?: Readonly<Partial<Record<'sites' | 'manufacturers' | 'deviceRoles' | 'deviceTypes' | 'devices', readonly string[] | 'all'>>> };
}

export interface ZoneDocument {
  readonly name: string;
  readonly type: 'server' | 'uplink' | 'fabric' | 'mesh' | 'oob' | 'peer' | 'session' | 'mclag';
  /** A port spec; a bare YAML number (`ports: 64`) arrives as a number. */
  readonly ports: string | number;
  readonly breakout?: string;
  readonly strategy?: 'sequential' | 'interleaved' | 'spaced' | 'custom';
  readonly order?: readonly number[];
  readonly priority?: number;
  readonly peer?: string;
  readonly transceiver?: string;
}

export interface SwitchClassDocument {
  readonly id: string;
  readonly role?: 'spine' | 'server-leaf' | 'border-leaf' | 'virtual';
  readonly deviceType: string;
  readonly quantity?: number;
  readonly uplinksPerSwitch?: number;
  readonly redundancy?: { readonly type: 'mclag' | 'eslag'; readonly group: string };
  readonly groups?: readonly string[];
  readonly mclagPair?: boolean;
  readonly zones?: readonly ZoneDocument[];
}

export interface FabricSpecDocument {
  readonly class?: 'managed' | 'unmanaged';
  readonly topology?: 'spine-leaf' | 'mesh';
  readonly description?: string;
  readonly switchClasses: readonly SwitchClassDocument[];
}

export interface InterfaceDocument {
  readonly name: string;
  readonly type: string;
}

export interface SwitchTypeDocument {
  readonly slug: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly uHeight?: number;
  readonly hedgehogProfile?: string;
  readonly nativeSpeed?: number;
  readonly supportedBreakouts?: readonly string[];
  readonly mclagCapable?: boolean;
  readonly eslagCapable?: boolean;
  readonly roles?: readonly string[];
  readonly interfaces?: readonly InterfaceDocument[];
}

export interface CatalogSpecDocument {
  readonly breakouts?: readonly { id: string; fromSpeed: number; logicalPorts: number; logicalSpeed: number }[];
  readonly switchTypes?: readonly SwitchTypeDocument[];
  readonly serverTypes?: readonly { slug: string; manufacturer: string; model: string; uHeight?: number }[];
  readonly nicTypes?: readonly { slug: string; manufacturer: string; model: string; ports: readonly InterfaceDocument[] }[];
}

interface KindDocument<K extends string, S> {
  readonly apiVersion: string;
  readonly kind: K;
  readonly metadata: MetadataDocument;
  readonly spec: S;
}

export type ClusterDocument = KindDocument<'Cluster', ClusterSpecDocument>;
export type FabricDocument = KindDocument<'Fabric', FabricSpecDocument>;
export type CatalogDocument = KindDocument<'Catalog', CatalogSpecDocument>;
export type AnySpecDocument = ClusterDocument | FabricDocument | CatalogDocument;
