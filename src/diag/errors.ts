import type { Diagnostic } from './diagnostic.js';

/**
 * Errors thrown by IO stages. Each carries a stable code and a hint; the CLI turns
 * them into a one-line message and an exit code in one place (cli/exit-codes.ts).
 */
export class DietError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The spec did not validate; carries every diagnostic found. */
export class SpecError extends DietError {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`the spec has ${diagnostics.filter((d) => d.severity === 'error').length} error(s)`, 'SPEC_INVALID', 'run `diet validate` to see each problem with its location');
  }
}

export class ConfigError extends DietError {
  constructor(message: string, hint?: string) {
    super(message, 'CONFIG', hint);
  }
}

export class PlanDocumentError extends DietError {
  constructor(message: string, hint?: string) {
    super(message, 'PLAN_DOCUMENT', hint);
  }
}

export class StateError extends DietError {
  constructor(message: string, hint?: string) {
    super(message, 'STATE', hint);
  }
}

export class StateLockedError extends DietError {
  constructor(message: string, hint?: string) {
    super(message, 'STATE_LOCKED', hint);
  }
}

export class StalePlanError extends DietError {
  constructor(message: string, hint?: string) {
    super(message, 'STALE_PLAN', hint);
  }
}

export class TargetError extends DietError {
  constructor(
    message: string,
    hint?: string,
    readonly status?: number,
  ) {
    super(message, 'TARGET', hint);
  }
}

/** An apply that was not approved (no terminal to ask on, or an answer other than `yes`). */
export class NotApprovedError extends DietError {
  constructor(message: string, hint?: string) {
    super(message, 'NOT_APPROVED', hint);
  }
}
