/**
 * Mesh fabrics connect 2 or 3 switches directly: no spines, and a fixed quantity, when
 * given, is 2 or 3 (DOMAIN §7.1). The fabric-wide total needs calculated counts and is
 * the planner's check.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { switchClassLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';

export function checkMeshTopology(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const switchClass of ctx.switchClasses) {
    if (switchClass.fabric.value.spec.topology !== 'mesh') continue;
    const fabric = switchClass.fabric.value.metadata.name;
    const { quantity, role } = switchClass.value;
    if (role === 'spine') {
      const summary = `${switchClassLabel(switchClass)} is a spine, but fabric '${fabric}' uses mesh topology`;
      out.push(createDiagnostic(RULE_CODES.meshWithSpine, summary, rangeOf(switchClass, 'role')));
    }
    if (quantity !== undefined && quantity !== 2 && quantity !== 3) {
      const summary = `${switchClassLabel(switchClass)}: mesh topology requires quantity 2 or 3 (the switches of the mesh), got ${quantity}`;
      out.push(createDiagnostic(RULE_CODES.meshQuantity, summary, rangeOf(switchClass, 'quantity')));
    }
  }
  return out;
}
