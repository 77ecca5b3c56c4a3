/**
 * A fixed quantity must form valid redundancy groups: MCLAG pairs (even, at least 2),
 * ESLAG groups of 2 to 4 (DOMAIN §7.1). Calculated quantities are the planner's to round.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { switchClassLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';

/** What is wrong with `n` switches in a group of `type`, or undefined. */
export function redundancyQuantityProblem(type: 'mclag' | 'eslag', n: number): string | undefined {
  if (type === 'mclag') {
    if (n < 2) return `MCLAG requires at least 2 switches, got ${n}`;
    if (n % 2 !== 0) return `MCLAG requires an even number of switches, got ${n}`;
    return undefined;
  }
  if (n < 2) return `ESLAG requires at least 2 switches, got ${n}`;
  if (n > 4) return `ESLAG supports at most 4 switches per group, got ${n}`;
  return undefined;
}

export function checkRedundancyQuantity(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const switchClass of ctx.switchClasses) {
    const { redundancy, quantity } = switchClass.value;
    if (!redundancy || quantity === undefined) continue;
    const problem = redundancyQuantityProblem(redundancy.type, quantity);
    if (problem) out.push(createDiagnostic(RULE_CODES.redundancyQuantity, `${switchClassLabel(switchClass)}: ${problem}`, rangeOf(switchClass, 'quantity')));
  }
  return out;
}
