/**
 * Building blocks for the switch profile tables: a port profile (cage label, default and
 * supported modes) applied to a run of port numbers. Profiles that several switches share
 * verbatim are defined once here; one-off profiles live with their switch.
 */
import type { ProfilePort } from '../../model/catalog-types.js';

export interface PortProfile {
  readonly profile: string;
  readonly defaultMode: string;
  readonly supportedModes: readonly string[];
}

/** Port numbers `first`…`last`, inclusive. */
export function portRange(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** The given ports, all of one kind and one port profile. */
export function profilePorts(
  kind: ProfilePort['kind'],
  ports: readonly number[],
  profile: PortProfile,
): ProfilePort[] {
  return ports.map((port) => ({ port, kind, ...profile }));
}

/** 100G QSFP28 breakout cage with the basic mode set (DS2000, DCS203, DCS501, EPS20x). */
export const QSFP28_100G_BASIC: PortProfile = {
  profile: 'QSFP28-100G',
  defaultMode: '1x100G',
  supportedModes: ['1x100G', '1x40G', '4x25G', '4x10G'],
};

/** 100G QSFP28 breakout cage with 50G and single 25G/10G modes (S5232F, S5248F, DCS204). */
export const QSFP28_100G_EXTENDED: PortProfile = {
  profile: 'QSFP28-100G',
  defaultMode: '1x100G',
  supportedModes: ['1x100G', '1x40G', '1x50G', '2x50G', '1x25G', '1x10G', '4x25G', '4x10G'],
};

/** 100G QSFP28 cage that cannot break out ("nb"): a speed port. */
export const QSFP28_100G_NO_BREAKOUT: PortProfile = {
  profile: 'QSFP28-100G-nb',
  defaultMode: '100G',
  supportedModes: ['40G', '100G'],
};

/** 25G SFP28 speed port limited to 10G/25G (also the port-group profile). */
export const SFP28_25G: PortProfile = {
  profile: 'SFP28-25G',
  defaultMode: '25G',
  supportedModes: ['10G', '25G'],
};

/** 25G SFP28 speed port that also runs at 1G. */
export const SFP28_25G_WITH_1G: PortProfile = {
  profile: 'SFP28-25G',
  defaultMode: '25G',
  supportedModes: ['1G', '10G', '25G'],
};

/** 10G SFP28 speed port (the extra front-panel ports of most switches). */
export const SFP28_10G: PortProfile = {
  profile: 'SFP28-10G',
  defaultMode: '10G',
  supportedModes: ['1G', '10G'],
};

/** 1G RJ45 speed port. */
export const RJ45_1G: PortProfile = {
  profile: 'RJ45-1G',
  defaultMode: '1G',
  supportedModes: ['1G'],
};
