/** Connection targets and zone peers name an existing `<switchClass>/<zone>`. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { REFERENCE_CODES } from '../diagnostic-codes.js';
import { connectionLabel, zoneLabel } from '../entry-labels.js';
import { rangeOf, type Located, type RuleContext } from '../rule-context.js';
import { didYouMean } from '../suggest-name.js';
import { lookupZone } from '../zone-ref.js';

export function checkZoneReferences(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (owner: string, ref: string, at: Located<unknown>, field: string) => {
    const result = lookupZone(ctx, ref);
    if ('found' in result) return;
    const [summary, hint] =
      'missingClass' in result
        ? [`${owner}: '${ref}' names no switch class '${result.missingClass}'`, didYouMean(result.missingClass, result.classes)]
        : [
            `${owner}: switch class '${result.switchClass.value.id}' has no zone '${result.missingZone}'`,
            didYouMean(result.missingZone, result.zones) ?? (result.zones.length > 0 ? `its zones: ${result.zones.join(', ')}` : undefined),
          ];
    out.push(createDiagnostic(REFERENCE_CODES.unknownZone, summary, rangeOf(at, field), hint));
  };
  for (const connection of ctx.connections) {
    check(connectionLabel(connection), connection.value.target, connection, 'target');
  }
  for (const zone of ctx.zones) {
    if (zone.value.peer === undefined) continue;
    check(`peer of ${zoneLabel(zone)}`, zone.value.peer, zone, 'peer');
  }
  return out;
}
