import { ConfigError } from '../../diag/errors.js';

/** Which targets a command works on (`--target`). */
export type TargetSelection = 'netbox' | 'kubernetes' | 'all';

export function parseTargetSelection(value: string | undefined): TargetSelection {
  if (value === undefined || value === 'all' || value === 'netbox' || value === 'kubernetes') return value ?? 'all';
  throw new ConfigError(`--target must be netbox, kubernetes or all, got ${JSON.stringify(value)}`);
}

export function selects(selection: TargetSelection, address: string): boolean {
  return selection === 'all' || address.startsWith(`${selection}.`);
}
