import { describe, expect, it } from 'vitest';
import { classifyRestore } from '../../../src/engine/restore/restore-outcome.js';
import type { ResourceChange } from '../../../src/resource/resource.js';
import { liveObject } from '../../support/fake-target.js';

const change = (key: string, action: ResourceChange['action'], paths: string[] = []): ResourceChange => ({
  address: `netbox.test.widget[${key}]`,
  target: 'netbox',
  type: 'test.widget',
  key,
  action,
  attrChanges: paths.map((path) => ({ path })),
  dependsOn: [],
});

describe('classifyRestore', () => {
  it('decides by what reading back shows, not by what the servers answered', () => {
    const planned = [change('a', 'create'), change('b', 'update', ['size']), change('c', 'delete'), change('d', 'create')];
    const result = classifyRestore({
      planned,
      blocked: [liveObject('netbox', 'test.widget', 'e', {}, false)],
      failed: { address: 'netbox.test.widget[c]', action: 'delete', message: '409 Conflict' },
      applied: new Set(['netbox.test.widget[a]', 'netbox.test.widget[b]']),
      // b was acknowledged but reads back different; c failed; d was never sent; someone changed f meanwhile.
      remaining: [change('b', 'update', ['size']), change('c', 'delete'), change('d', 'create'), change('f', 'update', ['name', 'size'])],
    });
    expect(result.restored).toEqual([{ address: 'netbox.test.widget[a]', action: 'create' }]);
    expect(result.notRestored).toEqual([
      { address: 'netbox.test.widget[c]', action: 'delete', reason: 'failed', message: '409 Conflict' },
      { address: 'netbox.test.widget[b]', action: 'update', reason: 'differs', message: 'reads back different from the snapshot in size' },
      { address: 'netbox.test.widget[f]', action: 'update', reason: 'differs', message: 'reads back different from the snapshot in name, size' },
      { address: 'netbox.test.widget[e]', reason: 'blocked', message: 'held by an object diet does not own (id rid-e); diet will not overwrite it' },
      { address: 'netbox.test.widget[d]', action: 'create', reason: 'not-attempted', message: 'the restore stopped at netbox.test.widget[c] before reaching it' },
    ]);
  });

  it('counts a step that failed after the server had stored it as restored', () => {
    const result = classifyRestore({ planned: [change('a', 'create')], blocked: [], failed: { address: 'netbox.test.widget[a]', action: 'create', message: 'timeout' }, applied: new Set(), remaining: [] });
    expect(result).toEqual({ restored: [{ address: 'netbox.test.widget[a]', action: 'create' }], notRestored: [] });
  });
});
