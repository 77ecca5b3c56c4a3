/** Dell switch profiles (Hedgehog defaults `dell-s5232f-on`, `dell-s5248f-on`, `dell-z9332f-on`). */
import {
  portRange,
  profilePorts,
  QSFP28_100G_EXTENDED,
  QSFP28_100G_NO_BREAKOUT,
  SFP28_10G,
  SFP28_25G,
} from './port-profiles.js';
import { DS4000_QSFPDD_400G } from './celestica.js';
import { SPINE_ONLY, SPINE_OR_LEAF } from './role-hints.js';
import type { SwitchProfileDefinition } from '../switch-type-from-profile.js';

/** S5232F-ON layout; the Edgecore DCS204 has the same ports. */
export const S5232F_PORTS = [
  ...profilePorts('breakout', portRange(1, 31), QSFP28_100G_EXTENDED),
  ...profilePorts('direct', [32], QSFP28_100G_NO_BREAKOUT),
  ...profilePorts('direct', [33, 34], SFP28_10G),
];

/** S5248F-ON 25G ports: 12 port groups of 4. The virtual switch `vs` reuses them. */
export const S5248F_GROUP_PORTS = profilePorts('group', portRange(1, 48), SFP28_25G);

export const DELL_PROFILES: readonly SwitchProfileDefinition[] = [
  {
    name: 'dell-s5232f-on', manufacturer: 'Dell', model: 'S5232F-ON', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: S5232F_PORTS,
  },
  {
    name: 'dell-s5248f-on', manufacturer: 'Dell', model: 'S5248F-ON', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: [
      ...S5248F_GROUP_PORTS,
      ...profilePorts('breakout', portRange(49, 56), QSFP28_100G_EXTENDED),
    ],
  },
  {
    // Same layout as the DS4000 (8 pipelines of 4 ports, 18 each); E1/33-34 are labelled M1/M2
    // on the front panel but are ordinary 10G data ports.
    name: 'dell-z9332f-on', manufacturer: 'Dell', model: 'Z9332F-ON', uHeight: 1,
    mclagCapable: false, eslagCapable: false, roles: SPINE_ONLY, maxPorts: 144,
    ports: [
      ...profilePorts('breakout', portRange(1, 32), {
        ...DS4000_QSFPDD_400G,
        supportedModes: [...DS4000_QSFPDD_400G.supportedModes, '1x200G', '1x50G'],
      }),
      ...profilePorts('direct', [33, 34], SFP28_10G),
    ],
  },
];
