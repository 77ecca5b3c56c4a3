import type { SwitchClass } from '../model/fabric-model.js';
import { PlannerError } from './planner-error.js';

/** MCLAG needs an even count ≥ 2; ESLAG 2–4 switches per group. */
export function applyRedundancyRounding(cls: SwitchClass, n: number): number {
  const type = cls.redundancy?.type;
  if (type === 'mclag') {
    if (n < 2) return 2;
    return n % 2 === 1 ? n + 1 : n;
  }
  if (type === 'eslag') {
    if (n < 2) return 2;
    if (n > 4) {
      throw new PlannerError(
        'DIET-P110',
        `ESLAG redundancy constraint violation for switch class '${cls.id}': calculated ${n} switches, but ESLAG supports maximum 4 switches per group`,
        'reduce the server count, use switches with more ports, or use MCLAG redundancy instead',
        cls.origin,
      );
    }
    return n;
  }
  if (cls.mclagPair && n % 2 === 1) return n + 1;
  return n;
}
