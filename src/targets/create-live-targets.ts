import type { TargetConfig } from '../config/target-config.js';
import { ConfigError } from '../diag/errors.js';
import { parseAddress } from '../resource/address.js';
import { createKubernetesTarget, type KubernetesTargetOptions } from './kubernetes/live/create-kubernetes-target.js';
import type { LiveTarget } from './live-target.js';
import { createNetboxTarget, type NetboxTargetOptions } from './netbox/create-netbox-target.js';

/** A live target and the addresses it is responsible for. */
export interface BoundTarget {
  readonly target: LiveTarget;
  /** `netbox`, or `kubernetes/<fabric>`. */
  readonly scope: string;
  handles(address: string): boolean;
}

export interface LiveTargetOptions {
  readonly netbox?: NetboxTargetOptions;
  readonly kubernetes?: KubernetesTargetOptions;
}

/**
 * The live targets the configuration provides: NetBox (one per cluster) and, for each fabric
 * asked for that has Kubernetes settings, that fabric's API server. A fabric without them gets
 * no target; `missingTargetError` names what is missing when a change needs it.
 */
export function createLiveTargets(config: TargetConfig, fabrics: readonly string[], options: LiveTargetOptions = {}): BoundTarget[] {
  const bound: BoundTarget[] = [];
  if (config.netbox) {
    bound.push({ target: createNetboxTarget(config.netbox, options.netbox), scope: 'netbox', handles: (address) => address.startsWith('netbox.') });
  }
  for (const fabric of fabrics) {
    const kubernetes = config.kubernetes.get(fabric);
    if (!kubernetes) continue;
    bound.push({ target: createKubernetesTarget(kubernetes, options.kubernetes), scope: `kubernetes/${fabric}`, handles: (address) => fabricOf(address) === fabric });
  }
  return bound;
}

/** The bound target responsible for an address, if one is configured. */
export function targetFor(bound: readonly BoundTarget[], address: string): BoundTarget | undefined {
  return bound.find((b) => b.handles(address));
}

/** The fabric of a Kubernetes address (`kubernetes.<type>[<fabric>/<name>]`). */
export function fabricOf(address: string): string | undefined {
  const parts = parseAddress(address);
  if (!parts || parts.target !== 'kubernetes') return undefined;
  const slash = parts.key.indexOf('/');
  return slash < 0 ? undefined : parts.key.slice(0, slash);
}

/** Why no target handles this address, as the error a command stops with. */
export function missingTargetError(address: string): ConfigError {
  const fabric = fabricOf(address);
  if (address.startsWith('kubernetes.')) {
    return new ConfigError(
      `no Kubernetes target configured for fabric ${fabric ?? '?'} (needed by ${address})`,
      `add fabrics.${fabric ?? '<fabric>'}.kubernetes (server, tokenEnv, caFile) to the configuration file given with --config, or restrict the command to NetBox with --target netbox`,
    );
  }
  return new ConfigError(`no NetBox configured (needed by ${address})`, 'set DIET_NETBOX_URL and DIET_NETBOX_TOKEN, or add a netbox section to the configuration file given with --config');
}
