/** A spec set is exactly one Cluster and at least one Fabric, each fabric named once. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { formatRange } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { REFERENCE_CODES } from '../diagnostic-codes.js';
import { rangeOf, type RuleContext } from '../rule-context.js';

export function checkDocumentCounts(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (ctx.clusters.length === 0) {
    out.push(createDiagnostic(REFERENCE_CODES.clusterCount, 'the spec has no Cluster document'));
  }
  const [first, ...extra] = ctx.clusters;
  for (const cluster of extra) {
    const summary = `a second Cluster document '${cluster.value.metadata.name}'; the spec already has '${first.value.metadata.name}' at ${formatRange(rangeOf(first))}`;
    out.push(createDiagnostic(REFERENCE_CODES.clusterCount, summary, rangeOf(cluster)));
  }
  if (ctx.fabrics.length === 0) {
    out.push(createDiagnostic(REFERENCE_CODES.fabricCount, 'the spec has no Fabric document'));
  }
  const seen = new Map<string, string>();
  for (const fabric of ctx.fabrics) {
    const name = fabric.value.metadata.name;
    const firstAt = seen.get(name);
    if (firstAt) {
      const summary = `fabric '${name}' is defined twice (first at ${firstAt})`;
      out.push(createDiagnostic(REFERENCE_CODES.duplicateFabric, summary, rangeOf(fabric, 'metadata', 'name')));
    } else {
      seen.set(name, formatRange(rangeOf(fabric, 'metadata', 'name')));
    }
  }
  return out;
}
