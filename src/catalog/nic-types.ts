/**
 * Built-in NIC types (NetBox module types). Port names matter: a server's interfaces are
 * named `<nic id>-<port name>`, e.g. `fe-p0`, `be-rail-0-port0`, `bmc-bmc0`.
 */
import type { InterfaceTemplate, NicType } from '../model/catalog-types.js';

function nicPorts(names: readonly string[], type: string): InterfaceTemplate[] {
  return names.map((name) => ({ name, type }));
}

export const BUILTIN_NIC_TYPES: readonly NicType[] = [
  {
    slug: 'bluefield-3-bf3220', manufacturer: 'NVIDIA', model: 'BlueField-3 B3220',
    ports: nicPorts(['p0', 'p1'], '200gbase-x-qsfp56'),
  },
  {
    slug: 'connectx-7-single-port', manufacturer: 'NVIDIA', model: 'ConnectX-7 Single-Port 400G',
    ports: nicPorts(['port0'], '400gbase-x-osfp'),
  },
  {
    slug: 'bmc-management-port', manufacturer: 'Generic', model: 'BMC Management Port',
    ports: nicPorts(['bmc0'], '1000base-t'),
  },
  {
    // AIOM is Supermicro's OCP 3.0 style add-on I/O module.
    slug: 'aiom-dual-25g', manufacturer: 'Supermicro', model: 'AIOM Dual-Port 25G',
    ports: nicPorts(['port0', 'port1'], '25gbase-x-sfp28'),
  },
  {
    slug: 'connectx-7-dual-100g', manufacturer: 'NVIDIA', model: 'ConnectX-7 Dual-Port 100G',
    ports: nicPorts(['port0', 'port1'], '100gbase-x-qsfp28'),
  },
  {
    slug: 'connectx-7-dual-200g', manufacturer: 'NVIDIA', model: 'ConnectX-7 Dual-Port 200G',
    ports: nicPorts(['port0', 'port1'], '200gbase-x-qsfp56'),
  },
  {
    slug: 'generic-dual-100g', manufacturer: 'Generic', model: 'Dual-Port 100G NIC',
    ports: nicPorts(['port0', 'port1'], '100gbase-x-qsfp28'),
  },
];
