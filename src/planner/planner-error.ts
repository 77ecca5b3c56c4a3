import type { SourceRange } from '../diag/diagnostic.js';

/**
 * Raised inside the planner for an impossible fabric (not enough ports, ESLAG > 4, …).
 * planTopology() catches it and returns it as a located diagnostic; it never escapes.
 */
export class PlannerError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly range?: SourceRange,
  ) {
    super(message);
  }
}
