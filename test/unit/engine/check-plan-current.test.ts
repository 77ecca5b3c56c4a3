// A saved plan must not delete or recreate what another diet cluster also owns: a plan made
// against state cannot have seen the other cluster's tag, so apply re-checks it live.
import { describe, expect, it } from 'vitest';
import { StalePlanError } from '../../../src/diag/errors.js';
import { checkPlanCurrent } from '../../../src/engine/live/check-plan-current.js';
import type { LiveRead } from '../../../src/engine/live/read-live.js';
import type { PlanDocument } from '../../../src/plan/plan-document.js';
import type { ResourceChange } from '../../../src/resource/resource.js';
import type { LiveObject } from '../../../src/targets/live-target.js';
import { observed } from '../../support/resource-factory.js';

const roleAttrs = { name: 'spine', slug: 'spine', color: '9e9e9e', tags: ['diet-lab'] };
const role = (sharedWith?: string[]): LiveObject => ({ ...observed('dcim.device_role', 'spine', roleAttrs), owned: true, ...(sharedWith ? { sharedWith } : {}) });

function liveOf(...objects: LiveObject[]): LiveRead {
  return { owned: objects.filter((o) => o.owned), collisions: [], byAddress: new Map(objects.map((o) => [o.address, o])), scopes: ['netbox'], warnings: [] };
}

/** A plan against state snapshot 3 (the latest), which therefore never looks at fingerprints. */
const stateDoc = { cluster: 'lab', baseline: { kind: 'state', snapshot_id: '3', fingerprints: {} } } as unknown as PlanDocument;
const liveDoc = (o: LiveObject) => ({ cluster: 'lab', baseline: { kind: 'live', snapshot_id: null, fingerprints: { [o.address]: o.fingerprint } } }) as unknown as PlanDocument;

const change = (action: ResourceChange['action'], o: LiveObject, after?: ResourceChange['after']): ResourceChange => ({
  address: o.address, target: 'netbox', type: o.type, key: o.key, action, before: o.attrs, ...(after ? { after } : {}), attrChanges: [], dependsOn: [],
});

function errorOf(fn: () => void): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('checkPlanCurrent and objects other diet clusters share', () => {
  it('refuses a planned delete of an owned object another cluster also owns, naming that cluster', () => {
    const shared = role(['diet-lab-b']);
    const error = errorOf(() => checkPlanCurrent(stateDoc, [change('delete', shared)], liveOf(shared), 3));
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as StalePlanError).message).toBe('the plan would delete netbox.dcim.device_role[spine], which diet cluster lab-b uses too (tag diet-lab-b)');
    expect((error as StalePlanError).hint).toContain('diet plan --refresh live');
  });

  it('refuses a planned replace of one too, as a recreate, also for a plan against live', () => {
    const shared = role(['diet-x', 'diet-y']);
    const error = errorOf(() => checkPlanCurrent(liveDoc(shared), [change('replace', shared, roleAttrs)], liveOf(shared), undefined));
    expect(error).toBeInstanceOf(StalePlanError);
    expect((error as StalePlanError).message).toBe('the plan would recreate netbox.dcim.device_role[spine], which diet cluster x, y uses too (tag diet-x, diet-y)');
  });

  it('lets the same delete through when no other cluster owns the object, and a release update of a shared one', () => {
    const alone = role();
    expect(() => checkPlanCurrent(stateDoc, [change('delete', alone)], liveOf(alone), 3)).not.toThrow();
    const shared = role(['diet-lab-b']);
    const release: ResourceChange = { ...change('update', shared, { ...roleAttrs, tags: [] }), ownership: 'release' };
    expect(() => checkPlanCurrent(stateDoc, [release], liveOf(shared), 3)).not.toThrow();
  });
});
