/**
 * The `custom` strategy allocates ports in the zone's `order`, which must be a
 * permutation of the zone's ports (DOMAIN §7.1); an order without `custom` is ignored.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { describePorts } from '../format-ports.js';
import { keyRangeOf, rangeOf, type RuleContext } from '../rule-context.js';
import { zonePorts } from '../zone-ports.js';

/** Why `order` is not a permutation of `ports`, or undefined when it is. */
export function orderProblem(ports: readonly number[], order: readonly number[]): string | undefined {
  if (order.length !== ports.length) {
    return `order must match port count: the zone has ${ports.length} ports, order lists ${order.length}`;
  }
  const seen = new Set<number>();
  const repeated = order.filter((port) => (seen.has(port) ? true : (seen.add(port), false)));
  if (repeated.length > 0) return `order cannot contain duplicates: ${describePorts(repeated)} repeated`;
  const portSet = new Set(ports);
  const extra = order.filter((port) => !portSet.has(port));
  const missing = ports.filter((port) => !seen.has(port));
  if (extra.length > 0 || missing.length > 0) {
    const parts = [extra.length > 0 ? `${describePorts(extra)} not in the zone` : '', missing.length > 0 ? `${describePorts(missing)} missing` : ''];
    return `order must match port set: ${parts.filter(Boolean).join('; ')}`;
  }
  return undefined;
}

export function checkCustomOrder(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const zone of ctx.zones) {
    const { strategy, order } = zone.value;
    if (strategy !== 'custom') {
      if (order !== undefined) {
        const summary = `${zoneLabel(zone)} has an order but strategy ${strategy ?? 'sequential'}; the order is ignored`;
        out.push(createDiagnostic(RULE_CODES.orderIgnored, summary, keyRangeOf(zone, 'order')));
      }
      continue;
    }
    if (order === undefined) {
      out.push(createDiagnostic(RULE_CODES.customOrder, `${zoneLabel(zone)}: custom strategy requires an order`, rangeOf(zone, 'strategy')));
      continue;
    }
    const ports = zonePorts(zone.value);
    const problem = ports && orderProblem(ports, order);
    if (problem) out.push(createDiagnostic(RULE_CODES.customOrder, `${zoneLabel(zone)}: ${problem}`, rangeOf(zone, 'order')));
  }
  return out;
}
