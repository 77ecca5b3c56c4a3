import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StateError } from '../../../src/diag/errors.js';
import { openStateStore, type PlanInput, type StateStore } from '../../../src/state/index.js';
import { makeTempDir } from './state-test-files.js';

let tmp: ReturnType<typeof makeTempDir>;
let path: string;
let store: StateStore;
beforeEach(() => {
  tmp = makeTempDir();
  path = join(tmp.dir, 'state.db');
  store = openStateStore(path);
});
afterEach(() => {
  store.close();
  tmp.cleanup();
});

function plan(id: string, cluster = 'c1', extra: Partial<PlanInput> = {}): PlanInput {
  return { id, cluster, createdAt: '2026-02-03T04:05:06Z', digest: `sha256:${id}`, document: `{"plan":"${id}"}`, ...extra };
}

function thrownBy(fn: () => unknown): StateError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StateError) return err;
    throw err;
  }
  throw new Error('expected a StateError');
}

describe('plans', () => {
  it('store the document verbatim and find it by id or unique prefix', () => {
    const document = '{\n  "format_version": "1",\n  "note": "ünïcode ✓ \\u0000"\n}\n';
    store.savePlan(plan('a1b2c3d4', 'c1', { document, summary: { add: 3, change: 1, destroy: 0 } }));
    store.savePlan(plan('a1ff0000'));
    store.savePlan(plan('b7770000'));
    expect(store.getPlan('a1b2c3d4')?.document).toBe(document);
    expect(store.getPlan('a1b')).toMatchObject({ id: 'a1b2c3d4', summary: { add: 3, change: 1, destroy: 0 } });
    expect(store.getPlan('b')?.id).toBe('b7770000');
    expect(store.getPlan('a1f')?.summary).toBeUndefined();
    expect(store.getPlan('c')).toBeUndefined();
    expect(store.getPlan('A1B')).toBeUndefined();
  });

  it('an ambiguous prefix is refused with every candidate named', () => {
    store.savePlan(plan('a1b2c3d4'));
    store.savePlan(plan('a1ff0000'));
    const err = thrownBy(() => store.getPlan('a1'));
    expect(err.message).toMatch(/prefix "a1" is ambiguous/);
    expect(err.message).toContain('a1b2c3d4');
    expect(err.message).toContain('a1ff0000');
    expect(err.hint).toBeTruthy();
    expect(() => store.getPlan('')).toThrow(StateError);
  });

  it('an exact id wins over longer ids it is a prefix of', () => {
    store.savePlan(plan('abc'));
    store.savePlan(plan('abcdef'));
    expect(store.getPlan('abc')?.id).toBe('abc');
  });

  it('prefix matching treats LIKE and GLOB characters literally', () => {
    store.savePlan(plan('x_1'));
    store.savePlan(plan('xa1'));
    store.savePlan(plan('x%9'));
    expect(store.getPlan('x_')?.id).toBe('x_1');
    expect(store.getPlan('x%')?.id).toBe('x%9');
  });

  it('listPlans is newest first and filters by cluster, without documents', () => {
    store.savePlan(plan('p1', 'c1', { createdAt: '2030-01-01T00:00:00Z' }));
    store.savePlan(plan('p2', 'c2'));
    store.savePlan(plan('p3', 'c1', { createdAt: '2020-01-01T00:00:00Z' }));
    expect(store.listPlans().map((p) => p.id)).toEqual(['p3', 'p2', 'p1']);
    expect(store.listPlans('c1').map((p) => p.id)).toEqual(['p3', 'p1']);
    expect(store.listPlans('c1')[0]).not.toHaveProperty('document');
  });

  it('saving the same plan again is a no-op; a different digest under the same id is refused', () => {
    store.savePlan(plan('p1'));
    expect(store.savePlan(plan('p1')).id).toBe('p1');
    expect(store.listPlans()).toHaveLength(1);
    expect(() => store.savePlan(plan('p1', 'c1', { digest: 'sha256:other' }))).toThrow(/already stored with a different digest/);
    expect(store.getPlan('p1')?.digest).toBe('sha256:p1');
  });
});

describe('events', () => {
  it('are listed newest first, per cluster, with a limit', () => {
    store.appendEvent({ cluster: 'c1', at: '2026-01-01T00:00:00Z', kind: 'plan', detail: { planId: 'p1', add: 3 } });
    store.appendEvent({ cluster: 'c2', at: '2026-01-01T00:00:01Z', kind: 'plan' });
    store.appendEvent({ cluster: 'c1', at: '2026-01-01T00:00:02Z', kind: 'apply', detail: { planId: 'p1', snapshot: 2 } });
    expect(store.listEvents('c1').map((e) => e.kind)).toEqual(['apply', 'plan']);
    expect(store.listEvents().map((e) => e.cluster)).toEqual(['c1', 'c2', 'c1']);
    expect(store.listEvents(undefined, 1).map((e) => e.kind)).toEqual(['apply']);
    expect(store.listEvents('c2')[0].detail).toEqual({});
    expect(store.listEvents('c1')[1].detail).toEqual({ add: 3, planId: 'p1' });
  });

  it('are append-only even for a raw SQL connection', () => {
    store.appendEvent({ cluster: 'c1', at: 't', kind: 'plan' });
    const raw = new Database(path);
    expect(() => raw.prepare("UPDATE events SET kind = 'apply'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    raw.close();
    expect(store.listEvents()).toHaveLength(1);
  });

  it('transaction groups writes: a failure inside keeps none of them', () => {
    expect(() =>
      store.transaction(() => {
        store.appendEvent({ cluster: 'c1', at: 't', kind: 'apply' });
        store.saveSnapshot({ cluster: 'c1', kind: 'applied', createdAt: 't', resources: [] });
        throw new Error('apply verification failed');
      }),
    ).toThrow('apply verification failed');
    expect(store.listEvents()).toEqual([]);
    expect(store.listSnapshots()).toEqual([]);
  });
});
