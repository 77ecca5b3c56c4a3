import { compareStrings } from './ordering.js';
import type { WiringContext } from './wiring-context.js';
import { zonesOfType } from './zone-order.js';

/**
 * Uplinks of unmanaged switches (e.g. the out-of-band network): each lane i of an
 * `oob` zone with a peer goes to peer switch [i mod count], cable zone `oob`.
 */
export function wireSurrogateUplinks(ctx: WiringContext): void {
  const classes = ctx.model.switchClasses
    .filter((c) => c.fabricClass === 'unmanaged')
    .sort((a, b) => compareStrings(a.fabric, b.fabric) || compareStrings(a.id, b.id));
  for (const cls of classes) {
    for (const zone of zonesOfType(cls, 'oob')) {
      if (!zone.peer) continue;
      const peerClass = ctx.switchClass(zone.peer.switchClass);
      const peerZone = peerClass.zones.find((z) => z.name === zone.peer!.zone)!;
      const targets = ctx.devicesOf(peerClass.id).filter((d) => d.fabricClass === 'managed').slice().sort((a, b) => compareStrings(a.name, b.name));
      if (targets.length === 0) continue;
      const devices = ctx.devicesOf(cls.id).slice().sort((a, b) => compareStrings(a.name, b.name));
      for (const device of devices) {
        const lanes = ctx.allocator.remaining(device.name, zone);
        for (let i = 0; i < lanes; i++) {
          const target = targets[i % targets.length];
          const [local] = ctx.allocator.allocate(device.name, zone, 1);
          const [remote] = ctx.allocator.allocate(target.name, peerZone, 1);
          ctx.touchInterface(device.name, zone, local, local.speed);
          ctx.touchInterface(target.name, peerZone, remote, remote.speed);
          ctx.layCable('surrogate', { device: device.name, port: local.name }, { device: target.name, port: remote.name }, local.speed, zone.origin, 'oob');
        }
      }
    }
  }
}
