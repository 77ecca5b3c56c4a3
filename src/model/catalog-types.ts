/** Reference data: breakouts, switch/server device types and NIC types. */

export interface Breakout {
  /** e.g. `4x200g` (lower case). */
  readonly id: string;
  /** Native speed of the physical port, Gbps. */
  readonly fromSpeed: number;
  readonly logicalPorts: number;
  readonly logicalSpeed: number;
}

/** One interface template of a device type (NetBox interface type slug). */
export interface InterfaceTemplate {
  readonly name: string;
  readonly type: string;
}

/** One physical data port of a Hedgehog switch profile (`E1/<n>`). */
export interface ProfilePort {
  readonly port: number;
  /** `breakout` ports take portBreakouts; `direct`/`group` ports take speeds. */
  readonly kind: 'breakout' | 'direct' | 'group';
  /** Profile port type label, e.g. `OSFP-800G`. */
  readonly profile: string;
  /** Default mode: `1x800G` for breakout ports, `25G` for speed ports. */
  readonly defaultMode: string;
  /** Supported modes, same notation as defaultMode. */
  readonly supportedModes: readonly string[];
}

export interface SwitchDeviceType {
  readonly slug: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly uHeight: number;
  /** Hedgehog SwitchProfile name; required to export/apply a managed switch. */
  readonly hedgehogProfile?: string;
  /** Fallback native speed (Gbps) when a class has no zones of a type. */
  readonly nativeSpeed?: number;
  /** Allow-list of breakout ids the calculator may choose; empty = no policy. */
  readonly supportedBreakouts: readonly string[];
  readonly mclagCapable: boolean;
  readonly eslagCapable: boolean;
  readonly roles: readonly string[];
  /** Data ports as the switch profile defines them (empty for non-Hedgehog switches). */
  readonly ports: readonly ProfilePort[];
  /** NetBox interface templates (includes non-profile ports such as management). */
  readonly interfaces: readonly InterfaceTemplate[];
  /** Profile-wide logical port limit (breakout lanes count), if any. */
  readonly maxPorts?: number;
}

export interface ServerDeviceType {
  readonly slug: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly uHeight: number;
}

export interface NicType {
  readonly slug: string;
  readonly manufacturer: string;
  readonly model: string;
  /** Port template names in natural order (p0, p1, …); interfaces become `<nic>-<port>`. */
  readonly ports: readonly InterfaceTemplate[];
}

export interface Catalog {
  readonly breakouts: ReadonlyMap<string, Breakout>;
  readonly switchTypes: ReadonlyMap<string, SwitchDeviceType>;
  readonly serverTypes: ReadonlyMap<string, ServerDeviceType>;
  readonly nicTypes: ReadonlyMap<string, NicType>;
}
