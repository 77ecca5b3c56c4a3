import type { Topology } from '../planner/topology.js';

const COLUMNS = ['cable', 'kind', 'zone', 'speed_gbps', 'a_device', 'a_interface', 'a_role', 'b_device', 'b_interface', 'b_role'] as const;

/** RFC 4180 quoting: only when a field needs it. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The cable plan: one row per cable in planning order, numbered from 1, with the
 * switch-side zone and each end's role (server, leaf, spine, border, oob).
 */
export function renderCablingCsv(topology: Topology): string {
  const roles = new Map<string, string>();
  for (const s of topology.servers) roles.set(s.name, 'server');
  for (const s of topology.switches) roles.set(s.name, s.fabricClass === 'unmanaged' ? 'oob' : s.role === 'spine' ? 'spine' : s.role === 'border-leaf' ? 'border' : 'leaf');
  const zones = new Map(topology.switchInterfaces.map((i) => [`${i.device}\u0000${i.name}`, i.zone]));
  const rows = topology.cables.map((c, i) => [
    i + 1,
    c.kind,
    zones.get(`${c.b.device}\u0000${c.b.port}`) ?? '',
    c.speed,
    c.a.device,
    c.a.port,
    roles.get(c.a.device) ?? '',
    c.b.device,
    c.b.port,
    roles.get(c.b.device) ?? '',
  ]);
  return [COLUMNS.join(','), ...rows.map((r) => r.map(csvField).join(','))].join('\n') + '\n';
}
