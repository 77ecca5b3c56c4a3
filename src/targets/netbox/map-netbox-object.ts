import { createHash } from 'node:crypto';
import { formatAddress } from '../../resource/address.js';
import type { Attrs } from '../../resource/resource.js';
import type { LiveObject } from '../live-target.js';
import { isOwnershipTag, type NetboxType } from './netbox-types.js';

type Json = Record<string, unknown>;

export interface MappingContext {
  /** Slug of the cluster's ownership tag. */
  readonly ownershipTag: string;
  /** Whether NetBox instantiated this interface from its device type's templates (diet then does not own `type`). */
  isTemplateInterface(device: string, name: string): boolean;
  /** Whether diet owns this device type (interface templates carry no tags of their own). */
  ownsDeviceType(slug: string): boolean;
}

/**
 * One NetBox JSON object as diet sees it: key, attributes in exactly the shape `desired.ts`
 * produces (slugs for references, device names, `{device, interface}` cable ends, choice
 * values, sorted tag slugs, '' for empty text), dependencies, remote id and fingerprint.
 * Undefined for an object diet cannot key (an unnamed device, a cable end that is not an
 * interface on a named device).
 */
export function mapNetboxObject(type: NetboxType, o: Json, ctx: MappingContext): LiveObject | undefined {
  const allTags = tagSlugs(o.tags);
  // Other clusters' ownership tags are theirs, not an attribute of this cluster's object.
  const sharedWith = allTags.filter((t) => t !== ctx.ownershipTag && isOwnershipTag(t));
  const tags = sharedWith.length === 0 ? allTags : allTags.filter((t) => !sharedWith.includes(t));
  const tagAddr = formatAddress('netbox', 'extras.tag', ctx.ownershipTag);
  const owned = tags.includes(ctx.ownershipTag);
  const live = (key: string, attrs: Attrs, isOwned: boolean, dependsOn: string[] = []): LiveObject => ({
    address: formatAddress('netbox', type, key),
    target: 'netbox',
    type,
    key,
    attrs,
    remoteId: String(o.id),
    fingerprint: fingerprintOf(o.last_updated, attrs),
    dependsOn,
    owned: isOwned,
    ...(sharedWith.length > 0 ? { sharedWith } : {}),
  });
  const dep = (t: string, key: string) => formatAddress('netbox', t, key);
  switch (type) {
    case 'extras.tag':
      return live(str(o.slug), { name: str(o.name), slug: str(o.slug), color: lower(o.color), description: str(o.description) }, o.slug === ctx.ownershipTag);
    case 'dcim.site':
      return live(str(o.slug), { name: str(o.name), slug: str(o.slug), status: choice(o.status), tags }, owned, [tagAddr]);
    case 'dcim.manufacturer':
      return live(str(o.slug), { name: str(o.name), slug: str(o.slug), tags }, owned, [tagAddr]);
    case 'dcim.device_role':
      return live(str(o.slug), { name: str(o.name), slug: str(o.slug), color: lower(o.color), tags }, owned, [tagAddr]);
    case 'dcim.device_type': {
      const manufacturer = ref(o.manufacturer, 'slug');
      return live(str(o.slug), { manufacturer, model: str(o.model), slug: str(o.slug), u_height: num(o.u_height), tags }, owned, [dep('dcim.manufacturer', manufacturer), tagAddr]);
    }
    case 'dcim.interface_template': {
      const deviceType = ref(o.device_type, 'slug');
      return live(`${deviceType}:${str(o.name)}`, { device_type: deviceType, name: str(o.name), type: choice(o.type) }, ctx.ownsDeviceType(deviceType), [dep('dcim.device_type', deviceType)]);
    }
    case 'dcim.device': {
      if (typeof o.name !== 'string' || o.name === '') return undefined;
      const [deviceType, role, site] = [ref(o.device_type, 'slug'), ref(o.role, 'slug'), ref(o.site, 'slug')];
      const attrs = { name: o.name, device_type: deviceType, role, site, status: choice(o.status), description: str(o.description), tags };
      return live(o.name, attrs, owned, [dep('dcim.device_type', deviceType), dep('dcim.device_role', role), dep('dcim.site', site), tagAddr]);
    }
    case 'dcim.interface': {
      const device = ref(o.device, 'name');
      if (device === '') return undefined;
      const name = str(o.name);
      const attrs: Attrs = ctx.isTemplateInterface(device, name)
        ? { device, name, description: str(o.description), tags }
        : { device, name, type: choice(o.type), description: str(o.description), tags };
      return live(`${device}:${name}`, attrs, owned, [dep('dcim.device', device), tagAddr]);
    }
    case 'dcim.cable': {
      const a = cableEnds(o.a_terminations);
      const b = cableEnds(o.b_terminations);
      if (!a || !b) return undefined;
      const end = (ends: { device: string; interface: string }[]) => ends.map((e) => `${e.device}:${e.interface}`).join('+');
      const ifaces = [...a, ...b].map((e) => dep('dcim.interface', `${e.device}:${e.interface}`));
      return live(`${end(a)}--${end(b)}`, { a_terminations: a, b_terminations: b, status: choice(o.status), label: str(o.label), tags }, owned, [...ifaces, tagAddr]);
    }
  }
}

/**
 * `last_updated` plus a short hash of the mapped attributes: changes when anything diet sees
 * changes. The attributes are built above in a fixed key order, so plain JSON is stable.
 */
function fingerprintOf(lastUpdated: unknown, attrs: Attrs): string {
  const hash = createHash('sha256').update(JSON.stringify(attrs)).digest('hex').slice(0, 16);
  return `${typeof lastUpdated === 'string' ? lastUpdated : ''}/${hash}`;
}

function cableEnds(value: unknown): { device: string; interface: string }[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const ends: { device: string; interface: string }[] = [];
  for (const t of value as Json[]) {
    if (t.object_type !== 'dcim.interface' || typeof t.object !== 'object' || t.object === null) return undefined;
    const object = t.object as Json;
    const device = ref(object.device, 'name');
    if (device === '' || typeof object.name !== 'string') return undefined;
    ends.push({ device, interface: object.name });
  }
  return ends.sort((x, y) => (x.device === y.device ? cmp(x.interface, y.interface) : cmp(x.device, y.device)));
}

function tagSlugs(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map((t) => (typeof t === 'object' && t !== null ? str((t as Json).slug) : '')).filter((s) => s !== ''))].sort(cmp);
}

/** A nested reference (`{"id": 1, "slug": "x"}`) reduced to one of its unique fields. */
function ref(value: unknown, field: 'slug' | 'name'): string {
  return typeof value === 'object' && value !== null ? str((value as Json)[field]) : '';
}

/** Choice fields read as `{"value": "planned", "label": "Planned"}` and are written as the value. */
function choice(value: unknown): string {
  if (typeof value === 'object' && value !== null) return str((value as Json).value);
  return str(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function lower(value: unknown): string {
  return str(value).toLowerCase();
}

function num(value: unknown): number | null {
  return typeof value === 'number' ? value : typeof value === 'string' && value !== '' ? Number(value) : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
