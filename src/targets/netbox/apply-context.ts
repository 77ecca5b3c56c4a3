import { formatAddress } from '../../resource/address.js';
import type { Attrs, ResourceChange } from '../../resource/resource.js';
import type { LiveObject } from '../live-target.js';
import { toNetboxPayload } from './netbox-payload.js';

/**
 * What an apply knows about NetBox while it runs: the id of every object diet owns, by
 * address (from the read, then from each bulk answer), the device type of each device, and
 * the interface templates of each device type (so template-made interfaces are patched,
 * never created twice, and released rather than deleted), and the ownership tags other diet
 * clusters hold on shared objects (kept on every write).
 */
export class ApplyContext {
  private readonly ids = new Map<string, number>();
  private readonly deviceTypeOf = new Map<string, string>();
  private readonly templates = new Set<string>();
  private readonly templatesPerType = new Map<string, number>();
  private readonly sharedTags = new Map<string, readonly string[]>();
  /** Slug of the ownership tag (the only tag diet creates or owns). */
  private tag: string | undefined;

  /** `adopting`: unowned objects this apply takes over, whose ids are needed as if diet owned them. */
  constructor(observed: ReadonlyMap<string, LiveObject>, adopting: ReadonlySet<string> = new Set()) {
    // The interface templates of an adopted device type come with it, changed or not.
    const takenOver = (o: LiveObject) => o.owned || adopting.has(o.address) || (o.type === 'dcim.interface_template' && (o.dependsOn ?? []).some((d) => adopting.has(d)));
    for (const o of observed.values()) {
      if (o.target !== 'netbox' || !takenOver(o)) continue;
      if (o.remoteId !== undefined) this.ids.set(o.address, Number(o.remoteId));
      if (o.sharedWith) this.sharedTags.set(o.address, o.sharedWith);
      this.learn(o.type, o.key, o.attrs as Record<string, unknown>);
    }
  }

  /**
   * The JSON for diet's attributes of the object at `address`. `tags` replaces the object's
   * whole tag list in NetBox, so other diet clusters' ownership tags on it are sent along.
   */
  payload(address: string, type: string, attrs: Attrs): Record<string, unknown> {
    const shared = this.sharedTags.get(address);
    const withShared = shared && Array.isArray(attrs.tags) ? { ...attrs, tags: [...(attrs.tags as string[]), ...shared] } : attrs;
    return toNetboxPayload(type, withShared, (a) => this.id(a));
  }

  id(address: string): number | undefined {
    return this.ids.get(address);
  }

  /** Records an object that now exists (created or adopted by this apply). */
  created(change: ResourceChange, id: number): void {
    this.ids.set(change.address, id);
    this.learn(change.type, change.key, (change.after ?? {}) as Record<string, unknown>);
  }

  deleted(address: string): void {
    this.ids.delete(address);
  }

  deviceType(device: string): string | undefined {
    return this.deviceTypeOf.get(device);
  }

  hasTemplates(deviceType: string | undefined): boolean {
    return this.templateCount(deviceType) > 0;
  }

  /** Interface templates of a device type: what NetBox instantiates with each new device. */
  templateCount(deviceType: string | undefined): number {
    return deviceType === undefined ? 0 : (this.templatesPerType.get(deviceType) ?? 0);
  }

  /** Whether NetBox made this interface from its device's type (then diet releases it instead of deleting it). */
  isTemplateInterface(device: string, name: string): boolean {
    return this.templates.has(`${this.deviceTypeOf.get(device)}:${name}`);
  }

  /** Slug of the ownership tag, which a released interface loses. */
  get ownershipTag(): string | undefined {
    return this.tag;
  }

  tagAddress(): string | undefined {
    return this.tag === undefined ? undefined : formatAddress('netbox', 'extras.tag', this.tag);
  }

  private learn(type: string, key: string, attrs: Record<string, unknown>): void {
    if (type === 'dcim.device' && typeof attrs.device_type === 'string') this.deviceTypeOf.set(key, attrs.device_type);
    if (type === 'dcim.interface_template' && !this.templates.has(key)) {
      this.templates.add(key);
      const deviceType = typeof attrs.device_type === 'string' ? attrs.device_type : key.slice(0, key.lastIndexOf(':'));
      this.templatesPerType.set(deviceType, (this.templatesPerType.get(deviceType) ?? 0) + 1);
    }
    if (type === 'extras.tag') this.tag = key;
  }
}
