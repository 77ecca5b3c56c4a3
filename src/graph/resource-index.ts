import type { DesiredResource } from '../resource/resource.js';

/**
 * A read-only address → resource map over an array and an address → position map.
 * The graph builder needs the position map anyway to resolve `dependsOn`; exposing it
 * through this view saves building a second 100k-entry Map of the same addresses.
 */
export class ResourceIndex implements ReadonlyMap<string, DesiredResource> {
  constructor(
    private readonly positions: ReadonlyMap<string, number>,
    private readonly items: readonly DesiredResource[],
  ) {}

  get size(): number {
    return this.positions.size;
  }

  get(address: string): DesiredResource | undefined {
    const i = this.positions.get(address);
    return i === undefined ? undefined : this.items[i];
  }

  has(address: string): boolean {
    return this.positions.has(address);
  }

  /** Iterates in the order the resources were first given. */
  *entries(): MapIterator<[string, DesiredResource]> {
    for (const item of this.items) yield [item.address, item];
  }

  *keys(): MapIterator<string> {
    for (const item of this.items) yield item.address;
  }

  *values(): MapIterator<DesiredResource> {
    yield* this.items;
  }

  [Symbol.iterator](): MapIterator<[string, DesiredResource]> {
    return this.entries();
  }

  forEach(callback: (value: DesiredResource, key: string, map: ReadonlyMap<string, DesiredResource>) => void, thisArg?: unknown): void {
    for (const item of this.items) callback.call(thisArg, item, item.address, this);
  }
}
