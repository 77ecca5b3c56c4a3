/** Rail-optimized connections say which rail they are; others have no use for a rail. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { connectionLabel } from '../entry-labels.js';
import { keyRangeOf, rangeOf, type RuleContext } from '../rule-context.js';

export function checkRails(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const connection of ctx.connections) {
    const { distribution, rail } = connection.value;
    if (distribution === 'rail-optimized' && rail === undefined) {
      const summary = `${connectionLabel(connection)}: rail is required when distribution is rail-optimized`;
      out.push(createDiagnostic(RULE_CODES.railMissing, summary, rangeOf(connection, 'distribution')));
    } else if (distribution !== 'rail-optimized' && rail !== undefined) {
      const summary = `${connectionLabel(connection)}: rail ${rail} is ignored without distribution: rail-optimized`;
      out.push(createDiagnostic(RULE_CODES.railIgnored, summary, keyRangeOf(connection, 'rail')));
    }
  }
  return out;
}
