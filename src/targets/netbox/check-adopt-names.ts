import type { Diagnostic } from '../../diag/diagnostic.js';
import type { AdoptKind, NetboxAdoption } from '../../model/fabric-model.js';
import type { DesiredResource } from '../../resource/resource.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../../validate/diagnostic-codes.js';
import { didYouMean } from '../../validate/suggest-name.js';
import { ADOPT_KIND_TYPES } from './adoption-coverage.js';

/**
 * A warning per adopt entry that names no object the spec wants (a typo would otherwise
 * leave a collision refused with no hint why the adopt setting did not apply). Runs after
 * planning: device names exist only then.
 */
export function checkAdoptNames(adoption: NetboxAdoption | undefined, desired: readonly DesiredResource[]): Diagnostic[] {
  if (!adoption) return [];
  const out: Diagnostic[] = [];
  for (const [kind, selection] of Object.entries(adoption.kinds) as [AdoptKind, NetboxAdoption['kinds'][AdoptKind]][]) {
    if (selection === undefined || selection === 'all') continue;
    const keys = new Set(desired.filter((d) => d.type === ADOPT_KIND_TYPES[kind]).map((d) => d.key));
    for (const name of selection) {
      if (keys.has(name)) continue;
      out.push(createDiagnostic(RULE_CODES.adoptUnknown, `adopt.netbox.${kind}: the spec wants no ${kind === 'devices' ? 'device named' : 'object with slug'} '${name}'`, adoption.origins[kind], didYouMean(name, keys)));
    }
  }
  return out;
}
