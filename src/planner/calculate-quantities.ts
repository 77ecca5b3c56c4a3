import type { FabricModel, SwitchClass } from '../model/fabric-model.js';
import { PlannerError } from './planner-error.js';
import { leafSwitchQuantity } from './leaf-quantity.js';
import { LEAF_ROLES, spineSwitchQuantity } from './spine-quantity.js';
import { connectionsBySwitchClass } from './targeted-connections.js';
import type { SwitchQuantity } from './topology.js';

export interface QuantityResult {
  readonly quantities: Map<string, SwitchQuantity>;
  readonly errors: PlannerError[];
}

/**
 * Three passes, as the reference: leaves, then spines (they depend on the leaves'
 * effective counts), then every other role. Mesh classes are never calculated.
 */
export function calculateQuantities(model: FabricModel): QuantityResult {
  const quantities = new Map<string, SwitchQuantity>();
  const errors: PlannerError[] = [];
  const targeted = connectionsBySwitchClass(model);
  const effective = new Map<string, number>();
  const record = (cls: SwitchClass, calculated: number | null) => {
    const override = cls.overrideQuantity ?? null;
    const value = override ?? calculated ?? 0;
    quantities.set(cls.id, { calculated, override, effective: value });
    effective.set(cls.id, value);
  };
  const attempt = (cls: SwitchClass, compute: () => number) => {
    try {
      record(cls, compute());
    } catch (e) {
      if (!(e instanceof PlannerError)) throw e;
      // A fixed quantity does not need the calculation; its failure is not fatal.
      if (cls.overrideQuantity !== undefined) return record(cls, null);
      errors.push(new PlannerError(e.code, `switch quantity calculation failed for '${cls.id}': ${e.message}`, e.hint, e.range ?? cls.origin));
      record(cls, null);
    }
  };
  const classes = model.switchClasses;
  for (const cls of classes.filter((c) => c.topology === 'mesh')) record(cls, null);
  const leaves = classes.filter((c) => c.topology !== 'mesh' && LEAF_ROLES.has(c.role));
  for (const cls of leaves) attempt(cls, () => leafSwitchQuantity(cls, targeted.get(cls.id) ?? [], model.catalog, model.options));
  const leafErrors = errors.length > 0;
  for (const cls of classes.filter((c) => c.role === 'spine')) {
    if (leafErrors) {
      errors.push(new PlannerError('DIET-P108', `skipped '${cls.id}': spine calculation requires successful leaf calculations`, 'fix the leaf errors above', cls.origin));
      record(cls, null);
      continue;
    }
    attempt(cls, () => spineSwitchQuantity(cls, classes, effective, model.catalog, model.options));
  }
  const others = classes.filter((c) => c.topology !== 'mesh' && c.role !== 'spine' && !LEAF_ROLES.has(c.role));
  for (const cls of others) attempt(cls, () => leafSwitchQuantity(cls, targeted.get(cls.id) ?? [], model.catalog, model.options));
  return { quantities, errors };
}
