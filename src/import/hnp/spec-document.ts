/**
 * The written form of diet's spec documents (docs/spec-reference.md) as the importer
 * produces them: plain JSON-safe objects whose key order is the reference order, so
 * that rendering them needs no reordering. Optional keys are omitted, never undefined,
 * because the documents must survive a YAML round trip unchanged.
 */

export const SPEC_API_VERSION = 'diet.githedgehog.com/v1alpha1';

interface Envelope<K extends string, S> {
  apiVersion: typeof SPEC_API_VERSION;
  kind: K;
  metadata: { name: string };
  spec: S;
}

export interface ZoneDoc {
  name: string;
  type: string;
  ports: string;
  breakout?: string;
  strategy?: string;
  order?: number[];
  priority?: number;
  peer?: string;
  transceiver?: string;
}

export interface SwitchClassDoc {
  id: string;
  role?: string;
  deviceType: string;
  quantity?: number;
  uplinksPerSwitch?: number;
  redundancy?: { type: string; group: string };
  groups?: string[];
  mclagPair?: boolean;
  zones?: ZoneDoc[];
}

export interface NicDoc {
  id: string;
  type: string;
  description?: string;
}

export interface ConnectionDoc {
  id: string;
  name?: string;
  nic: string;
  portIndex?: number;
  ports: number;
  speed: number;
  distribution?: string;
  rail?: number;
  type?: string;
  target: string;
  portType?: string;
  transceiver?: string;
}

export interface ServerClassDoc {
  id: string;
  description?: string;
  category?: string;
  quantity: number;
  gpusPerServer?: number;
  deviceType: string;
  nics?: NicDoc[];
  connections?: ConnectionDoc[];
}

export interface InterfaceDoc {
  name: string;
  type: string;
}

export interface BreakoutDoc {
  id: string;
  fromSpeed: number;
  logicalPorts: number;
  logicalSpeed: number;
}

export interface SwitchTypeDoc {
  slug: string;
  manufacturer: string;
  model: string;
  uHeight?: number;
  hedgehogProfile?: string;
  nativeSpeed?: number;
  supportedBreakouts?: string[];
  mclagCapable?: boolean;
  eslagCapable?: boolean;
  roles?: string[];
  interfaces?: InterfaceDoc[];
}

export interface ServerTypeDoc {
  slug: string;
  manufacturer: string;
  model: string;
  uHeight?: number;
}

export interface NicTypeDoc {
  slug: string;
  manufacturer: string;
  model: string;
  ports: InterfaceDoc[];
}

export interface ClusterSpecDoc {
  description?: string;
  serverClasses: ServerClassDoc[];
}

export interface FabricSpecDoc {
  class: string;
  topology: string;
  description?: string;
  switchClasses: SwitchClassDoc[];
}

export interface CatalogSpecDoc {
  breakouts?: BreakoutDoc[];
  switchTypes?: SwitchTypeDoc[];
  serverTypes?: ServerTypeDoc[];
  nicTypes?: NicTypeDoc[];
}

export type ClusterDocument = Envelope<'Cluster', ClusterSpecDoc>;
export type FabricDocument = Envelope<'Fabric', FabricSpecDoc>;
export type CatalogDocument = Envelope<'Catalog', CatalogSpecDoc>;
export type SpecDocument = ClusterDocument | FabricDocument | CatalogDocument;

/** Builds an envelope; the kind decides which spec shape is accepted. */
export function specDocument<K extends SpecDocument['kind']>(
  kind: K,
  name: string,
  spec: Extract<SpecDocument, { kind: K }>['spec'],
): Extract<SpecDocument, { kind: K }> {
  return { apiVersion: SPEC_API_VERSION, kind, metadata: { name }, spec } as Extract<SpecDocument, { kind: K }>;
}
