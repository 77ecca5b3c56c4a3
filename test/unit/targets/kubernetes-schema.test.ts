import { describe, expect, it } from 'vitest';
import { createPlan } from '../../../src/plan/create-plan.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { toPlanDocument } from '../../../src/plan/to-plan-document.js';
import { renderPlanText } from '../../../src/render/render-plan.js';
import type { Attrs } from '../../../src/resource/resource.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { desired, observed } from '../../support/resource-factory.js';

const TYPE = 'wiring.githedgehog.com/Connection';
const NAME = 'server-001-nic0-port0--unbundled--leaf-01';

function connection(spec: Attrs): Attrs {
  return { apiVersion: 'wiring.githedgehog.com/v1beta1', kind: 'Connection', metadata: { name: NAME, namespace: 'default', labels: { 'diet.githedgehog.com/fabric': 'frontend' } }, spec };
}

const unbundled = { unbundled: { link: { server: { port: 'server-001/nic0-port0' }, switch: { port: 'leaf-01/E1/1/1' } } } };
const mclag = { mclag: { links: [{ server: { port: 'server-001/nic0-port0' }, switch: { port: 'leaf-01/E1/1/1' } }, { server: { port: 'server-001/nic0-port1' }, switch: { port: 'leaf-02/E1/1/1' } }] } };

function planOf(wanted: Attrs, live: Attrs) {
  return diffResources([desired(TYPE, `frontend/${NAME}`, wanted, [], undefined, 'kubernetes')], [observed(TYPE, `frontend/${NAME}`, live, [], 'kubernetes')], { schemas: resourceSchema });
}

describe('Kubernetes resource schemas', () => {
  it('plan a Connection whose type changes (unbundled → mclag) as a replace, shown as -/+', () => {
    const changes = planOf(connection(mclag), connection(unbundled));
    expect(changes.map((c) => c.action)).toEqual(['replace']);
    const doc = toPlanDocument(createPlan({ cluster: 'lab', changes, topology: {}, baseline: { kind: 'empty' }, dietVersion: '0', specDigest: 'x' }));
    expect(doc.summary).toMatchObject({ add: 1, change: 0, destroy: 1, replace: 1 });
    const text = renderPlanText(doc, { color: false });
    expect(text).toContain(`-/+ kubernetes.${TYPE}[frontend/${NAME}]`);
    expect(text).toContain('Plan: 1 to add, 0 to change, 1 to destroy.');
  });

  it('update a Connection in place when only its ports change within the same type', () => {
    const moved = { unbundled: { link: { server: unbundled.unbundled.link.server, switch: { port: 'leaf-01/E1/1/2' } } } };
    const changes = planOf(connection(moved), connection(unbundled));
    expect(changes.map((c) => [c.action, c.attrChanges.map((a) => a.path)])).toEqual([['update', ['spec.unbundled.link.switch.port']]]);
  });

  it('treat only Connection specs as unions: a Switch spec gaining a key is an update', () => {
    expect(resourceSchema(TYPE)?.immutableUnions).toEqual(['spec']);
    for (const kind of ['Switch', 'Server', 'SwitchGroup', 'VLANNamespace']) expect(resourceSchema(`wiring.githedgehog.com/${kind}`)?.immutableUnions, kind).toBeUndefined();
    const sw = (spec: Attrs): Attrs => ({ apiVersion: 'wiring.githedgehog.com/v1beta1', kind: 'Switch', metadata: { name: 'leaf-01', namespace: 'default' }, spec });
    const changes = diffResources(
      [desired('wiring.githedgehog.com/Switch', 'frontend/leaf-01', sw({ role: 'server-leaf', description: 'x' }), [], undefined, 'kubernetes')],
      [observed('wiring.githedgehog.com/Switch', 'frontend/leaf-01', sw({ role: 'server-leaf' }), [], 'kubernetes')],
      { schemas: resourceSchema },
    );
    expect(changes[0].action).toBe('update');
  });
});
