import { isAttrObject } from '../plan/attr-object.js';
import type { ObservedResource } from '../resource/resource.js';
import { fabricOf } from './create-live-targets.js';
import { CLUSTER_LABEL, FABRIC_LABEL } from './kubernetes/desired.js';
import { ownershipTagSlug } from './netbox/netbox-types.js';

/**
 * Whether a recorded object carried the cluster's ownership marker when it was read, judged
 * from its recorded attributes the way the targets judge live objects: in NetBox the ownership
 * tag (the tag object itself is diet's; interface templates are read only for device types
 * diet owns), in Kubernetes diet's cluster and fabric labels. A `manual` snapshot also
 * records objects diet did not own; a restore must leave those alone.
 */
export function recordedAsOwned(r: ObservedResource, cluster: string): boolean {
  if (r.target === 'netbox') {
    const tag = ownershipTagSlug(cluster);
    if (r.type === 'extras.tag') return r.key === tag;
    if (r.type === 'dcim.interface_template') return true;
    return Array.isArray(r.attrs.tags) && r.attrs.tags.includes(tag);
  }
  const metadata = r.attrs.metadata;
  const labels = isAttrObject(metadata) && isAttrObject(metadata.labels) ? metadata.labels : {};
  return labels[CLUSTER_LABEL] === cluster && labels[FABRIC_LABEL] === fabricOf(r.address);
}
