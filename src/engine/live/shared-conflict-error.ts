import { TargetError } from '../../diag/errors.js';
import type { SharedConflict } from '../../plan/diff-with-adoption.js';
import { otherClusters } from './collision-error.js';

/**
 * The refusal when the spec wants an object that another diet cluster owns, but not as it is:
 * sharing it would mean changing it under that cluster, whose next apply would change it back.
 */
export function sharedConflictError(conflicts: readonly SharedConflict[]): TargetError {
  const [first] = conflicts;
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more: ${conflicts.slice(1, 4).map((c) => c.address).join(', ')}${conflicts.length > 4 ? ', …' : ''})` : '';
  return new TargetError(
    `${first.address} belongs to ${otherClusters(first.sharedWith)} and differs from this spec in ${differences(first)}${more}; diet shares it only as it is`,
    'make the specs agree on it (or give this cluster its own slug), then plan again (see docs/netbox.md, "Clusters sharing one NetBox")',
  );
}

/** One warning line per conflict, for `diet diff`. */
export function sharedConflictLines(conflicts: readonly SharedConflict[]): string[] {
  return conflicts.map((c) => `! ${c.address} belongs to ${otherClusters(c.sharedWith)} and differs in ${differences(c)}; apply would refuse to share it`);
}

function differences(c: SharedConflict): string {
  const shown = c.differences.slice(0, 3).join(', ');
  return c.differences.length > 3 ? `${shown} and ${c.differences.length - 3} more` : shown;
}
