import { describe, expect, it } from 'vitest';
import { convergeToSnapshot } from '../../../src/engine/restore/converge-to-snapshot.js';
import type { RestoreScope } from '../../../src/engine/restore/changes-to-restore.js';
import { SILENT_EVENTS } from '../../../src/targets/live-target.js';
import { bindFake, FakeTarget, liveObject } from '../../support/fake-target.js';

const everything: RestoreScope = { includes: () => true };
const widget = (key: string, size: number, owned = true) => liveObject('netbox', 'test.widget', key, { name: key, size }, owned);
const switchObject = (name: string, role: string) => liveObject('kubernetes', 'test.switch', `frontend/${name}`, { name, role });
const sizes = (t: FakeTarget) => Object.fromEntries(t.objects.filter((o) => o.owned).map((o) => [o.key, o.attrs.size ?? o.attrs.role]));

describe('convergeToSnapshot', () => {
  it('creates, sets back and deletes until live equals the snapshot, and says so per object', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1), widget('b', 2)]);
    const snapshot = netbox.owned();
    netbox.objects = [widget('a', 9), widget('c', 3)];
    const outcome = await convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(outcome.status).toBe('restored');
    expect(outcome.restored.map((r) => [r.address, r.action]).sort()).toEqual([
      ['netbox.test.widget[a]', 'update'],
      ['netbox.test.widget[b]', 'create'],
      ['netbox.test.widget[c]', 'delete'],
    ]);
    expect(outcome.notRestored).toEqual([]);
    expect(sizes(netbox)).toEqual({ a: 1, b: 2 });
  });

  it('touches nothing outside the scope', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1)]);
    const snapshot = netbox.owned();
    netbox.objects = [widget('a', 9), widget('c', 3)];
    const scope: RestoreScope = { includes: (a) => a === 'netbox.test.widget[a]' };
    const outcome = await convergeToSnapshot({ cluster: 'lab', snapshot, scope, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(outcome).toMatchObject({ status: 'restored', restored: [{ address: 'netbox.test.widget[a]', action: 'update' }] });
    expect(sizes(netbox)).toEqual({ a: 1, c: 3 });
  });

  it('goes through the targets in the order of the changes, one segment each, and calls the hooks around them', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1)]);
    const kube = new FakeTarget('kubernetes', [switchObject('leaf-1', 'server-leaf')]);
    const bound = [bindFake(netbox), bindFake(kube, 'frontend')];
    const snapshot = [...netbox.owned(), ...kube.owned()];
    netbox.objects = [widget('a', 5)];
    kube.objects = [switchObject('leaf-1', 'spine')];
    const calls: string[] = [];
    const outcome = await convergeToSnapshot({
      cluster: 'lab',
      snapshot,
      scope: everything,
      bound,
      events: SILENT_EVENTS,
      hooks: {
        beforeWrite: (diff) => void calls.push(`write ${diff.changes.length}`),
        beforeSegment: (s) => void calls.push(`before ${s.target.scope}`),
        afterSegment: (s, o) => void calls.push(`after ${s.target.scope} ${o.applied.length}`),
      },
    });
    expect(outcome.status).toBe('restored');
    // Types without a schema share one rank, so the changes come in address order.
    expect(calls).toEqual(['write 2', 'before kubernetes/frontend', 'after kubernetes/frontend 1', 'before netbox', 'after netbox 1']);
    expect(sizes(kube)).toEqual({ 'frontend/leaf-1': 'server-leaf' });
  });

  it('stops at a failed step, still reads back, and names what failed and what was never attempted', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1), widget('b', 2), widget('c', 3)]);
    const snapshot = netbox.owned();
    netbox.objects = [];
    netbox.failAt = 'netbox.test.widget[b]';
    const outcome = await convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.failed).toMatchObject({ address: 'netbox.test.widget[b]', message: 'injected failure' });
    expect(outcome.restored).toEqual([{ address: 'netbox.test.widget[a]', action: 'create' }]);
    expect(outcome.notRestored).toEqual([
      { address: 'netbox.test.widget[b]', action: 'create', reason: 'failed', message: 'injected failure' },
      { address: 'netbox.test.widget[c]', action: 'create', reason: 'not-attempted', message: 'the restore stopped at netbox.test.widget[b] before reaching it' },
    ]);
    expect(outcome.after.owned.map((o) => o.key)).toEqual(['a']);
  });

  it('never writes an object diet does not own: it is reported as blocked', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1), widget('b', 2)]);
    const snapshot = netbox.owned();
    netbox.objects = [widget('a', 1), widget('b', 7, false)];
    const outcome = await convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.changes).toEqual([]);
    expect(netbox.applied).toEqual([]);
    expect(outcome.notRestored).toEqual([{ address: 'netbox.test.widget[b]', reason: 'blocked', message: 'held by an object diet does not own (id rid-b); diet will not overwrite it' }]);
    expect(netbox.objects.find((o) => o.key === 'b')?.attrs.size).toBe(7);
  });

  it('catches a write that was acknowledged but did not stick', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1)]);
    const snapshot = netbox.owned();
    netbox.objects = [widget('a', 4)];
    // A target that answers yes and stores nothing.
    netbox.apply = async (changes) => ({ applied: changes.map((c) => ({ address: c.address, action: c.action })) });
    const outcome = await convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(outcome.status).toBe('incomplete');
    expect(outcome.notRestored).toEqual([{ address: 'netbox.test.widget[a]', action: 'update', reason: 'differs', message: 'reads back different from the snapshot in size' }]);
  });

  it('counts a target that throws as a failed step and still reports', async () => {
    const netbox = new FakeTarget('netbox', []);
    const snapshot = [widget('a', 1)].map(({ owned: _o, ...r }) => r);
    netbox.apply = async () => {
      throw new Error('connection reset');
    };
    const outcome = await convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(outcome).toMatchObject({ status: 'incomplete', failed: { address: 'netbox.test.widget[a]', message: 'connection reset' } });
    expect(outcome.notRestored).toMatchObject([{ address: 'netbox.test.widget[a]', reason: 'failed' }]);
  });

  it('writes nothing when the beforeWrite hook refuses, and nothing at all when live already matches', async () => {
    const netbox = new FakeTarget('netbox', [widget('a', 1)]);
    const snapshot = netbox.owned();
    const same = await convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS });
    expect(same).toMatchObject({ status: 'restored', changes: [], restored: [], notRestored: [] });
    netbox.objects = [widget('a', 2)];
    const refused = convergeToSnapshot({ cluster: 'lab', snapshot, scope: everything, bound: [bindFake(netbox)], events: SILENT_EVENTS, hooks: { beforeWrite: () => { throw new Error('not reviewed'); } } });
    await expect(refused).rejects.toThrow('not reviewed');
    expect(netbox.applied).toEqual([]);
  });
});
