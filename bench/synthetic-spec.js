// Generates a large GPU fabric spec: N GPU servers, each with a dual 200G front-end
// NIC (alternating over DS5000 leaves), one 400G backend rail port and a BMC on ES1000
// out-of-band switches, plus N/4 storage servers on the front end. A two-tier backend
// of 64-port switches tops out at 4,096 rail ports, which 4,096 servers fill exactly.
// The OOB switch count is fixed with headroom: same-switch blocks are sized per server
// class, so two classes can overfill the first switch at a calculated count.
// Used by the benchmark to measure growth.
// Alternating placement is `spread`: the reference placement would put every front-end
// port on the first two leaves and overflow them at this size; spine rounding is
// `even-uplinks` because the reference count can leave the first spine short of ports.
import { stringify } from 'yaml';

const API = 'diet.githedgehog.com/v1alpha1';

export function syntheticSpec(servers) {
  const rails = 1;
  const connections = [
    { id: 'fe', nic: 'fe', ports: 2, speed: 200, distribution: 'alternating', target: 'fe-leaf/down', portType: 'data' },
    ...Array.from({ length: rails }, (_, r) => ({ id: `rail-${r}`, nic: `rail-${r}`, ports: 1, speed: 400, distribution: 'rail-optimized', rail: r, target: 'be-leaf/down', portType: 'data' })),
    { id: 'bmc', nic: 'bmc', ports: 1, speed: 1, distribution: 'same-switch', target: 'oob-leaf/down', portType: 'ipmi' },
  ];
  const nics = [
    { id: 'fe', type: 'bluefield-3-bf3220' },
    ...Array.from({ length: rails }, (_, r) => ({ id: `rail-${r}`, type: 'connectx-7-single-port' })),
    { id: 'bmc', type: 'bmc-management-port' },
  ];
  const cluster = {
    apiVersion: API, kind: 'Cluster', metadata: { name: `synthetic-${servers}` },
    spec: {
      planner: { alternatingPlacement: 'spread', spineRounding: 'even-uplinks' },
      serverClasses: [
        { id: 'gpu', category: 'gpu', quantity: servers, gpusPerServer: 8, deviceType: 'gpu-server-fe-be', nics, connections },
        {
          id: 'storage', category: 'storage', quantity: servers / 4, deviceType: 'storage-server-200g',
          nics: [{ id: 'fe', type: 'bluefield-3-bf3220' }, { id: 'bmc', type: 'bmc-management-port' }],
          connections: [connections[0], connections[connections.length - 1]],
        },
      ],
    },
  };
  const frontend = spineLeafFabric('frontend', 'fe', { ports: '1-48', breakout: '4x200g' }, '49-64');
  const backend = spineLeafFabric('backend', 'be', { ports: '1-32', breakout: '2x400g' }, '33-64');
  const oob = {
    apiVersion: API, kind: 'Fabric', metadata: { name: 'oob-mgmt' },
    spec: { class: 'unmanaged', switchClasses: [{ id: 'oob-leaf', role: 'server-leaf', deviceType: 'celestica-es1000', uplinksPerSwitch: 0, quantity: Math.ceil((servers * 1.25) / 44), zones: [{ name: 'down', type: 'oob', ports: '1-48', breakout: '1x1g' }] }] },
  };
  return [cluster, frontend, backend, oob].map((d) => stringify(d)).join('---\n');
}

/** A DS5000 spine-leaf fabric: leaves with a server and an uplink zone, spines with a fabric zone. */
function spineLeafFabric(name, prefix, down, uplinkPorts) {
  return {
    apiVersion: API, kind: 'Fabric', metadata: { name },
    spec: {
      class: 'managed',
      switchClasses: [
        { id: `${prefix}-leaf`, role: 'server-leaf', deviceType: 'celestica-ds5000', zones: [
          { name: 'down', type: 'server', ...down },
          { name: 'up', type: 'uplink', ports: uplinkPorts, breakout: '1x800g' },
        ] },
        { id: `${prefix}-spine`, role: 'spine', deviceType: 'celestica-ds5000', uplinksPerSwitch: 0, zones: [{ name: 'fabric', type: 'fabric', ports: '1-64', breakout: '1x800g' }] },
      ],
    },
  };
}
