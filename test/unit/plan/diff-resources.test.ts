import { describe, expect, it } from 'vitest';
import type { ResourceTypeSchema } from '../../../src/resource/resource-type-schema.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import { addr, desired, layeredResources, observed, typeRank } from '../../support/resource-factory.js';

const deviceSchema: ResourceTypeSchema = {
  target: 'netbox',
  type: 'dcim.device',
  order: 1,
  ownedAttrs: ['name', 'status', 'role', 'custom_fields.diet_owner'],
  immutableAttrs: ['role'],
  // NetBox stores status lower-case; compare the way it stores.
  normalize: (attrs) => (typeof attrs.status === 'string' ? { ...attrs, status: attrs.status.toLowerCase() } : attrs),
};
const schemas = (type: string) => (type === 'dcim.device' ? deviceSchema : undefined);
const actions = (changes: { address: string; action: string }[]) => changes.map((c) => `${c.action} ${c.address}`);

describe('diffResources', () => {
  it('joins by address into create, delete, update, replace and noop', () => {
    const changes = diffResources(
      [
        desired('dcim.device', 'new', { name: 'new' }),
        desired('dcim.device', 'same', { name: 'same', status: 'Active' }),
        desired('dcim.device', 'upd', { name: 'upd', status: 'active' }),
        desired('dcim.device', 'rep', { name: 'rep', role: 'spine' }),
      ],
      [
        observed('dcim.device', 'same', { id: 1, name: 'same', status: 'active', last_updated: 't1' }),
        observed('dcim.device', 'upd', { id: 2, name: 'upd', status: 'planned' }),
        observed('dcim.device', 'rep', { id: 3, name: 'rep', role: 'leaf' }),
        observed('dcim.device', 'old', { id: 4, name: 'old' }),
      ],
      { schemas },
    );
    expect(actions(changes)).toEqual([
      'delete netbox.dcim.device[old]',
      'create netbox.dcim.device[new]',
      'replace netbox.dcim.device[rep]',
      'noop netbox.dcim.device[same]',
      'update netbox.dcim.device[upd]',
    ]);
    const byKey = Object.fromEntries(changes.map((c) => [c.key, c]));
    expect(byKey.upd.attrChanges).toEqual([{ path: 'status', before: 'planned', after: 'active' }]);
    expect(byKey.upd.before).toEqual({ name: 'upd', status: 'planned' }); // owned attrs only
    expect(byKey.rep.attrChanges).toEqual([{ path: 'role', before: 'leaf', after: 'spine' }]);
    expect(byKey.new).toMatchObject({ after: { name: 'new' }, attrChanges: [] });
    expect(byKey.new.before).toBeUndefined();
    expect(byKey.old).toMatchObject({ before: { name: 'old' }, attrChanges: [] });
    expect(byKey.old.after).toBeUndefined();
    expect(byKey.same.after).toEqual({ name: 'same', status: 'active' }); // normalized
  });

  it('compares every attribute when the type has no schema', () => {
    const changes = diffResources([desired('x.thing', 'a', { p: 1 })], [observed('x.thing', 'a', { p: 1, q: 2 })], { schemas });
    expect(changes[0]).toMatchObject({ action: 'update', attrChanges: [{ path: 'q', before: 2 }] });
  });

  it('ignores remote ids, fingerprints and attributes diet does not own', () => {
    const o = { ...observed('dcim.device', 'a', { name: 'a', serial: 'S1', custom_fields: { other: 1, diet_owner: 'x' } }), remoteId: '9', fingerprint: 'f' };
    const changes = diffResources([desired('dcim.device', 'a', { name: 'a', custom_fields: { diet_owner: 'x' } })], [o], { schemas });
    expect(changes[0].action).toBe('noop');
  });

  it('replaces when a change is inside or encloses an immutable path', () => {
    const nested: ResourceTypeSchema = { target: 'kubernetes', type: 'k.conn', order: 0, ownedAttrs: ['spec'], immutableAttrs: ['spec.link.port'] };
    const s = () => nested;
    const inside = diffResources([desired('k.conn', 'a', { spec: { link: { port: 'E1/2' } } })], [observed('k.conn', 'a', { spec: { link: { port: 'E1/1' } } })], { schemas: s });
    const enclosing = diffResources([desired('k.conn', 'a', { spec: { link: 'x' } })], [observed('k.conn', 'a', { spec: { link: { port: 'E1/1' } } })], { schemas: s });
    const beside = diffResources([desired('k.conn', 'a', { spec: { link: { port: 'E1/1', mtu: 9000 } } })], [observed('k.conn', 'a', { spec: { link: { port: 'E1/1' } } })], { schemas: s });
    expect([inside[0].action, enclosing[0].action, beside[0].action]).toEqual(['replace', 'replace', 'update']);
  });

  it('replaces when an immutable union chooses another key, and updates within the same key', () => {
    const union: ResourceTypeSchema = { target: 'kubernetes', type: 'k.conn', order: 0, ownedAttrs: ['metadata', 'spec'], immutableAttrs: [], immutableUnions: ['spec'] };
    const s = () => union;
    const was = { metadata: { name: 'c' }, spec: { unbundled: { link: { port: 'E1/1' } } } };
    const diff = (attrs: Record<string, unknown>) => diffResources([desired('k.conn', 'a', attrs as never)], [observed('k.conn', 'a', was)], { schemas: s })[0];
    const retyped = diff({ metadata: { name: 'c' }, spec: { mclag: { links: [{ port: 'E1/1' }] } } });
    expect(retyped.action).toBe('replace');
    expect(retyped.attrChanges.map((c) => c.path)).toEqual(['spec.mclag', 'spec.unbundled']);
    expect(diff({ metadata: { name: 'c' }, spec: { unbundled: { link: { port: 'E1/2' } } } }).action).toBe('update');
    expect(diff({ metadata: { name: 'c', labels: { x: 'y' } }, spec: was.spec }).action).toBe('update');
    // A second key beside the first is another choice as well.
    expect(diff({ metadata: { name: 'c' }, spec: { ...was.spec, bundled: {} } }).action).toBe('replace');
  });

  it('orders creates after their dependencies and deletes before theirs', () => {
    const site = addr('dcim.site', 's');
    const dev = addr('dcim.device', 'd');
    const changes = diffResources(
      [desired('dcim.interface', 'd/1', {}, [dev]), desired('dcim.device', 'd', {}, [site]), desired('dcim.site', 's')],
      [observed('dcim.site', 'old-s'), observed('dcim.interface', 'old-d/1', {}, [addr('dcim.device', 'old-d')]), observed('dcim.device', 'old-d', {}, [addr('dcim.site', 'old-s')])],
      { schemas },
    );
    expect(actions(changes)).toEqual([
      'delete netbox.dcim.interface[old-d/1]',
      'delete netbox.dcim.device[old-d]',
      'delete netbox.dcim.site[old-s]',
      'create netbox.dcim.site[s]',
      'create netbox.dcim.device[d]',
      'create netbox.dcim.interface[d/1]',
    ]);
  });

  it('deletes a resource only after what used to depend on it has moved away', () => {
    // The cable moves from the old interface to a new one: create new, update cable, delete old.
    const oldIf = addr('dcim.interface', 'old');
    const newIf = addr('dcim.interface', 'new');
    const changes = diffResources(
      [desired('dcim.interface', 'new'), desired('dcim.cable', 'c', { a: 'new' }, [newIf])],
      [observed('dcim.interface', 'old'), observed('dcim.cable', 'c', { a: 'old' }, [oldIf])],
      { schemas },
    );
    expect(actions(changes)).toEqual(['create netbox.dcim.interface[new]', 'update netbox.dcim.cable[c]', 'delete netbox.dcim.interface[old]']);
  });

  it('breaks ties by schema order (deletes in reverse) and then by address', () => {
    const order: Record<string, number> = { a: 0, b: 1 };
    const s = (type: string): ResourceTypeSchema => ({ target: 'netbox', type, order: order[type], ownedAttrs: ['v'], immutableAttrs: [] });
    const changes = diffResources([desired('b', '1'), desired('a', '2')], [observed('a', 'x'), observed('b', 'y')], { schemas: s });
    expect(actions(changes)).toEqual(['delete netbox.b[y]', 'delete netbox.a[x]', 'create netbox.a[2]', 'create netbox.b[1]']);
  });

  it('uses the first of repeated addresses and does not depend on input order', () => {
    const d = [desired('t', 'a', { v: 1 }), desired('t', 'a', { v: 2 }), desired('t', 'b')];
    const o = [observed('t', 'a', { v: 1 }), observed('t', 'c')];
    const forward = diffResources(d, o, { schemas });
    expect(actions(forward)).toEqual(['delete netbox.t[c]', 'noop netbox.t[a]', 'create netbox.t[b]']);
    const shuffled = diffResources([d[2], d[0], d[1]], [...o].reverse(), { schemas });
    expect(shuffled).toEqual(forward);
  });

  it('diffs 100k resources correctly', () => {
    const want = layeredResources(100_000);
    // Every 10th exists and matches, every 10th+1 exists with another value, the rest are new.
    const have = want.flatMap((r, i) => (i % 10 === 0 ? [observed(r.type, r.key, r.attrs, [...r.dependsOn])] : i % 10 === 1 ? [observed(r.type, r.key, { ...r.attrs, extra: i })] : []));
    have.push(...Array.from({ length: 10_000 }, (_, i) => observed('dcim.interface', `gone-${i}`)));
    const s = (type: string): ResourceTypeSchema => ({ target: 'netbox', type, order: typeRank[type] ?? 9, ownedAttrs: ['name', 'status', 'enabled', 'a', 'extra'], immutableAttrs: [] });
    const changes = diffResources(want, have, { schemas: s });
    const count = (action: string) => changes.filter((c) => c.action === action).length;
    expect([count('create'), count('update'), count('noop'), count('delete')]).toEqual([80_000, 10_000, 10_000, 10_000]);
  });
});
