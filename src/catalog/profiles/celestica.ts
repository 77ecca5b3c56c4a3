/** Celestica switch profiles (Hedgehog defaults `celestica-ds2000` … `celestica-ds5000`). */
import type { PortProfile } from './port-profiles.js';
import {
  portRange,
  profilePorts,
  QSFP28_100G_BASIC,
  QSFP28_100G_NO_BREAKOUT,
  SFP28_10G,
  SFP28_25G,
  SFP28_25G_WITH_1G,
} from './port-profiles.js';
import { SPINE_ONLY, SPINE_OR_LEAF } from './role-hints.js';
import type { SwitchProfileDefinition } from '../switch-type-from-profile.js';

/** DS3000 100G cage; shared with the Supermicro SSE-C4632SB, which copies DS3000. */
export const DS3000_QSFP28_100G: PortProfile = {
  profile: 'QSFP28-100G',
  defaultMode: '1x100G',
  supportedModes: ['1x100G', '1x40G', '1x50G', '2x50G', '4x25G', '4x10G'],
};

export const DS3000_PORTS = [
  ...profilePorts('breakout', portRange(1, 32), DS3000_QSFP28_100G),
  ...profilePorts('direct', [33], SFP28_10G),
];

/** DS4000 400G cage; the Dell Z9332F-ON uses the same list plus 1x200G and 1x50G. */
export const DS4000_QSFPDD_400G: PortProfile = {
  profile: 'QSFPDD-400G',
  defaultMode: '1x400G',
  supportedModes: [
    '1x400G', '1x100G', '1x40G', '1x25G', '1x10G', '2x200G', '2x100G', '2x40G',
    '4x100G', '4x25G', '4x10G', '8x50G', '8x25G', '8x10G',
  ],
};

const DS4101_OSFP_2X400G: PortProfile = {
  profile: 'OSFP-2x400G',
  defaultMode: '2x400G',
  supportedModes: [
    '1x100G', '1x200G', '1x400G', '2x40G', '2x100G', '2x200G', '2x400G',
    '4x50G', '4x100G', '4x200G', '8x10G', '8x25G', '8x50G', '8x100G',
  ],
};

const DS5000_OSFP_800G: PortProfile = {
  profile: 'OSFP-800G',
  defaultMode: '1x800G',
  supportedModes: [
    '1x50G', '1x100G', '1x400G', '1x800G', '2x50G', '2x100G', '2x200G', '2x400G',
    '4x100G', '4x200G', '8x100G',
  ],
};

export const CELESTICA_PROFILES: readonly SwitchProfileDefinition[] = [
  {
    name: 'celestica-ds2000', manufacturer: 'Celestica', model: 'DS2000', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: [
      ...profilePorts('direct', portRange(1, 48), SFP28_25G),
      ...profilePorts('breakout', [49, 56], QSFP28_100G_BASIC),
      ...profilePorts('direct', portRange(50, 55), QSFP28_100G_NO_BREAKOUT),
    ],
  },
  {
    name: 'celestica-ds3000', manufacturer: 'Celestica', model: 'DS3000', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: DS3000_PORTS,
  },
  {
    name: 'celestica-ds4000', manufacturer: 'Celestica', model: 'DS4000', uHeight: 1,
    mclagCapable: false, eslagCapable: false, roles: SPINE_ONLY, maxPorts: 144,
    ports: [
      ...profilePorts('breakout', portRange(1, 32), DS4000_QSFPDD_400G),
      ...profilePorts('direct', [33], SFP28_10G),
    ],
  },
  {
    name: 'celestica-ds4101', manufacturer: 'Celestica', model: 'DS4101', uHeight: 1,
    mclagCapable: false, eslagCapable: false, roles: SPINE_ONLY, maxPorts: 272,
    ports: [
      ...profilePorts('breakout', portRange(1, 32), DS4101_OSFP_2X400G),
      ...profilePorts('direct', [33, 34], SFP28_10G),
    ],
  },
  {
    // 64 OSFP cages need two rack units.
    name: 'celestica-ds5000', manufacturer: 'Celestica', model: 'DS5000', uHeight: 2,
    mclagCapable: false, eslagCapable: false, roles: SPINE_OR_LEAF, maxPorts: 320,
    ports: [
      ...profilePorts('breakout', portRange(1, 64), DS5000_OSFP_800G),
      ...profilePorts('direct', [65, 66], SFP28_25G_WITH_1G),
    ],
  },
];
