import type { FabricModel } from '../../model/fabric-model.js';
import { speedToInterfaceType } from '../../catalog/interface-types.js';
import { deviceCategoryOf, slugify } from '../../planner/naming.js';
import type { Topology } from '../../planner/topology.js';
import { formatAddress } from '../../resource/address.js';
import type { Attrs, DesiredResource } from '../../resource/resource.js';
import type { SourceRange } from '../../diag/diagnostic.js';
import { ownershipTagSlug, ROLE_COLORS } from './netbox-types.js';

const addr = (type: string, key: string) => formatAddress('netbox', type, key);

/**
 * Desired NetBox objects: supporting objects (tag, site, manufacturers, roles,
 * device types with interface templates), devices, the switch interfaces the plan
 * uses (breakout lanes included), server NIC interfaces and cables. References
 * between objects are by natural key (slug or name), never by remote id.
 */
export function desiredNetboxResources(model: FabricModel, topology: Topology): DesiredResource[] {
  const out: DesiredResource[] = [];
  const tag = ownershipTagSlug(model.name);
  const add = (type: string, key: string, attrs: Attrs, dependsOn: string[] = [], origin?: SourceRange) =>
    out.push({ address: addr(type, key), target: 'netbox', type, key, attrs, dependsOn, origin });
  const tagAddr = addr('extras.tag', tag);
  const tags = [tag];

  add('extras.tag', tag, { name: tag, slug: tag, color: '9e9e9e', description: `Managed by diet for cluster ${model.name}` });
  add('dcim.site', model.site.slug, { name: model.site.name, slug: model.site.slug, status: 'active', tags }, [tagAddr]);

  const switchTypes = [...new Set(topology.switches.map((s) => s.deviceType))].sort();
  const serverTypes = [...new Set(topology.servers.map((s) => s.deviceType))].sort();
  const manufacturers = new Map<string, string>();
  const typeManufacturer = new Map<string, string>();
  for (const slug of switchTypes) typeManufacturer.set(slug, model.catalog.switchTypes.get(slug)!.manufacturer);
  for (const slug of serverTypes) typeManufacturer.set(slug, model.catalog.serverTypes.get(slug)?.manufacturer ?? 'Generic');
  for (const name of typeManufacturer.values()) manufacturers.set(slugify(name), name);
  for (const [slug, name] of [...manufacturers].sort()) add('dcim.manufacturer', slug, { name, slug, tags }, [tagAddr]);

  const roles = new Set(['server', ...topology.switches.map((s) => (s.fabricClass === 'unmanaged' ? 'oob' : deviceCategoryOf(s.role)))]);
  for (const role of [...roles].sort()) add('dcim.device_role', role, { name: role[0].toUpperCase() + role.slice(1), slug: role, color: ROLE_COLORS[role] ?? '9e9e9e', tags }, [tagAddr]);

  const templateNames = new Map<string, Set<string>>();
  for (const slug of [...switchTypes, ...serverTypes]) {
    const t = model.catalog.switchTypes.get(slug) ?? model.catalog.serverTypes.get(slug)!;
    const mfr = slugify(t.manufacturer);
    add('dcim.device_type', slug, { manufacturer: mfr, model: t.model, slug, u_height: t.uHeight, tags }, [addr('dcim.manufacturer', mfr), tagAddr]);
    const templates = model.catalog.switchTypes.get(slug)?.interfaces ?? [];
    templateNames.set(slug, new Set(templates.map((i) => i.name)));
    for (const i of templates) add('dcim.interface_template', `${slug}:${i.name}`, { device_type: slug, name: i.name, type: i.type }, [addr('dcim.device_type', slug)]);
  }

  const classOrigin = new Map([...model.switchClasses, ...model.serverClasses].map((c) => [c.id, c.origin]));
  const deviceType = new Map<string, string>();
  for (const s of topology.switches) {
    deviceType.set(s.name, s.deviceType);
    const role = s.fabricClass === 'unmanaged' ? 'oob' : deviceCategoryOf(s.role);
    add('dcim.device', s.name, { name: s.name, device_type: s.deviceType, role, site: model.site.slug, status: 'planned', description: `${s.fabric}/${s.classId}`, tags },
      [addr('dcim.device_type', s.deviceType), addr('dcim.device_role', role), addr('dcim.site', model.site.slug), tagAddr], classOrigin.get(s.classId));
  }
  for (const s of topology.servers) {
    deviceType.set(s.name, s.deviceType);
    add('dcim.device', s.name, { name: s.name, device_type: s.deviceType, role: 'server', site: model.site.slug, status: 'planned', description: s.classId, tags },
      [addr('dcim.device_type', s.deviceType), addr('dcim.device_role', 'server'), addr('dcim.site', model.site.slug), tagAddr], classOrigin.get(s.classId));
  }

  for (const i of topology.switchInterfaces) {
    // Interfaces NetBox instantiates from the device type's templates are updated, not created.
    const fromTemplate = templateNames.get(deviceType.get(i.device)!)?.has(i.name) ?? false;
    const attrs: Attrs = fromTemplate
      ? { device: i.device, name: i.name, description: i.zone, tags }
      : { device: i.device, name: i.name, type: speedToInterfaceType(i.speed), description: i.zone, tags };
    add('dcim.interface', `${i.device}:${i.name}`, attrs, [addr('dcim.device', i.device), tagAddr]);
  }
  for (const i of topology.serverInterfaces) {
    add('dcim.interface', `${i.device}:${i.name}`, { device: i.device, name: i.name, type: i.type, description: `NIC ${i.nic}`, tags }, [addr('dcim.device', i.device), tagAddr]);
  }

  for (const c of topology.cables) {
    const a = `${c.a.device}:${c.a.port}`;
    const b = `${c.b.device}:${c.b.port}`;
    add('dcim.cable', `${a}--${b}`, { a_terminations: [{ device: c.a.device, interface: c.a.port }], b_terminations: [{ device: c.b.device, interface: c.b.port }], status: 'planned', label: c.kind, tags },
      [addr('dcim.interface', a), addr('dcim.interface', b), tagAddr], c.origin);
  }
  return out;
}
