import { existsSync } from 'node:fs';
import { loadTargetConfig } from '../config/load-target-config.js';
import { selects, type TargetSelection } from '../engine/live/target-selection.js';
import type { DesiredResource } from '../resource/resource.js';
import { createLiveTargets, fabricOf, missingTargetError, targetFor, type BoundTarget } from '../targets/create-live-targets.js';
import type { GlobalOptions } from './main.js';

const DEFAULT_CONFIG = 'diet.config.yaml';

/**
 * The live targets for a command: configuration from --config (or ./diet.config.yaml when
 * present) and the environment, one Kubernetes target per fabric named by the addresses,
 * restricted to the --target selection.
 */
export function liveTargetsFor(globals: GlobalOptions, addresses: readonly string[], selection: TargetSelection = 'all'): BoundTarget[] {
  const path = globals.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  const config = loadTargetConfig(path, process.env);
  const fabrics = [...new Set(addresses.map(fabricOf).filter((f): f is string => f !== undefined))].sort();
  return createLiveTargets(config, fabrics).filter((b) => selection === 'all' || b.scope === selection || b.scope.startsWith(`${selection}/`));
}

/**
 * The live targets of these scopes (`netbox`, `kubernetes/<fabric>`), from the same
 * configuration; a scope without settings gets none (the caller names what is missing).
 */
export function liveTargetsForScopes(globals: GlobalOptions, scopes: readonly string[]): BoundTarget[] {
  const path = globals.config ?? (existsSync(DEFAULT_CONFIG) ? DEFAULT_CONFIG : undefined);
  const config = loadTargetConfig(path, process.env);
  const fabrics = scopes.filter((s) => s.startsWith('kubernetes/')).map((s) => s.slice('kubernetes/'.length));
  return createLiveTargets(config, [...new Set(fabrics)].sort()).filter((b) => scopes.includes(b.scope));
}

/**
 * Desired objects no configured target handles, grouped into one message per missing target
 * (`no Kubernetes target configured for fabric backend`).
 */
export function unhandled(bound: readonly BoundTarget[], desired: readonly DesiredResource[], selection: TargetSelection): { message: string; hint?: string }[] {
  const missing = new Map<string, { message: string; hint?: string }>();
  for (const d of desired) {
    if (!selects(selection, d.address) || targetFor(bound, d.address)) continue;
    const scope = d.target === 'kubernetes' ? `kubernetes/${fabricOf(d.address)}` : 'netbox';
    if (!missing.has(scope)) {
      const error = missingTargetError(d.address);
      missing.set(scope, { message: error.message.replace(/ \(needed by [^)]*\)$/, ''), ...(error.hint ? { hint: error.hint } : {}) });
    }
  }
  return [...missing.values()];
}
