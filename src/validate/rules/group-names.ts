/**
 * Switch groups become Hedgehog SwitchGroup objects and label keys on each Switch, so
 * their names must be DNS-1123 labels of at most 63 characters (HEDGEHOG §2.1).
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { switchClassLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_LABEL = 63;

export function isDnsLabel(name: string): boolean {
  return name.length <= MAX_LABEL && DNS_LABEL.test(name);
}

export function checkGroupNames(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const switchClass of ctx.switchClasses) {
    const { redundancy, groups } = switchClass.value;
    const named: [string, (string | number)[]][] = [
      ...(redundancy ? [[redundancy.group, ['redundancy', 'group']] as [string, (string | number)[]]] : []),
      ...(groups ?? []).map((group, i) => [group, ['groups', i]] as [string, (string | number)[]]),
    ];
    for (const [name, path] of named) {
      if (isDnsLabel(name)) continue;
      const why = name.length > MAX_LABEL ? `is longer than ${MAX_LABEL} characters` : 'is not a DNS-1123 label';
      out.push(createDiagnostic(RULE_CODES.groupName, `${switchClassLabel(switchClass)}: group '${name}' ${why}`, rangeOf(switchClass, ...path)));
    }
  }
  return out;
}
