/**
 * A resource address `<target>.<type>[<key>]` is the join key of desired, observed,
 * state, plan and snapshot. Keys come from names in the spec, never from remote ids.
 *
 *   netbox.dcim.device[fe-gpu-leaf-01]
 *   kubernetes.wiring.githedgehog.com/Connection[frontend/server-01--unbundled--leaf-01]
 */
export type TargetName = 'netbox' | 'kubernetes';

export interface ResourceAddressParts {
  readonly target: TargetName;
  readonly type: string;
  readonly key: string;
}

export function formatAddress(target: TargetName, type: string, key: string): string {
  return `${target}.${type}[${key}]`;
}

const ADDRESS_PATTERN = /^(netbox|kubernetes)\.([^[\]]+)\[(.+)\]$/;

export function parseAddress(address: string): ResourceAddressParts | undefined {
  const m = ADDRESS_PATTERN.exec(address);
  if (!m) return undefined;
  return { target: m[1] as TargetName, type: m[2], key: m[3] };
}
