import { describe, expect, it } from 'vitest';
import { applyChanges, patchAttrs } from '../../../src/plan/apply-changes.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import type { ResourceTypeSchema } from '../../../src/resource/resource-type-schema.js';
import { desired, observed } from '../../support/resource-factory.js';

const schema: ResourceTypeSchema = { target: 'netbox', type: 'dcim.device', order: 0, ownedAttrs: ['name', 'status', 'spec'], immutableAttrs: ['name'] };
const schemas = () => schema;

describe('applyChanges', () => {
  it('creates, patches, recreates and removes, leaving the input untouched', () => {
    const have = [
      observed('dcim.device', 'keep', { name: 'keep', serial: 'S1', status: 'planned', spec: { a: 1, b: 2 } }),
      observed('dcim.device', 'rename', { name: 'old', serial: 'S2' }),
      observed('dcim.device', 'gone', { name: 'gone' }),
    ];
    const snapshot = structuredClone(have);
    const want = [
      desired('dcim.device', 'keep', { name: 'keep', status: 'active', spec: { a: 1, c: 3 } }),
      desired('dcim.device', 'rename', { name: 'new' }),
      desired('dcim.device', 'fresh', { name: 'fresh' }),
    ];
    const after = applyChanges(have, diffResources(want, have, { schemas }));
    expect(have).toEqual(snapshot);
    const byKey = Object.fromEntries(after.map((o) => [o.key, o]));
    expect(Object.keys(byKey).sort()).toEqual(['fresh', 'keep', 'rename']);
    // A patch keeps what diet does not own (serial) and the remote id; the fingerprint is stale.
    expect(byKey.keep).toMatchObject({ attrs: { name: 'keep', serial: 'S1', status: 'active', spec: { a: 1, c: 3 } }, remoteId: 'id-keep' });
    expect(byKey.keep.fingerprint).toBeUndefined();
    // A replace is a new object: no serial, no remote id.
    expect(byKey.rename.attrs).toEqual({ name: 'new' });
    expect(byKey.rename.remoteId).toBeUndefined();
    expect(byKey.fresh.attrs).toEqual({ name: 'fresh' });
  });

  it('refuses changes that do not fit the set', () => {
    const base = { target: 'netbox' as const, type: 't', key: 'a', address: 'netbox.t[a]', attrChanges: [], dependsOn: [] };
    expect(() => applyChanges([observed('t', 'a')], [{ ...base, action: 'create', after: {} }])).toThrow('already exists');
    expect(() => applyChanges([], [{ ...base, action: 'update' }])).toThrow('does not exist');
    expect(() => applyChanges([], [{ ...base, action: 'delete' }])).toThrow('does not exist');
  });
});

describe('patchAttrs', () => {
  it('sets and removes nested values, creating objects on the way', () => {
    expect(patchAttrs({ a: { b: 1, c: 2 } }, { path: 'a.b' })).toEqual({ a: { c: 2 } });
    expect(patchAttrs({ a: 'scalar' }, { path: 'a.b.c', after: 1 })).toEqual({ a: { b: { c: 1 } } });
    expect(patchAttrs({}, { path: 'labels["x.y"]', after: 'v' })).toEqual({ labels: { 'x.y': 'v' } });
  });

  it('writes a __proto__ key as data', () => {
    const result = patchAttrs({}, { path: '__proto__.polluted', after: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(result)).toBe('{"__proto__":{"polluted":true}}');
  });
});
