import { describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/diag/errors.js';
import { sharedConflictError, sharedConflictLines } from '../../../src/engine/live/shared-conflict-error.js';
import type { SharedConflict } from '../../../src/plan/diff-with-adoption.js';

const site: SharedConflict = { address: 'netbox.dcim.site[hedgehog]', sharedWith: ['diet-lab'], differences: ['name'] };
const type: SharedConflict = {
  address: 'netbox.dcim.device_type[ds3000]',
  sharedWith: ['diet-a', 'diet-b'],
  differences: ['u_height', 'netbox.dcim.interface_template[ds3000:E1/3] (create)', 'netbox.dcim.interface_template[ds3000:E1/4] (create)', 'netbox.dcim.interface_template[ds3000:E1/5] (create)', 'netbox.dcim.interface_template[ds3000:E1/6] (create)'],
};

describe('shared-object conflict messages', () => {
  it('name the object, the cluster that owns it, and what differs', () => {
    const error = sharedConflictError([site]);
    expect(error).toBeInstanceOf(TargetError);
    expect(error.message).toBe('netbox.dcim.site[hedgehog] belongs to diet cluster lab (tag diet-lab) and differs from this spec in name; diet shares it only as it is');
    expect(error.hint).toContain('make the specs agree on it');
  });

  it('show at most three differences and count the others, and mention further conflicts', () => {
    expect(sharedConflictError([type, site]).message).toBe(
      'netbox.dcim.device_type[ds3000] belongs to diet clusters a, b (tag diet-a, diet-b) and differs from this spec in u_height, netbox.dcim.interface_template[ds3000:E1/3] (create), netbox.dcim.interface_template[ds3000:E1/4] (create) and 2 more (and 1 more: netbox.dcim.site[hedgehog]); diet shares it only as it is',
    );
  });

  it('one diff line per conflict', () => {
    expect(sharedConflictLines([site, { ...type, differences: ['u_height'] }])).toEqual([
      '! netbox.dcim.site[hedgehog] belongs to diet cluster lab (tag diet-lab) and differs in name; apply would refuse to share it',
      '! netbox.dcim.device_type[ds3000] belongs to diet clusters a, b (tag diet-a, diet-b) and differs in u_height; apply would refuse to share it',
    ]);
    expect(sharedConflictLines([])).toEqual([]);
  });
});
