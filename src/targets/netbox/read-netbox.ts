import type { ApplyEvents, LiveObject, ReadScope } from '../live-target.js';
import { chunkValues, listAll, type Query } from './list-netbox.js';
import { mapNetboxObject, type MappingContext } from './map-netbox-object.js';
import type { NetboxHttp } from './netbox-http.js';
import { NETBOX_ENDPOINTS } from './netbox-endpoints.js';
import { ownershipTagSlug, type NetboxType } from './netbox-types.js';

type Json = Record<string, unknown>;

const OWNED_BY_TAG: readonly NetboxType[] = ['dcim.site', 'dcim.manufacturer', 'dcim.device_role', 'dcim.device_type', 'dcim.device', 'dcim.interface', 'dcim.cable'];

/**
 * What diet owns in NetBox for a cluster — every object carrying its ownership tag
 * (`diet-<cluster>`), plus the interface templates of its device types — and every unowned
 * object whose unique slug or name equals a desired key (a collision, `owned: false`), plus
 * the interface templates of colliding device types and the wanted interfaces and cables of
 * colliding devices.
 * All lists are paged bulk reads (`limit=1000`), run in parallel within the client's bound.
 */
export async function readNetbox(http: NetboxHttp, scope: ReadScope, events?: ApplyEvents): Promise<LiveObject[]> {
  const tag = ownershipTagSlug(scope.cluster);
  const total = OWNED_BY_TAG.length + 3;
  let done = 0;
  const step = <T>(value: T): T => {
    events?.progress({ target: 'netbox', phase: 'read', done: ++done, total });
    return value;
  };
  const list = (type: NetboxType, query: Query) => listAll(http, NETBOX_ENDPOINTS[type].path, [...query, ['fields', NETBOX_ENDPOINTS[type].fields.join(',')]]);

  const tags = step(await list('extras.tag', [['slug', tag]]));
  const raw = new Map<NetboxType, Json[]>();
  if (tags.length > 0) {
    const lists = await Promise.all(OWNED_BY_TAG.map(async (type) => step(await list(type, [['tag', tag]]))));
    OWNED_BY_TAG.forEach((type, i) => raw.set(type, lists[i]));
  } else {
    done += OWNED_BY_TAG.length;
  }
  const ownedTypeIds = (raw.get('dcim.device_type') ?? []).map((o) => String(o.id));
  const templates = (await Promise.all(chunkValues(ownedTypeIds).map((ids) => list('dcim.interface_template', ids.map((id) => ['device_type_id', id] as const))))).flat();
  step(templates);

  const ownedTypes = (raw.get('dcim.device_type') ?? []).map((o) => String(o.slug));
  let ctx = mappingContext(tag, raw.get('dcim.device') ?? [], templates, ownedTypes);
  const out: LiveObject[] = [];
  const seen = new Set<string>();
  const add = (type: NetboxType, objects: Json[], keep: (o: LiveObject) => boolean = () => true) => {
    for (const json of objects) {
      const live = mapNetboxObject(type, json, ctx);
      if (live && !seen.has(live.address) && keep(live)) {
        seen.add(live.address);
        out.push(live);
      }
    }
  };
  add('extras.tag', tags);
  for (const type of OWNED_BY_TAG) add(type, raw.get(type) ?? [], (o) => o.owned);
  add('dcim.interface_template', templates);
  await addCollisions(scope, seen, (type, objects, keep) => add(type, objects, keep), list);
  // The templates of a colliding device type come along (unowned): adopting the type adopts them
  // instead of creating them a second time.
  const collidingTypeIds = out.filter((o) => o.type === 'dcim.device_type' && !o.owned).map((o) => o.remoteId!);
  const theirTemplates = (await Promise.all(chunkValues(collidingTypeIds).map((ids) => list('dcim.interface_template', ids.map((id) => ['device_type_id', id] as const))))).flat();
  step(add('dcim.interface_template', theirTemplates, (o) => !o.owned));
  // Unowned interfaces and cables at addresses the spec wants, read per device: all those of a
  // colliding device (adopting the device adopts them instead of creating them a second time),
  // and interfaces made by hand on a device diet owns (a collision, not NetBox's 400 later).
  const collidingDevices = new Map(out.filter((o) => o.type === 'dcim.device' && !o.owned).map((o) => [o.remoteId!, o]));
  const ownedDeviceIds = new Map(out.filter((o) => o.type === 'dcim.device' && o.owned).map((o) => [o.key, o.remoteId!]));
  const hostsOfMissingPorts = new Set(scope.desired.filter((d) => d.type === 'dcim.interface' && !seen.has(d.address)).flatMap((d) => ownedDeviceIds.get(String(d.attrs.device)) ?? []));
  if (collidingDevices.size + hostsOfMissingPorts.size > 0) {
    const byDevice = async (type: NetboxType, ids: string[]) => (await Promise.all(chunkValues(ids).map((chunk) => list(type, chunk.map((id) => ['device_id', id] as const))))).flat();
    const [interfaces, cables] = await Promise.all([byDevice('dcim.interface', [...collidingDevices.keys(), ...hostsOfMissingPorts]), byDevice('dcim.cable', [...collidingDevices.keys()])]);
    const typeOf = (o: LiveObject) => ({ name: o.key, device_type: { slug: o.attrs.device_type } });
    ctx = mappingContext(tag, [...(raw.get('dcim.device') ?? []), ...[...collidingDevices.values()].map(typeOf)], [...templates, ...theirTemplates], ownedTypes);
    const wanted = new Set(scope.desired.map((d) => d.address));
    // Template-made ports of diet's own devices are diet's to update: not collisions.
    const made = (o: LiveObject) => ownedDeviceIds.has(String(o.attrs.device)) && ctx.isTemplateInterface(String(o.attrs.device), String(o.attrs.name));
    add('dcim.interface', interfaces, (o) => !o.owned && wanted.has(o.address) && !made(o));
    add('dcim.cable', cables, (o) => !o.owned && wanted.has(o.address));
  }
  return out;
}

