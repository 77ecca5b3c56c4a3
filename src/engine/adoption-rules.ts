import type { FabricModel } from '../model/fabric-model.js';
import type { AdoptionRules } from '../plan/diff-with-adoption.js';
import type { ObservedResource } from '../resource/resource.js';
import { adoptionCovers, SHARED_CATALOG_TYPES } from '../targets/netbox/adoption-coverage.js';
import { ownershipTagSlug } from '../targets/netbox/netbox-types.js';

/**
 * What a plan knows about adoption: what the spec allows to be adopted, and which objects
 * state records as adopted earlier (from the latest applied snapshot). State is the record:
 * an adopted object looks like any other tagged object in NetBox. Catalog objects of other diet
 * clusters are joinable without being listed.
 */
export function adoptionRules(model: FabricModel, recorded: readonly ObservedResource[] | undefined): AdoptionRules {
  return {
    ...(model.adopt ? { covers: adoptionCovers(model.adopt) } : {}),
    adopted: new Set((recorded ?? []).filter((r) => r.adopted).map((r) => r.address)),
    ownershipTag: ownershipTagSlug(model.name),
    joinable: (type) => SHARED_CATALOG_TYPES.has(type),
  };
}
