/** A validation rule: a pure function of the rule context returning its findings. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import type { RuleContext } from '../rule-context.js';

export type Rule = (ctx: RuleContext) => Diagnostic[];
