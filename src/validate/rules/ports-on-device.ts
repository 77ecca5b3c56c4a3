/**
 * Zone ports exist on the switch: data ports of the Hedgehog profile when the type has
 * one, else `E1/<n>` interface templates. Types that list neither are not checked.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import type { SwitchDeviceType } from '../../model/catalog-types.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { describePorts, formatPorts } from '../format-ports.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { zonePorts } from '../zone-ports.js';

const DATA_PORT_NAME = /^E1\/(\d+)$/;

/** Physical data port numbers of a switch type; empty when the type does not say. */
export function dataPortsOf(type: SwitchDeviceType): ReadonlySet<number> {
  if (type.ports.length > 0) return new Set(type.ports.map((port) => port.port));
  const ports = new Set<number>();
  for (const iface of type.interfaces) {
    const match = DATA_PORT_NAME.exec(iface.name);
    if (match) ports.add(Number(match[1]));
  }
  return ports;
}

export function checkPortsOnDevice(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const zone of ctx.zones) {
    const type = ctx.catalog.switchTypes.get(zone.switchClass.value.deviceType);
    const ports = zonePorts(zone.value);
    if (!type || !ports) continue;
    const available = dataPortsOf(type);
    if (available.size === 0) continue;
    const missing = ports.filter((port) => !available.has(port));
    if (missing.length === 0) continue;
    const summary = `${zoneLabel(zone)}: ${describePorts(missing)} not on ${type.slug}`;
    const hint = `${type.slug} has data ports ${formatPorts([...available])}`;
    out.push(createDiagnostic(RULE_CODES.portNotOnDevice, summary, rangeOf(zone, 'ports'), hint));
  }
  return out;
}
