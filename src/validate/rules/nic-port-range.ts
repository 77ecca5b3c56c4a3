/** A connection uses NIC ports portIndex … portIndex+ports-1; the NIC type must have them. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { connectionLabel } from '../entry-labels.js';
import { keyRangeOf, rangeOf, type RuleContext } from '../rule-context.js';

export function checkNicPortRange(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const connection of ctx.connections) {
    const nic = (connection.serverClass.value.nics ?? []).find((n) => n.id === connection.value.nic);
    const nicType = nic && ctx.catalog.nicTypes.get(nic.type);
    if (!nicType) continue;
    const available = nicType.ports.length;
    const index = connection.value.portIndex ?? 0;
    const wanted = connection.value.ports;
    const label = connectionLabel(connection);
    if (index >= available) {
      const summary = `${label}: port index ${index} exceeds the ports (0-${available - 1}) of NIC type '${nicType.slug}'`;
      out.push(createDiagnostic(RULE_CODES.nicPorts, summary, keyRangeOf(connection, 'portIndex')));
    } else if (index + wanted > available) {
      const summary = `${label}: requests ${wanted} ports starting at index ${index}, but NIC type '${nicType.slug}' has only ${available - index} from there`;
      out.push(createDiagnostic(RULE_CODES.nicPorts, summary, rangeOf(connection, 'ports')));
    }
  }
  return out;
}
