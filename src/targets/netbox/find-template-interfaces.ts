import { formatAddress } from '../../resource/address.js';
import type { ResourceChange } from '../../resource/resource.js';
import type { ApplyContext } from './apply-context.js';
import { chunkValues, listAll } from './list-netbox.js';
import type { NetboxHttp } from './netbox-http.js';
import { NETBOX_ENDPOINTS } from './netbox-endpoints.js';

/**
 * Interfaces that already exist on the devices of an interface-create run: NetBox makes a
 * device's interfaces from its type's templates when the device is created, so diet must
 * update those instead of creating them again. Only devices whose type has templates are
 * asked about, in bulk (`?device_id=…&device_id=…`). Returns address → NetBox id.
 */
export async function findTemplateInterfaces(http: NetboxHttp, ctx: ApplyContext, run: readonly ResourceChange[]): Promise<Map<string, number>> {
  const wanted = new Set(run.map((c) => c.address));
  const deviceIds = new Set<string>();
  for (const c of run) {
    const device = String(c.after?.device ?? '');
    if (!ctx.hasTemplates(ctx.deviceType(device))) continue;
    const id = ctx.id(formatAddress('netbox', 'dcim.device', device));
    if (id !== undefined) deviceIds.add(String(id));
  }
  const found = new Map<string, number>();
  const path = NETBOX_ENDPOINTS['dcim.interface'].path;
  const lists = await Promise.all(chunkValues([...deviceIds]).map((ids) => listAll(http, path, [...ids.map((id) => ['device_id', id] as const), ['fields', 'id,name,device']])));
  for (const o of lists.flat()) {
    const device = (o.device as { name?: unknown } | null)?.name;
    const address = formatAddress('netbox', 'dcim.interface', `${String(device)}:${String(o.name)}`);
    if (wanted.has(address)) found.set(address, Number(o.id));
  }
  return found;
}
