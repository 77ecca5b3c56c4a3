import { compareStrings } from './ordering.js';
import type { SwitchDevice } from './topology.js';
import type { WiringContext } from './wiring-context.js';
import { zonesOfType } from './zone-order.js';
import { LEAF_ROLES } from './spine-quantity.js';

/**
 * Uplinks of managed leaves through an explicit peer zone (e.g. a border leaf to
 * the spines' 100G ports): all lanes spread base/remainder over the peer switches.
 * Runs even for standalone leaves (uplinksPerSwitch 0), as the reference does.
 */
export function wirePeerZoneUplinks(ctx: WiringContext, switches: readonly SwitchDevice[]): void {
  const leaves = switches.filter((s) => s.fabricClass === 'managed' && LEAF_ROLES.has(s.role)).sort((a, b) => compareStrings(a.name, b.name));
  for (const leaf of leaves) {
    const leafClass = ctx.switchClass(leaf.classId);
    for (const zone of zonesOfType(leafClass, 'uplink')) {
      if (!zone.peer) continue;
      const peerClass = ctx.switchClass(zone.peer.switchClass);
      const peerZone = peerClass.zones.find((z) => z.name === zone.peer!.zone)!;
      const peers = ctx.devicesOf(peerClass.id).slice().sort((a, b) => compareStrings(a.name, b.name));
      if (peers.length === 0) continue;
      const local = ctx.allocateRest(leaf.name, [zone]);
      const base = Math.floor(local.length / peers.length);
      const extra = local.length % peers.length;
      let next = 0;
      peers.forEach((peer, i) => {
        const count = base + (i < extra ? 1 : 0);
        if (count === 0) return;
        for (const remote of ctx.allocateFromZones(peer.name, [peerZone], count, zone.origin)) {
          const mine = local[next++];
          ctx.touchInterface(leaf.name, mine.zone, mine.slot, mine.slot.speed);
          ctx.touchInterface(peer.name, remote.zone, remote.slot, remote.slot.speed);
          ctx.layCable('peer', { device: leaf.name, port: mine.slot.name }, { device: peer.name, port: remote.slot.name }, mine.slot.speed, zone.origin);
        }
      });
    }
  }
}
