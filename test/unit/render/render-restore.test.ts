import { describe, expect, it } from 'vitest';
import { notRestoredLines, restoredLines, restoredSummary } from '../../../src/render/render-restore.js';

describe('restore rendering', () => {
  it('counts what was restored per kind of step, in a fixed order', () => {
    expect(restoredSummary([])).toBe('0 restored');
    expect(
      restoredSummary([
        { address: 'netbox.dcim.device[a]', action: 'delete' },
        { address: 'netbox.dcim.device[b]', action: 'create' },
        { address: 'netbox.dcim.device[c]', action: 'update' },
        { address: 'netbox.dcim.device[d]', action: 'delete' },
      ]),
    ).toBe('4 restored (1 recreated, 1 set back, 2 deleted)');
  });

  it('lines up addresses and says what happened to each', () => {
    expect(restoredLines([{ address: 'netbox.dcim.site[dc1]', action: 'update' }, { address: 'netbox.dcim.device[leaf-01]', action: 'create' }])).toEqual([
      '  netbox.dcim.site[dc1]        set back',
      '  netbox.dcim.device[leaf-01]  recreated',
    ]);
  });

  it('lists what was not restored with reason and message, up to a limit', () => {
    const objects = [
      { address: 'netbox.dcim.device[a]', action: 'delete' as const, reason: 'failed' as const, message: '500 Internal Server Error' },
      { address: 'netbox.dcim.interface[a:e1]', action: 'delete' as const, reason: 'not-attempted' as const, message: 'the restore stopped at netbox.dcim.device[a] before reaching it' },
      { address: 'netbox.dcim.site[x]', reason: 'blocked' as const, message: 'held by an object diet does not own' },
    ];
    expect(notRestoredLines(objects, 2)).toEqual([
      '  netbox.dcim.device[a]        failed: 500 Internal Server Error',
      '  netbox.dcim.interface[a:e1]  not-attempted: the restore stopped at netbox.dcim.device[a] before reaching it',
      '  … and 1 more (see --json)',
    ]);
  });
});
