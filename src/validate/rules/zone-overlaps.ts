/**
 * Zones of one switch class should not share ports. The reference planner allows it
 * (its 128-GPU case overlaps on one port), so this is a warning unless the cluster asks
 * for `planner.zoneOverlap: error`.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { describePorts } from '../format-ports.js';
import { rangeOf, type RuleContext, type ZoneEntry } from '../rule-context.js';
import { zonePorts } from '../zone-ports.js';

export function checkZoneOverlaps(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const severity = ctx.options.zoneOverlap === 'error' ? 'error' : 'warning';
  const byClass = new Map<unknown, { zone: ZoneEntry; ports: ReadonlySet<number> }[]>();
  for (const zone of ctx.zones) {
    const ports = zonePorts(zone.value);
    if (!ports) continue;
    const list = byClass.get(zone.switchClass) ?? [];
    list.push({ zone, ports: new Set(ports) });
    byClass.set(zone.switchClass, list);
  }
  for (const zones of byClass.values()) {
    zones.forEach((later, j) => {
      for (const earlier of zones.slice(0, j)) {
        const shared = [...later.ports].filter((port) => earlier.ports.has(port));
        if (shared.length === 0) continue;
        const summary = `${zoneLabel(later.zone)} shares ${describePorts(shared)} with zone '${earlier.zone.value.name}'`;
        const diagnostic = createDiagnostic(RULE_CODES.zoneOverlap, summary, rangeOf(later.zone, 'ports'));
        out.push({ ...diagnostic, severity });
      }
    });
  }
  return out;
}
