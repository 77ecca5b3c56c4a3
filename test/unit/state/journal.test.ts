import { describe, expect, it } from 'vitest';
import type { StateStore } from '../../../src/state/index.js';
import { device } from './state-test-files.js';
import { eachTestWithTempStore } from '../../support/temp-state-store.js';

let store: StateStore;
eachTestWithTempStore((s) => (store = s));

const run = { cluster: 'lab', kind: 'apply' as const, planId: 'p1', scopes: ['netbox', 'kubernetes/frontend'], pid: 42, host: 'h', startedAt: '2026-01-01T00:00:00Z' };

describe('apply journal', () => {
  it('keeps each step at its first position while its state moves on, and remembers remote ids', () => {
    const r = store.startApplyRun({ ...run, preSnapshotId: 7 });
    expect(r).toMatchObject({ id: 1, kind: 'apply', preSnapshotId: 7, scopes: ['netbox', 'kubernetes/frontend'] });
    expect(r.outcome).toBeUndefined();
    store.journalSteps(r.id, [{ address: 'a', action: 'create', state: 'intended' }, { address: 'b', action: 'delete', state: 'intended' }], 't1');
    store.journalSteps(r.id, [{ address: 'a', action: 'create', state: 'sent' }], 't2');
    store.journalSteps(r.id, [{ address: 'a', action: 'create', state: 'confirmed', remoteId: '11' }], 't3');
    store.journalSteps(r.id, [{ address: 'a', action: 'create', state: 'confirmed' }], 't4');
    expect(store.journalOf(r.id)).toEqual([
      { seq: 1, address: 'a', action: 'create', state: 'confirmed', remoteId: '11', at: 't4' },
      { seq: 2, address: 'b', action: 'delete', state: 'intended', at: 't1' },
    ]);
  });

  it('lists unfinished runs until they get an outcome, which is set once', () => {
    const first = store.startApplyRun(run);
    const other = store.startApplyRun({ ...run, cluster: 'other' });
    expect(store.unfinishedApplyRuns('lab').map((x) => x.id)).toEqual([first.id]);
    expect(store.unfinishedApplyRuns().map((x) => x.id)).toEqual([first.id, other.id]);
    expect(store.finishApplyRun(first.id, 'rolled-back', 't9')).toBe(true);
    expect(store.finishApplyRun(first.id, 'applied', 't10')).toBe(false);
    expect(store.getApplyRun(first.id)).toMatchObject({ outcome: 'rolled-back', finishedAt: 't9' });
    expect(store.unfinishedApplyRuns('lab')).toEqual([]);
  });

  it('refuses an unknown step state and leaves the journal as it was', () => {
    const r = store.startApplyRun(run);
    expect(() => store.journalSteps(r.id, [{ address: 'a', action: 'create', state: 'intended' }, { address: 'b', action: 'create', state: 'bogus' as never }], 't')).toThrow();
    expect(store.journalOf(r.id)).toEqual([]);
  });

  it('stores the scopes a snapshot covers, sorted and unique', () => {
    const s = store.saveSnapshot({ cluster: 'lab', kind: 'pre-apply', createdAt: 't', scopes: ['netbox', 'kubernetes/a', 'netbox'], resources: [device('leaf-01', 'leaf')] });
    expect(store.getSnapshot(s.id)!.record.scopes).toEqual(['kubernetes/a', 'netbox']);
    const old = store.saveSnapshot({ cluster: 'lab', kind: 'manual', createdAt: 't', resources: [] });
    expect(old.scopes).toBeUndefined();
  });
});
