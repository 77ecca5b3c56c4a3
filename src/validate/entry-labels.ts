/** How messages name the things they are about, the same way in every rule. */
import type { ConnectionEntry, SwitchClassEntry, ZoneEntry } from './rule-context.js';

export function zoneLabel(zone: ZoneEntry): string {
  return `zone '${zone.value.name}' of switch class '${zone.switchClass.value.id}'`;
}

export function connectionLabel(connection: ConnectionEntry): string {
  return `connection '${connection.value.id}' of server class '${connection.serverClass.value.id}'`;
}

export function switchClassLabel(switchClass: SwitchClassEntry): string {
  return `switch class '${switchClass.value.id}'`;
}
