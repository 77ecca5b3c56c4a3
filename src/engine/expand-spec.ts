import { hasErrors } from '../diag/diagnostic.js';
import { SpecError } from '../diag/errors.js';
import type { FabricModel } from '../model/fabric-model.js';
import type { Topology, TopologySummary } from '../planner/topology.js';
import type { DesiredResource } from '../resource/resource.js';
import type { Diagnostic } from '../diag/diagnostic.js';
import { expandModel } from './expand-model.js';
import { loadModel } from './load-model.js';

export interface ExpandedSpec {
  readonly model: FabricModel;
  readonly topology: Topology;
  readonly summary: TopologySummary;
  readonly desired: readonly DesiredResource[];
  readonly specDigest: string;
  /** Warnings and notes; errors are thrown as SpecError. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Files → validated model → topology and desired objects; any error throws SpecError. */
export async function expandSpec(paths: readonly string[]): Promise<ExpandedSpec> {
  const loaded = await loadModel(paths);
  if (!loaded.model || hasErrors(loaded.diagnostics)) throw new SpecError(loaded.diagnostics);
  const expansion = expandModel(loaded.model);
  const diagnostics = [...loaded.diagnostics, ...expansion.diagnostics];
  if (!expansion.topology || !expansion.summary || hasErrors(expansion.diagnostics)) throw new SpecError(diagnostics);
  return { model: loaded.model, topology: expansion.topology, summary: expansion.summary, desired: expansion.desired, specDigest: loaded.specDigest, diagnostics };
}
