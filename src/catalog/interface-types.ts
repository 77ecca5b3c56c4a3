/**
 * NetBox interface type slugs for switch ports.
 *
 * Two rules exist in the reference and both are kept: generated interfaces take their type
 * from the link speed, while device-type templates imported from a switch profile take it
 * from the port's cage label (so an OSFP cage is `…-osfp` even though the speed rule would
 * say QSFP-DD), falling back to the speed rule for labels it does not list.
 */
import type { ProfilePort } from '../model/catalog-types.js';
import { parseProfileMode } from './profile-modes.js';

const BY_SPEED = new Map<number, string>([
  [800, '800gbase-x-qsfpdd'],
  [400, '400gbase-x-qsfpdd'],
  [200, '200gbase-x-qsfp56'],
  [100, '100gbase-x-qsfp28'],
  [40, '40gbase-x-qsfpp'],
  [25, '25gbase-x-sfp28'],
  [10, '10gbase-x-sfpp'],
  [1, '1000base-x-sfp'],
]);

/** Interface type of a generated interface from its speed (Gbps); `other` when unknown. */
export function speedToInterfaceType(speedGbps: number): string {
  return BY_SPEED.get(speedGbps) ?? 'other';
}

// RJ45-10G mapping to an SFP+ type is the reference's choice; kept so templates match it.
const BY_PROFILE_LABEL = new Map<string, string>([
  ['OSFP-800G', '800gbase-x-osfp'],
  ['OSFP-2x400G', '800gbase-x-osfp'],
  ['QSFPDD-400G', '400gbase-x-qsfpdd'],
  ['QSFP56DD-400G', '400gbase-x-qsfpdd'],
  ['QSFP28-100G', '100gbase-x-qsfp28'],
  ['SFP28-25G', '25gbase-x-sfp28'],
  ['SFP28-10G', '10gbase-x-sfpp'],
  ['RJ45-10G', '10gbase-x-sfpp'],
  ['RJ45-2.5G', '2.5gbase-t'],
  ['RJ45-1G', '1000base-t'],
]);

/** Interface template type of a profile data port: by cage label, else by default speed. */
export function profilePortInterfaceType(port: ProfilePort): string {
  const byLabel = BY_PROFILE_LABEL.get(port.profile);
  if (byLabel !== undefined) return byLabel;
  return speedToInterfaceType(parseProfileMode(port.defaultMode)?.speedGbps ?? 0);
}
