/**
 * Normalizes a validated spec into the FabricModel the planner works on. Only called
 * when validation found no errors, so references resolve and exactly one Cluster exists.
 */
import { ADOPT_KINDS, type FabricModel, type NetboxAdoption } from '../model/fabric-model.js';
import { buildServerClass } from './model-server-classes.js';
import { buildFabric, buildSwitchClass } from './model-switch-classes.js';
import { omitUndefined } from './omit-undefined.js';
import { rangeOf, type RuleContext } from './rule-context.js';

export const DEFAULT_SITE = { name: 'Hedgehog', slug: 'hedgehog' } as const;

export function buildModel(ctx: RuleContext): FabricModel {
  const cluster = ctx.clusters[0];
  if (!cluster || ctx.clusters.length !== 1) throw new Error('buildModel needs exactly one Cluster document');
  const spec = cluster.value.spec;
  return omitUndefined({
    name: cluster.value.metadata.name,
    description: spec.description,
    site: spec.site ? { name: spec.site.name, slug: spec.site.slug } : { ...DEFAULT_SITE },
    naming: { ...(spec.naming ?? {}) },
    options: { ...ctx.options },
    fabrics: ctx.fabrics.map(buildFabric),
    switchClasses: ctx.switchClasses.map((entry) =>
      buildSwitchClass(entry, ctx.zones.filter((zone) => zone.switchClass === entry)),
    ),
    serverClasses: ctx.serverClasses.map(buildServerClass),
    catalog: ctx.catalog,
    adopt: buildAdoption(ctx),
    origin: rangeOf(cluster, 'metadata', 'name'),
  });
}

function buildAdoption(ctx: RuleContext): NetboxAdoption | undefined {
  const cluster = ctx.clusters[0];
  const netbox = cluster.value.spec.adopt?.netbox;
  if (!netbox) return undefined;
  const kinds: Record<string, NetboxAdoption['kinds'][keyof NetboxAdoption['kinds']]> = {};
  const origins: Record<string, ReturnType<typeof rangeOf>> = {};
  for (const kind of ADOPT_KINDS) {
    const selection = netbox[kind];
    if (selection === undefined) continue;
    kinds[kind] = selection === 'all' ? 'all' : [...selection];
    origins[kind] = rangeOf(cluster, 'spec', 'adopt', 'netbox', kind);
  }
  return { kinds, origins };
}
