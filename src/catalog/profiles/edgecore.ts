/** Edgecore switch profiles (Hedgehog defaults `edgecore-dcs203` … `edgecore-eps203`). */
import type { PortProfile } from './port-profiles.js';
import {
  portRange,
  profilePorts,
  QSFP28_100G_BASIC,
  QSFP28_100G_NO_BREAKOUT,
  RJ45_1G,
  SFP28_10G,
  SFP28_25G,
  SFP28_25G_WITH_1G,
} from './port-profiles.js';
import { S5232F_PORTS } from './dell.js';
import { LEAF_ONLY, SPINE_ONLY, SPINE_OR_LEAF } from './role-hints.js';
import type { SwitchProfileDefinition } from '../switch-type-from-profile.js';

const DCS240_QSFP56DD_400G: PortProfile = {
  profile: 'QSFP56DD-400G',
  defaultMode: '1x400G',
  supportedModes: [
    '1x10G', '1x25G', '1x40G', '1x50G', '1x100G', '1x400G', '2x40G', '2x100G', '2x200G',
    '2x50G', '4x10G', '4x100G', '8x10G', '8x25G', '8x50G',
  ],
};

const RJ45_2_5G: PortProfile = { profile: 'RJ45-2.5G', defaultMode: '2.5G', supportedModes: ['1G', '2.5G'] };
const RJ45_10G: PortProfile = { profile: 'RJ45-10G', defaultMode: '10G', supportedModes: ['1G', '10G'] };

export const EDGECORE_PROFILES: readonly SwitchProfileDefinition[] = [
  {
    // 25G ports are in 4 port groups of 12.
    name: 'edgecore-dcs203', manufacturer: 'Edgecore', model: 'DCS203', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: [
      ...profilePorts('group', portRange(1, 48), SFP28_25G),
      ...profilePorts('breakout', portRange(49, 55), QSFP28_100G_BASIC),
      ...profilePorts('direct', [56], QSFP28_100G_NO_BREAKOUT),
      ...profilePorts('direct', [57, 58], SFP28_10G),
    ],
  },
  {
    name: 'edgecore-dcs204', manufacturer: 'Edgecore', model: 'DCS204', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: S5232F_PORTS,
  },
  {
    // 8 pipelines of 4 ports (18 each) but no profile-wide limit.
    name: 'edgecore-dcs240', manufacturer: 'Edgecore', model: 'DCS240', uHeight: 1,
    mclagCapable: false, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: [
      ...profilePorts('breakout', portRange(1, 32), DCS240_QSFP56DD_400G),
      ...profilePorts('direct', [33, 34], SFP28_10G),
    ],
  },
  {
    name: 'edgecore-dcs501', manufacturer: 'Edgecore', model: 'DCS501', uHeight: 1,
    mclagCapable: false, eslagCapable: false, roles: SPINE_ONLY,
    ports: profilePorts('breakout', portRange(1, 32), QSFP28_100G_BASIC),
  },
  {
    name: 'edgecore-eps202', manufacturer: 'Edgecore', model: 'EPS202', uHeight: 1,
    mclagCapable: false, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: [
      ...profilePorts('direct', portRange(1, 48), RJ45_1G),
      ...profilePorts('direct', portRange(49, 52), SFP28_25G_WITH_1G),
      ...profilePorts('breakout', [53, 54], QSFP28_100G_BASIC),
    ],
  },
  {
    // The only default profile not hinted as spine-capable.
    name: 'edgecore-eps203', manufacturer: 'Edgecore', model: 'EPS203', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: LEAF_ONLY,
    ports: [
      ...profilePorts('direct', portRange(1, 36), RJ45_2_5G),
      ...profilePorts('direct', portRange(37, 48), RJ45_10G),
      ...profilePorts('direct', portRange(49, 52), SFP28_25G_WITH_1G),
      ...profilePorts('breakout', [53, 54], QSFP28_100G_BASIC),
    ],
  },
];
