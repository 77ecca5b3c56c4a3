/** Zone breakouts name breakout ids the catalog knows (compared in lower case). */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { REFERENCE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { didYouMean } from '../suggest-name.js';

export function checkBreakoutReferences(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const breakouts = ctx.catalog.breakouts;
  for (const zone of ctx.zones) {
    const id = zone.value.breakout;
    if (id === undefined || breakouts.has(id.toLowerCase())) continue;
    const summary = `${zoneLabel(zone)}: unknown breakout '${id}'`;
    out.push(createDiagnostic(REFERENCE_CODES.unknownBreakout, summary, rangeOf(zone, 'breakout'), didYouMean(id, breakouts.keys())));
  }
  return out;
}
