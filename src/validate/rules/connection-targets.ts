/**
 * Servers attach to server and oob zones; IPMI (BMC) ports go to oob zones and only they
 * do (DOMAIN §7.1). One finding per connection, in the reference planner's order.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { connectionLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { lookupZone } from '../zone-ref.js';

export function checkConnectionTargets(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const connection of ctx.connections) {
    const lookup = lookupZone(ctx, connection.value.target);
    if (!('found' in lookup)) continue;
    const zoneType = lookup.found.value.type;
    const target = `'${connection.value.target}' is a ${zoneType} zone`;
    const at = rangeOf(connection, 'target');
    const label = connectionLabel(connection);
    if (connection.value.portType === 'ipmi' && zoneType !== 'oob') {
      out.push(createDiagnostic(RULE_CODES.ipmiTarget, `${label}: IPMI connections must target an oob zone; ${target}`, at));
    } else if (connection.value.portType !== 'ipmi' && zoneType === 'oob') {
      out.push(createDiagnostic(RULE_CODES.oobTarget, `${label}: non-IPMI connections cannot target an oob zone; ${target}`, at));
    } else if (zoneType !== 'server' && zoneType !== 'oob') {
      out.push(createDiagnostic(RULE_CODES.targetZoneType, `${label}: connections cannot target a ${zoneType} zone, only server or oob zones`, at));
    }
  }
  return out;
}
