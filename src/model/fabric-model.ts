/**
 * The normalized, validated model the planner works on: defaults applied, references
 * resolved, ports parsed. Produced only by validate/; everything here is plain data.
 */
import type { SourceRange } from '../diag/diagnostic.js';
import type { Catalog } from './catalog-types.js';
import type {
  AllocationStrategy,
  ConnectionType,
  Distribution,
  FabricClass,
  PortType,
  RedundancyType,
  ServerCategory,
  SwitchRole,
  TopologyMode,
  ZoneType,
} from './enums.js';
import type { PlannerOptions } from './planner-options.js';

/** `<switchClassId>/<zoneName>` reference. */
export interface ZoneRef {
  readonly switchClass: string;
  readonly zone: string;
}

export interface PortZone {
  readonly name: string;
  readonly type: ZoneType;
  /** The port spec as written, e.g. `1-63:2`. */
  readonly portSpec: string;
  /** Parsed physical ports, sorted and unique. */
  readonly ports: readonly number[];
  /** Breakout id, e.g. `4x200g`; undefined = one lane per port. */
  readonly breakout?: string;
  readonly strategy: AllocationStrategy;
  /** Physical port order for the `custom` strategy. */
  readonly order?: readonly number[];
  /** Lower allocates earlier; zones sort by (priority, name). */
  readonly priority: number;
  readonly peer?: ZoneRef;
  readonly transceiver?: string;
  readonly origin?: SourceRange;
}

export interface Redundancy {
  readonly type: RedundancyType;
  readonly group: string;
}

export interface SwitchClass {
  readonly id: string;
  readonly fabric: string;
  readonly fabricClass: FabricClass;
  readonly topology: TopologyMode;
  readonly role: SwitchRole;
  readonly deviceType: string;
  /** Deprecated reference override; 0 = standalone leaf (no spine demand, no fabric wiring). */
  readonly uplinkPortsPerSwitch?: number;
  /** Fixed switch count; replaces the calculated one. */
  readonly overrideQuantity?: number;
  readonly redundancy?: Redundancy;
  /** SwitchGroup names (redundancy group included). */
  readonly groups: readonly string[];
  /** Deprecated reference flag: round an odd count up to even. */
  readonly mclagPair: boolean;
  readonly zones: readonly PortZone[];
  readonly origin?: SourceRange;
}

export interface Nic {
  readonly id: string;
  readonly type: string;
  readonly description?: string;
  readonly origin?: SourceRange;
}

export interface ServerConnection {
  readonly id: string;
  readonly name?: string;
  readonly nic: string;
  /** Zero-based first NIC port used. */
  readonly portIndex: number;
  readonly ports: number;
  readonly speed: number;
  readonly distribution: Distribution;
  readonly type: ConnectionType;
  readonly target: ZoneRef;
  readonly rail?: number;
  readonly portType: PortType;
  readonly transceiver?: string;
  readonly origin?: SourceRange;
}

export interface ServerClass {
  readonly id: string;
  readonly description?: string;
  readonly category: ServerCategory;
  readonly quantity: number;
  readonly gpusPerServer: number;
  readonly deviceType: string;
  readonly nics: readonly Nic[];
  readonly connections: readonly ServerConnection[];
  readonly origin?: SourceRange;
}

export interface FabricDefinition {
  readonly name: string;
  readonly class: FabricClass;
  readonly topology: TopologyMode;
  readonly description?: string;
  readonly origin?: SourceRange;
}

/** Python str.format-style patterns with {site} {class} {category} {fabric} {role} {rack} {index}. */
export interface NamingTemplates {
  readonly server?: string;
  readonly leaf?: string;
  readonly spine?: string;
  readonly oob?: string;
  readonly border?: string;
}

export interface Site {
  readonly name: string;
  readonly slug: string;
}

/** The kinds of existing NetBox objects a spec may adopt, as written under `spec.adopt.netbox`. */
export const ADOPT_KINDS = ['sites', 'manufacturers', 'deviceRoles', 'deviceTypes', 'devices'] as const;
export type AdoptKind = (typeof ADOPT_KINDS)[number];

/** Names (slugs or device names) to adopt, or `all` objects of the kind the spec wants. */
export type AdoptSelection = 'all' | readonly string[];

/**
 * Which existing, untagged NetBox objects diet may take over instead of refusing them as
 * collisions. Only what is listed here: nothing is ever adopted by default.
 */
export interface NetboxAdoption {
  readonly kinds: Readonly<Partial<Record<AdoptKind, AdoptSelection>>>;
  /** Where each kind was written, for diagnostics. */
  readonly origins: Readonly<Partial<Record<AdoptKind, SourceRange>>>;
}

export interface FabricModel {
  /** The cluster (plan) name; scopes ownership in the targets. */
  readonly name: string;
  readonly description?: string;
  readonly site: Site;
  readonly naming: NamingTemplates;
  readonly options: PlannerOptions;
  readonly fabrics: readonly FabricDefinition[];
  /** In spec order; the planner sorts as the reference does. */
  readonly switchClasses: readonly SwitchClass[];
  readonly serverClasses: readonly ServerClass[];
  readonly catalog: Catalog;
  /** Absent when the spec adopts nothing. */
  readonly adopt?: NetboxAdoption;
  readonly origin?: SourceRange;
}
