import type { Diagnostic } from '../diag/diagnostic.js';
import type { FabricModel } from '../model/fabric-model.js';
import { planTopology } from '../planner/plan-topology.js';
import { summarizeTopology, type Topology, type TopologySummary } from '../planner/topology.js';
import type { DesiredResource } from '../resource/resource.js';
import { desiredKubernetesResources } from '../targets/kubernetes/desired.js';
import { checkAdoptNames } from '../targets/netbox/check-adopt-names.js';
import { desiredNetboxResources } from '../targets/netbox/desired.js';

export interface Expansion {
  readonly topology?: Topology;
  readonly summary?: TopologySummary;
  readonly desired: readonly DesiredResource[];
  readonly diagnostics: readonly Diagnostic[];
}

/** FabricModel → topology → the desired objects of both targets (and a check of adopt names against them). */
export function expandModel(model: FabricModel): Expansion {
  const { topology, diagnostics } = planTopology(model);
  if (!topology) return { desired: [], diagnostics };
  const quantities = new Map(model.serverClasses.map((c) => [c.id, c.quantity]));
  const netbox = desiredNetboxResources(model, topology);
  return {
    topology,
    summary: summarizeTopology(topology, quantities),
    desired: [...netbox, ...desiredKubernetesResources(model, topology)],
    diagnostics: [...diagnostics, ...checkAdoptNames(model.adopt, netbox)],
  };
}
