/** Zone port specs follow the grammar of DOMAIN §3.1 (see model/port-spec.ts). */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { parseZonePorts, portSpecText } from '../zone-ports.js';

export function checkPortSpecs(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const zone of ctx.zones) {
    const result = parseZonePorts(zone.value);
    if (!('error' in result)) continue;
    const summary = `${zoneLabel(zone)}: ports '${portSpecText(zone.value)}': ${result.error}`;
    out.push(createDiagnostic(RULE_CODES.portSpec, summary, rangeOf(zone, 'ports')));
  }
  return out;
}
