/**
 * ESLAG and MCLAG need switch support: Hedgehog rejects a redundancy group on a profile
 * without the feature (HEDGEHOG §8.2; e.g. the DS5000 has neither).
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { switchClassLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';

export function checkRedundancyCapability(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const switchClass of ctx.switchClasses) {
    const redundancy = switchClass.value.redundancy;
    const type = ctx.catalog.switchTypes.get(switchClass.value.deviceType);
    if (!redundancy || !type) continue;
    const capable = redundancy.type === 'eslag' ? type.eslagCapable : type.mclagCapable;
    if (capable) continue;
    const summary = `${switchClassLabel(switchClass)}: switch type ${type.slug} does not support ${redundancy.type.toUpperCase()}`;
    out.push(createDiagnostic(RULE_CODES.redundancyCapability, summary, rangeOf(switchClass, 'redundancy', 'type')));
  }
  return out;
}
