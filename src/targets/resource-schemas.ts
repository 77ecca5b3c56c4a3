import type { ResourceTypeSchema } from '../resource/resource-type-schema.js';
import { KUBERNETES_SCHEMAS } from './kubernetes/schema.js';
import { NETBOX_SCHEMAS } from './netbox/schema.js';

/** One lookup over both targets' type schemas, for the pure diff. */
export function resourceSchema(type: string): ResourceTypeSchema | undefined {
  return NETBOX_SCHEMAS.get(type) ?? KUBERNETES_SCHEMAS.get(type);
}

/** Creation rank across targets: NetBox first, then Kubernetes, each in its own order. */
export function resourceTypeOrder(type: string): number {
  return resourceSchema(type)?.order ?? 1000;
}
