import type { ResourceTypeSchema } from '../../resource/resource-type-schema.js';
import { KIND_ORDER, kindRank } from './kube-object.js';
import { applyWebhookDefaults } from './webhook-defaults.js';

/** Kubernetes objects are applied after NetBox's, so their ranks start above them. */
export const KUBERNETES_ORDER_BASE = 100;

const GROUP_OF: Readonly<Record<string, string>> = { IPv4Namespace: 'vpc.githedgehog.com' };

/**
 * A Connection's type is the one key its `spec` holds, and it cannot change in place (the
 * webhook forbids it): the diff plans such a change as a replace, which the live target
 * applies as delete + create. Both sides of a diff get Hedgehog's webhook defaults
 * (webhook-defaults.ts).
 */
export const KUBERNETES_SCHEMAS: ReadonlyMap<string, ResourceTypeSchema> = new Map(
  KIND_ORDER.map((kind) => {
    const type = `${GROUP_OF[kind] ?? 'wiring.githedgehog.com'}/${kind}`;
    return [type, { target: 'kubernetes', type, order: KUBERNETES_ORDER_BASE + kindRank(kind), ownedAttrs: ['apiVersion', 'kind', 'metadata', 'spec'], immutableAttrs: [], ...(kind === 'Connection' ? { immutableUnions: ['spec'] } : {}), normalize: applyWebhookDefaults }];
  }),
);
