/**
 * The virtual switch profile `vs` (the one `hhfab vlab gen` builds labs from): the Dell
 * S5248F-ON's 25G port groups without its breakout ports.
 */
import { S5248F_GROUP_PORTS } from './dell.js';
import { SPINE_OR_LEAF } from './role-hints.js';
import type { SwitchProfileDefinition } from '../switch-type-from-profile.js';

export const VIRTUAL_PROFILES: readonly SwitchProfileDefinition[] = [
  {
    // Display name "Virtual Switch"; the model keeps the "Virtual " prefix because the
    // reference skips transceiver placement for models that start with it.
    name: 'vs', manufacturer: 'Hedgehog', model: 'Virtual Switch', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: S5248F_GROUP_PORTS,
  },
];
