/**
 * Alternating bundled, mclag and eslag connections spread one server's ports over a
 * redundancy group, so the target switch class needs one (DOMAIN §7.1). Unbundled
 * alternating connections are fine without.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { connectionLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { lookupZone } from '../zone-ref.js';

export function checkBundledRedundancy(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const connection of ctx.connections) {
    const type = connection.value.type ?? 'unbundled';
    if (connection.value.distribution !== 'alternating' || type === 'unbundled') continue;
    const lookup = lookupZone(ctx, connection.value.target);
    if (!('found' in lookup)) continue;
    const switchClass = lookup.found.switchClass;
    if (switchClass.value.redundancy !== undefined) continue;
    const summary = `${connectionLabel(connection)}: distribution alternating with a ${type} connection requires switch class '${switchClass.value.id}' to have redundancy`;
    out.push(createDiagnostic(RULE_CODES.bundledNeedsRedundancy, summary, rangeOf(connection, 'type')));
  }
  return out;
}
