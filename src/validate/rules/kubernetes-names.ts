/**
 * Class ids become device names (`<id>-NN` switches, `<id>-NNN` servers, numbers
 * widening past 99/999), and device names become Kubernetes object names and label
 * values: lower-case DNS labels of at most 63 characters (HEDGEHOG §2.1). Checked for
 * the default naming only; custom naming templates are rendered by the planner.
 */
import { formatRange, type Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { rangeOf, type Located, type RuleContext } from '../rule-context.js';

const MAX_NAME = 63;

/** The id as a DNS label part: lower case, anything but [a-z0-9-] becomes '-'. */
export function sanitizeNamePart(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Longest device name of a class: `<id>-<index>`, index padded to `digits`. */
export function longestDeviceName(id: string, count: number | undefined, digits: number): string {
  const index = String(Math.max(count ?? 1, 1)).padStart(digits, '0');
  return `${sanitizeNamePart(id)}-${index}`;
}

export function checkKubernetesNames(ctx: RuleContext): Diagnostic[] {
  const naming = ctx.clusters[0]?.value.spec.naming ?? {};
  const out: Diagnostic[] = [];
  const check = <T extends { id: string }>(entries: readonly Located<T>[], kind: string, count: (v: T) => number | undefined, digits: number) => {
    const bySanitized = new Map<string, Located<T>>();
    for (const entry of entries) {
      const id = entry.value.id;
      const name = longestDeviceName(id, count(entry.value), digits);
      if (name.length > MAX_NAME) {
        const summary = `${kind} '${id}' gives device names like '${name}' (${name.length} characters, more than ${MAX_NAME})`;
        out.push(createDiagnostic(RULE_CODES.nameTooLong, summary, rangeOf(entry, 'id')));
      }
      const key = sanitizeNamePart(id);
      const earlier = bySanitized.get(key);
      if (earlier && earlier.value.id !== id) {
        const summary = `${kind} '${id}' and '${earlier.value.id}' (at ${formatRange(rangeOf(earlier, 'id'))}) both name their devices '${key}-…'`;
        out.push(createDiagnostic(RULE_CODES.nameCollision, summary, rangeOf(entry, 'id')));
      } else if (!earlier) {
        bySanitized.set(key, entry);
      }
    }
  };
  const switchTemplates = naming.leaf ?? naming.spine ?? naming.oob ?? naming.border;
  if (switchTemplates === undefined) check(ctx.switchClasses, 'switch class', (v) => v.quantity, 2);
  if (naming.server === undefined) check(ctx.serverClasses, 'server class', (v) => v.quantity, 3);
  return out;
}
