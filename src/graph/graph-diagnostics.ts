import type { Diagnostic, SourceRange } from '../diag/diagnostic.js';
import { formatRange } from '../diag/diagnostic.js';

/**
 * Diagnostics of the desired graph. These point at the spec line that produced a resource;
 * they usually mean two spec objects expand to the same name or an expansion bug, so the
 * hints say where to look rather than what to type.
 */
export const GRAPH_CODES = {
  duplicateAddress: 'DIET-G001',
  danglingDependency: 'DIET-G002',
  dependencyCycle: 'DIET-G003',
} as const;

export function duplicateAddressDiagnostic(address: string, origin?: SourceRange, firstOrigin?: SourceRange): Diagnostic {
  return {
    severity: 'error',
    code: GRAPH_CODES.duplicateAddress,
    summary: `resource ${address} is produced more than once`,
    ...(firstOrigin ? { detail: `first produced at ${formatRange(firstOrigin)}` } : {}),
    hint: 'two spec objects expand to the same name; rename one of them or change the naming template',
    ...(origin ? { range: origin } : {}),
  };
}

export function danglingDependencyDiagnostic(address: string, dependency: string, origin?: SourceRange): Diagnostic {
  return {
    severity: 'error',
    code: GRAPH_CODES.danglingDependency,
    summary: `${address} depends on ${dependency}, which the spec does not produce`,
    hint: 'check the referenced name; a resource can only depend on another resource of the same plan',
    ...(origin ? { range: origin } : {}),
  };
}

/** How many addresses of a long cycle to spell out before eliding the middle. */
const CYCLE_SHOWN = 8;

/** `cycle` is [a, b, …]: a depends on b depends on … depends on a. */
export function dependencyCycleDiagnostic(cycle: readonly string[], origin?: SourceRange): Diagnostic {
  const shown = cycle.length > CYCLE_SHOWN ? [...cycle.slice(0, CYCLE_SHOWN - 1), `… ${cycle.length - CYCLE_SHOWN + 1} more`] : [...cycle];
  return {
    severity: 'error',
    code: GRAPH_CODES.dependencyCycle,
    summary: `dependency cycle: ${[...shown, cycle[0]].join(' -> ')}`,
    detail: `${cycle.length} resource(s) depend on each other in a loop, so none of them can be created first`,
    hint: 'remove one of the references in the loop',
    ...(origin ? { range: origin } : {}),
  };
}
