import { describe, expect, it } from 'vitest';
import { recordedAsOwned } from '../../../src/targets/recorded-ownership.js';
import { observed } from '../../support/resource-factory.js';

describe('recordedAsOwned', () => {
  it('judges NetBox rows by the ownership tag of the cluster', () => {
    expect(recordedAsOwned(observed('dcim.device', 'leaf-01', { name: 'leaf-01', tags: ['diet-lab', 'other'] }), 'lab')).toBe(true);
    expect(recordedAsOwned(observed('dcim.device', 'leaf-01', { name: 'leaf-01', tags: ['diet-prod'] }), 'lab')).toBe(false);
    expect(recordedAsOwned(observed('dcim.device', 'leaf-01', { name: 'leaf-01' }), 'lab')).toBe(false);
    expect(recordedAsOwned(observed('extras.tag', 'diet-lab', { slug: 'diet-lab' }), 'lab')).toBe(true);
    expect(recordedAsOwned(observed('extras.tag', 'diet-prod', { slug: 'diet-prod' }), 'lab')).toBe(false);
    expect(recordedAsOwned(observed('dcim.interface_template', 'ds3000:E1/1', { name: 'E1/1' }), 'lab')).toBe(true);
  });

  it('judges Kubernetes rows by diet\'s cluster and fabric labels', () => {
    const labelled = (labels: Record<string, string>) => observed('wiring.githedgehog.com/Switch', 'frontend/leaf-01', { metadata: { name: 'leaf-01', labels } }, [], 'kubernetes');
    expect(recordedAsOwned(labelled({ 'diet.githedgehog.com/cluster': 'lab', 'diet.githedgehog.com/fabric': 'frontend' }), 'lab')).toBe(true);
    expect(recordedAsOwned(labelled({ 'diet.githedgehog.com/cluster': 'lab', 'diet.githedgehog.com/fabric': 'backend' }), 'lab')).toBe(false);
    expect(recordedAsOwned(labelled({}), 'lab')).toBe(false);
  });
});
