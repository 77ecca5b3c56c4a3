/**
 * Supermicro SSE-C4632SB: Hedgehog's profile copies the Celestica DS3000 ports, groups,
 * port profiles and features, so the catalog entry reuses the DS3000 port table.
 */
import { DS3000_PORTS } from './celestica.js';
import { SPINE_OR_LEAF } from './role-hints.js';
import type { SwitchProfileDefinition } from '../switch-type-from-profile.js';

export const SUPERMICRO_PROFILES: readonly SwitchProfileDefinition[] = [
  {
    name: 'supermicro-sse-c4632sb', manufacturer: 'Supermicro', model: 'SSE-C4632SB', uHeight: 1,
    mclagCapable: true, eslagCapable: true, roles: SPINE_OR_LEAF,
    ports: DS3000_PORTS,
  },
];
