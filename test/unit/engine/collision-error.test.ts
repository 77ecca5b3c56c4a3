import { describe, expect, it } from 'vitest';
import { collisionError, collisionLines, otherClusters } from '../../../src/engine/live/collision-error.js';
import type { LiveObject } from '../../../src/targets/live-target.js';
import { observed } from '../../support/resource-factory.js';

const unowned = (o: ReturnType<typeof observed>): LiveObject => ({ ...o, owned: false, remoteId: '7' });
const type = unowned(observed('dcim.device_type', 'ds3000'));
const templates = ['E1/1', 'E1/2'].map((n) => unowned(observed('dcim.interface_template', `ds3000:${n}`, {}, [type.address])));
const device = unowned(observed('dcim.device', 'srv-9'));

describe('collision messages', () => {
  it('name the object, its id, the missing tag, and the adopt setting that would take it over', () => {
    const error = collisionError([device], 'lab');
    expect(error.message).toBe('netbox.dcim.device[srv-9] already exists (id 7) but is not managed by diet: it lacks the tag diet-lab; diet will not overwrite or delete it');
    expect(error.hint).toContain('spec.adopt.netbox.devices: [srv-9]');
  });

  it('fold the interface templates of a colliding device type into it', () => {
    expect(collisionLines([type, ...templates, device], 'lab')).toEqual([
      '! netbox.dcim.device_type[ds3000] exists (id 7) with 2 interface templates the spec wants but is not managed by diet (no tag diet-lab); apply would refuse to create it unless the spec adopts it',
      '! netbox.dcim.device[srv-9] exists (id 7) but is not managed by diet (no tag diet-lab); apply would refuse to create it unless the spec adopts it',
    ]);
    expect(collisionError([type, ...templates, device], 'lab').message).toContain('(and 1 more: netbox.dcim.device[srv-9])');
    expect(collisionError([type], 'lab').hint).toContain('spec.adopt.netbox.deviceTypes: [ds3000]');
  });

  it('name the other diet cluster an object belongs to, instead of the missing tag and adopt hint', () => {
    const theirs: LiveObject = { ...device, sharedWith: ['diet-lab-b'] };
    const error = collisionError([theirs, type], 'lab');
    expect(error.message).toBe('netbox.dcim.device[srv-9] already exists (id 7) and belongs to diet cluster lab-b (tag diet-lab-b) (and 1 more: netbox.dcim.device_type[ds3000]); diet will not take it over');
    expect(error.hint).toContain('spec.naming');
    expect(error.hint).not.toContain('spec.adopt');
    expect(collisionLines([theirs], 'lab')).toEqual(['! netbox.dcim.device[srv-9] exists (id 7) and belongs to diet cluster lab-b (tag diet-lab-b); apply would refuse to create it']);
  });

  it('list several other clusters by name and by tag', () => {
    expect(otherClusters(['diet-lab'])).toBe('diet cluster lab (tag diet-lab)');
    expect(otherClusters(['diet-a', 'diet-b'])).toBe('diet clusters a, b (tag diet-a, diet-b)');
  });
});
