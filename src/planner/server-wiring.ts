import type { PortZone, ServerClass, ServerConnection } from '../model/fabric-model.js';
import { naturalCompare, compareStrings } from './ordering.js';
import { PlannerError } from './planner-error.js';
import { selectSwitchInstance } from './switch-selection.js';
import type { ServerDevice, ServerInterface } from './topology.js';
import type { WiringContext } from './wiring-context.js';

/**
 * Cables every server port of a class: per server, per connection (by id), per
 * port offset — the order that decides which switch port each server gets.
 */
export function wireServerClass(ctx: WiringContext, cls: ServerClass, servers: readonly ServerDevice[], interfacesOut: ServerInterface[]): void {
  const connections = [...cls.connections].sort((a, b) => compareStrings(a.id, b.id));
  const nicPorts = new Map<string, string[]>();
  for (const nic of cls.nics) {
    const type = ctx.model.catalog.nicTypes.get(nic.type);
    if (!type) throw new PlannerError('DIET-P150', `unknown NIC type '${nic.type}'`, 'see `diet catalog list`', nic.origin);
    nicPorts.set(nic.id, [...type.ports].sort((a, b) => naturalCompare(a.name, b.name)).map((p) => p.name));
  }
  const usedNics = cls.nics.filter((nic) => connections.some((c) => c.nic === nic.id));
  const railCounts = new Map<string, number>();
  for (const c of connections) {
    const key = `${c.target.switchClass}/${c.target.zone}`;
    if (c.distribution !== 'rail-optimized' || railCounts.has(key)) continue;
    const rails = new Set(connections.filter((o) => o.distribution === 'rail-optimized' && o.rail !== undefined && `${o.target.switchClass}/${o.target.zone}` === key).map((o) => o.rail));
    railCounts.set(key, rails.size);
  }
  for (const server of servers) {
    for (const nic of usedNics) {
      const type = ctx.model.catalog.nicTypes.get(nic.type)!;
      for (const port of [...type.ports].sort((a, b) => naturalCompare(a.name, b.name))) {
        interfacesOut.push({ device: server.name, name: `${nic.id}-${port.name}`, nic: nic.id, type: port.type });
      }
    }
    for (const connection of connections) {
      const targetClass = ctx.switchClass(connection.target.switchClass);
      const zone = targetClass.zones.find((z) => z.name === connection.target.zone);
      if (!zone) throw new PlannerError('DIET-P151', `unknown zone '${connection.target.switchClass}/${connection.target.zone}'`, undefined, connection.origin);
      const instances = ctx.devicesOf(targetClass.id);
      if (instances.length === 0) {
        throw new PlannerError('DIET-P152', `No switch instances available for ${targetClass.id}.`, `the class has quantity 0; connection '${cls.id}/${connection.id}' needs at least one switch`, connection.origin);
      }
      const breakout = zone.breakout ? ctx.model.catalog.breakouts.get(zone.breakout) : undefined;
      const ports = nicPorts.get(connection.nic)!;
      for (let offset = 0; offset < connection.ports; offset++) {
        const instance = selectSwitchInstance({
          instanceCount: instances.length,
          connection,
          serverIndex: server.index - 1,
          serverCount: cls.quantity,
          portOffset: offset,
          totalRails: railCounts.get(`${targetClass.id}/${zone.name}`) ?? 0,
          zoneLogicalCapacity: zone.ports.length * (breakout?.logicalPorts ?? 1),
          options: ctx.model.options,
        });
        const switchDevice = instances[instance];
        const [slot] = allocateServerPort(ctx, switchDevice.name, zone, connection, instances.length);
        const portName = ports[connection.portIndex + offset];
        if (portName === undefined) {
          throw new PlannerError('DIET-P153', `NIC '${connection.nic}' of '${cls.id}' has ${ports.length} port(s); connection '${connection.id}' needs port index ${connection.portIndex + offset}`, 'lower portIndex/ports or use a NIC type with more ports', connection.origin);
        }
        ctx.touchInterface(switchDevice.name, zone, slot, connection.speed);
        ctx.layCable('server', { device: server.name, port: `${connection.nic}-${portName}` }, { device: switchDevice.name, port: slot.name }, connection.speed, connection.origin);
      }
    }
  }
}

/** Allocation with a hint that names the reference's alternating limitation when it is the cause. */
function allocateServerPort(ctx: WiringContext, device: string, zone: PortZone, connection: ServerConnection, instances: number) {
  try {
    return ctx.allocator.allocate(device, zone, 1);
  } catch (e) {
    if (e instanceof PlannerError && connection.distribution === 'alternating' && ctx.model.options.alternatingPlacement === 'reference' && instances > connection.ports) {
      throw new PlannerError(e.code, e.message, `alternating placement uses only the first ${connection.ports} of ${instances} switches (reference behaviour); set Cluster.spec.planner.alternatingPlacement: spread to use all of them`, connection.origin);
    }
    throw e;
  }
}