/** Unowned objects whose slug or name is a desired key that diet does not own yet. */
async function addCollisions(
  scope: ReadScope,
  seen: ReadonlySet<string>,
  add: (type: NetboxType, objects: Json[], keep: (o: LiveObject) => boolean) => void,
  list: (type: NetboxType, query: Query) => Promise<Json[]>,
): Promise<void> {
  const wanted = new Map<NetboxType, Map<string, string | undefined>>();
  for (const d of scope.desired) {
    const endpoint = (NETBOX_ENDPOINTS as Record<string, (typeof NETBOX_ENDPOINTS)[NetboxType] | undefined>)[d.type];
    if (!endpoint?.lookup || endpoint.type === 'extras.tag' || seen.has(d.address)) continue;
    if (!wanted.has(endpoint.type)) wanted.set(endpoint.type, new Map());
    wanted.get(endpoint.type)!.set(d.key, typeof d.attrs.site === 'string' ? d.attrs.site : undefined);
  }
  await Promise.all(
    [...wanted].flatMap(([type, keys]) =>
      chunkValues([...keys.keys()]).map(async (chunk) => {
        const found = await list(type, chunk.map((key) => [NETBOX_ENDPOINTS[type].lookup!, key] as const));
        // Device names are unique per site only: a same-named device elsewhere does not collide.
        add(type, found, (o) => !o.owned && (type !== 'dcim.device' || o.attrs.site === keys.get(o.key)));
      }),
    ),
  );
}

function mappingContext(tag: string, devices: Json[], templates: Json[], ownedTypes: string[]): MappingContext {
  const typeOfDevice = new Map<string, string>();
  for (const d of devices) {
    const dt = d.device_type as Json | undefined;
    if (typeof d.name === 'string' && dt && typeof dt.slug === 'string') typeOfDevice.set(d.name, dt.slug);
  }
  const templateKeys = new Set<string>();
  for (const t of templates) {
    const dt = t.device_type as Json | undefined;
    if (dt && typeof dt.slug === 'string') templateKeys.add(`${dt.slug}:${String(t.name)}`);
  }
  const owned = new Set(ownedTypes);
  return {
    ownershipTag: tag,
    isTemplateInterface: (device, name) => templateKeys.has(`${typeOfDevice.get(device)}:${name}`),
    ownsDeviceType: (slug) => owned.has(slug),
  };
}
