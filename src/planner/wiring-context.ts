import type { FabricModel, PortZone, SwitchClass } from '../model/fabric-model.js';
import type { SourceRange } from '../diag/diagnostic.js';
import { PlannerError } from './planner-error.js';
import { PortAllocator, type PortSlot } from './port-allocator.js';
import { switchType } from './port-capacity.js';
import type { Cable, CableKind, SwitchDevice, SwitchInterface } from './topology.js';
import type { ZoneType } from '../model/enums.js';

export interface ZoneSlot {
  readonly zone: PortZone;
  readonly slot: PortSlot;
}

/**
 * Mutable scratchpad shared by the wiring steps of one planning run: the port
 * cursors, the switch interfaces touched so far and the cables laid.
 */
export class WiringContext {
  readonly allocator: PortAllocator;
  readonly cables: Cable[] = [];
  private readonly interfaces = new Map<string, SwitchInterface>();
  readonly classById: ReadonlyMap<string, SwitchClass>;

  constructor(
    readonly model: FabricModel,
    /** Switch devices per class id, in index order. */
    readonly devicesByClass: ReadonlyMap<string, readonly SwitchDevice[]>,
  ) {
    this.classById = new Map(model.switchClasses.map((c) => [c.id, c]));
    this.allocator = new PortAllocator(
      (zone) => (zone.breakout ? model.catalog.breakouts.get(zone.breakout) : undefined),
      (zone) => this.nativeSpeedOfZone(zone),
    );
  }

  switchClass(id: string): SwitchClass {
    const cls = this.classById.get(id);
    if (!cls) throw new PlannerError('DIET-P140', `unknown switch class '${id}'`);
    return cls;
  }

  devicesOf(classId: string): readonly SwitchDevice[] {
    return this.devicesByClass.get(classId) ?? [];
  }

  /** Takes `count` slots from the zones in order, moving on when one is full. */
  allocateFromZones(device: string, zones: readonly PortZone[], count: number, range?: SourceRange): ZoneSlot[] {
    const result: ZoneSlot[] = [];
    for (const zone of zones) {
      const take = Math.min(count - result.length, this.allocator.remaining(device, zone));
      if (take > 0) for (const slot of this.allocator.allocate(device, zone, take)) result.push({ zone, slot });
      if (result.length === count) return result;
    }
    throw new PlannerError('DIET-P122', `Not enough ports available on switch '${device}' to allocate ${count} links.`, 'widen the zone or add switches', range ?? zones[0]?.origin);
  }

  /** Every remaining slot of the zones, in order. */
  allocateRest(device: string, zones: readonly PortZone[]): ZoneSlot[] {
    return zones.flatMap((zone) => {
      const count = this.allocator.remaining(device, zone);
      return count > 0 ? this.allocator.allocate(device, zone, count).map((slot) => ({ zone, slot })) : [];
    });
  }

  /** Records a switch-side interface once (get-or-create, as the reference does). */
  touchInterface(device: string, zone: PortZone, slot: PortSlot, speed: number): void {
    const key = `${device}\u0000${slot.name}`;
    if (this.interfaces.has(key)) return;
    this.interfaces.set(key, { device, name: slot.name, zone: zone.name, physicalPort: slot.physicalPort, lane: slot.lane, speed });
  }

  layCable(kind: CableKind, a: { device: string; port: string }, b: { device: string; port: string }, speed: number, origin?: SourceRange, zoneType?: ZoneType): void {
    this.cables.push({ a, b, kind, speed, origin, zoneType });
  }

  switchInterfaces(): SwitchInterface[] {
    return [...this.interfaces.values()];
  }

  private nativeSpeedOfZone(zone: PortZone): number {
    for (const cls of this.model.switchClasses) {
      if (cls.zones.includes(zone)) return switchType(cls, this.model.catalog).nativeSpeed ?? 0;
    }
    return 0;
  }
}
