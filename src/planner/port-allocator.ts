import type { Breakout } from '../model/catalog-types.js';
import type { PortZone } from '../model/fabric-model.js';
import { PlannerError } from './planner-error.js';

export interface PortSlot {
  /** `E1/<port>` or `E1/<port>/<lane>`. */
  readonly name: string;
  readonly physicalPort: number;
  readonly lane?: number;
  readonly speed: number;
}

/** Physical port order of a zone under its strategy. */
export function orderPorts(zone: PortZone): number[] {
  const ports = [...zone.ports];
  switch (zone.strategy) {
    case 'interleaved':
      return [...ports.filter((_, i) => i % 2 === 0), ...ports.filter((_, i) => i % 2 === 1)];
    case 'spaced': {
      const half = Math.ceil(ports.length / 2);
      const result: number[] = [];
      for (let i = 0; i < half; i++) {
        result.push(ports[i]);
        if (i + half < ports.length) result.push(ports[i + half]);
      }
      return result;
    }
    case 'custom':
      return [...(zone.order ?? ports)];
    default:
      return ports;
  }
}

/** Every slot of a zone in allocation order: physical ports, then lanes. */
export function zoneSlots(zone: PortZone, breakout: Breakout | undefined, fallbackSpeed: number): PortSlot[] {
  const lanes = breakout && breakout.logicalPorts > 1 ? breakout.logicalPorts : 1;
  const speed = breakout ? breakout.logicalSpeed : fallbackSpeed;
  const slots: PortSlot[] = [];
  for (const port of orderPorts(zone)) {
    if (lanes === 1) slots.push({ name: `E1/${port}`, physicalPort: port, speed });
    else for (let lane = 1; lane <= lanes; lane++) slots.push({ name: `E1/${port}/${lane}`, physicalPort: port, lane, speed });
  }
  return slots;
}

/**
 * Hands out a zone's slots per switch: each (switch, zone) pair has its own cursor,
 * so allocation is independent per switch name.
 */
export class PortAllocator {
  private readonly cursors = new Map<string, number>();
  private readonly slotCache = new Map<PortZone, PortSlot[]>();

  constructor(private readonly resolveBreakout: (zone: PortZone) => Breakout | undefined, private readonly fallbackSpeed: (zone: PortZone) => number) {}

  remaining(device: string, zone: PortZone): number {
    return this.slots(zone).length - (this.cursors.get(`${device}\u0000${zone.name}`) ?? 0);
  }

  allocate(device: string, zone: PortZone, count: number): PortSlot[] {
    if (!Number.isInteger(count) || count <= 0) throw new PlannerError('DIET-P120', 'Allocation count must be a positive integer.');
    const key = `${device}\u0000${zone.name}`;
    const slots = this.slots(zone);
    const start = this.cursors.get(key) ?? 0;
    const remaining = slots.length - start;
    if (count > remaining) {
      throw new PlannerError(
        'DIET-P121',
        `not enough ports on '${device}': requested ${count} port(s) but only ${remaining} remain in zone '${zone.name}'`,
        'widen the zone\'s port range, use a breakout with more lanes, or add switches (quantity)',
        zone.origin,
      );
    }
    this.cursors.set(key, start + count);
    return slots.slice(start, start + count);
  }

  private slots(zone: PortZone): PortSlot[] {
    let slots = this.slotCache.get(zone);
    if (!slots) {
      slots = zoneSlots(zone, this.resolveBreakout(zone), this.fallbackSpeed(zone));
      this.slotCache.set(zone, slots);
    }
    return slots;
  }
}
