/**
 * Switches Hedgehog does not manage (no SwitchProfile), used for out-of-band management
 * networks. They appear in NetBox and, on unmanaged fabrics, as Server surrogates.
 */
import { portRange, profilePorts, RJ45_1G, SFP28_25G_WITH_1G } from './profiles/port-profiles.js';
import type { SwitchProfileDefinition } from './switch-type-from-profile.js';

export const MANAGEMENT_SWITCHES: readonly SwitchProfileDefinition[] = [
  {
    // 48 x 1G RJ45 access ports plus 4 x 25G SFP28 uplinks; its native speed is the
    // access speed (1G) because that is what the sizing of its server zones uses.
    name: 'celestica-es1000', manufacturer: 'Celestica', model: 'ES1000', uHeight: 1,
    managed: false, mclagCapable: false, eslagCapable: false, roles: [],
    nativeSpeed: 1,
    supportedBreakouts: ['1x1g', '1x10g', '1x25g'],
    ports: [
      ...profilePorts('direct', portRange(1, 48), RJ45_1G),
      ...profilePorts('direct', portRange(49, 52), SFP28_25G_WITH_1G),
    ],
  },
];
