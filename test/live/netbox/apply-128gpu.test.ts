// Acceptance against the real NetBox 4.7: the canonical 128-GPU case applied to an empty
// NetBox with the diet binary, read back with plain REST calls, an empty plan right after,
// then a changed spec (more servers in one class, a class removed, a zone moved) planned,
// applied and converged. The tests of this file build on each other, in order.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, diet, EXAMPLE_128, farEnd, freshNetbox, listAll, LOCK_WAIT, rest, specVariant, tempState, unlockNetbox } from './netbox-fixtures.js';

const TAG = 'diet-ux-case-128gpu';
const state = tempState();
const LONG = 45 * 60_000;

beforeAll(() => freshNetbox(), LOCK_WAIT);
afterAll(() => unlockNetbox());

interface PlanChange {
  address: string;
  action: string;
}
const planOf = (stdout: string) => JSON.parse(stdout) as { summary: { add: number; change: number; destroy: number }; resource_changes: PlanChange[] };
const actions = (changes: PlanChange[]) => changes.map((c) => `${c.action} ${c.address}`).sort();

describe('diet apply of the 128-GPU example to an empty NetBox', () => {
  it(
    'creates every device, interface and cable in bulk',
    async () => {
      const run = await diet(['apply', '-f', EXAMPLE_128, '--target', 'netbox', '--auto-approve', '--state', state, '--json']);
      expect(run.stderr).not.toContain('internal error');
      expect(run.code, run.stdout.slice(-2000) + run.stderr).toBe(0);
      const lines = run.stdout.trim().split('\n');
      const result = JSON.parse(lines[lines.length - 1]);
      expect(result).toMatchObject({ type: 'result', status: 'applied', total: 3392, applied: 3392, summary: { add: 3392, change: 0, destroy: 0 }, failed: null, warnings: [] });
      const progress = lines.slice(0, -1).map((l) => JSON.parse(l)).filter((e) => e.type === 'progress' && e.phase === 'apply');
      expect(progress.at(-1)).toMatchObject({ target: 'netbox', done: 3392, total: 3392 });
    },
    LONG,
  );

  it('NetBox holds what DOMAIN §13.B expects, read back through plain REST calls', async () => {
    expect(await count('/api/dcim/devices/')).toBe(175);
    expect(await count('/api/dcim/cables/')).toBe(1017);
    expect(await count(`/api/dcim/cables/?tag=${TAG}`)).toBe(1017);
    expect(await count(`/api/dcim/devices/?tag=${TAG}&role=server`)).toBe(155);
    expect(await count(`/api/dcim/devices/?tag=${TAG}&role__n=server`)).toBe(20);
    // Switch-side interfaces diet uses carry its tag: 1,313 of them (DOMAIN §13.B).
    const switchNames = new Set((await listAll(`/api/dcim/devices/?tag=${TAG}&role__n=server&fields=name`)).map((d) => d.name));
    const tagged = await listAll(`/api/dcim/interfaces/?tag=${TAG}&fields=id,name,device`);
    expect(tagged.filter((i) => switchNames.has(i.device.name))).toHaveLength(1313);
    // Template interfaces were updated, never created twice: one E1/1 per switch.
    expect(await count('/api/dcim/interfaces/?device=fe-gpu-leaf-01&name=E1/1')).toBe(1);

    expect(await farEnd('gpu-fe-only-001', 'fe-p0')).toBe('fe-gpu-leaf-01:E1/1/1');
    expect(await farEnd('gpu-fe-only-001', 'fe-p1')).toBe('fe-gpu-leaf-02:E1/1/1');
    expect(await farEnd('gpu-fe-only-001', 'bmc-bmc0')).toBe('oob-mgmt-leaf-01:E1/3');
    expect(await farEnd('gpu-fe-only-002', 'fe-p0')).toBe('fe-gpu-leaf-01:E1/1/2');
    expect(await farEnd('gpu-with-backend-001', 'fe-p0')).toBe('fe-gpu-leaf-01:E1/49/1');
    expect(await farEnd('gpu-with-backend-032', 'fe-p1')).toBe('fe-gpu-leaf-02:E1/63/4');
    expect(await farEnd('gpu-with-backend-001', 'be-rail-2-port0')).toBe('be-rail-leaf-02:E1/1/1');
    expect(await farEnd('hhg-001', 'fe-port0')).toBe('fe-spine-01:E1/1/1');
    expect(await farEnd('fe-border-leaf-01', 'E1/17')).toBe('fe-spine-01:E1/64/1');

    const leaf = (await rest('/api/dcim/devices/?name=fe-gpu-leaf-01')).body.results[0];
    expect(leaf).toMatchObject({ status: { value: 'planned' }, role: { slug: 'leaf' }, device_type: { slug: 'celestica-ds5000' }, site: { slug: 'hedgehog' } });
    expect(leaf.tags.map((t: { slug: string }) => t.slug)).toEqual([TAG]);
    const cable = (await rest('/api/dcim/cables/?device=gpu-fe-only-001&limit=10')).body.results.find((c: any) => c.a_terminations[0].object.name === 'fe-p0');
    expect(cable).toMatchObject({ status: { value: 'planned' }, label: expect.any(String) });
  });

  it('plans no changes right after the apply, against live NetBox and against state', async () => {
    const live = await diet(['plan', '-f', EXAMPLE_128, '--target', 'netbox', '--refresh', 'live', '--detailed-exitcode', '--state', state]);
    expect(live.code, live.stderr).toBe(0);
    expect(live.stdout).toContain('No changes.');
    const fromState = await diet(['plan', '-f', EXAMPLE_128, '--target', 'netbox', '--detailed-exitcode', '--state', state]);
    expect(fromState.code, fromState.stderr).toBe(0);
    const diff = await diet(['diff', '-f', EXAMPLE_128, '--target', 'netbox', '--detailed-exitcode', '--state', state]);
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain('No differences.');
  }, LONG);

  it(
    'a changed spec (storage +2 servers, class hhg removed, storage downlinks moved) plans exactly the expected changes, applies them and converges',
    async () => {
      const changed = specVariant(EXAMPLE_128, (doc) => {
        if (doc.kind === 'Cluster') {
          doc.spec.serverClasses = doc.spec.serverClasses.filter((c: { id: string }) => c.id !== 'hhg');
          doc.spec.serverClasses.find((c: { id: string }) => c.id === 'storage').quantity = 20;
        }
        if (doc.kind === 'Fabric' && doc.metadata.name === 'frontend') {
          const zone = doc.spec.switchClasses.find((c: { id: string }) => c.id === 'fe-storage-leaf').zones.find((z: { name: string }) => z.name === 'fe-storage-leaf-downlinks');
          zone.ports = '33-63:2';
        }
      });
      expect(readFileSync(`${changed}/cluster.yaml`, 'utf8')).not.toContain('id: hhg');

      const live = await diet(['plan', '-f', changed, '--target', 'netbox', '--refresh', 'live', '--json', '--state', state]);
      expect(live.code, live.stderr).toBe(0);
      const fromState = await diet(['plan', '-f', changed, '--target', 'netbox', '--json', '--state', state]);
      expect(fromState.code, fromState.stderr).toBe(0);
      const livePlan = planOf(live.stdout);
      const statePlan = planOf(fromState.stdout);
      // Two independent baselines (NetBox as read, and the applied snapshot) give the same plan.
      expect(actions(livePlan.resource_changes)).toEqual(actions(statePlan.resource_changes));
      expect(livePlan.summary).toEqual(statePlan.summary);

      const devices = livePlan.resource_changes.filter((c) => c.address.startsWith('netbox.dcim.device['));
      expect(actions(devices)).toEqual(['create netbox.dcim.device[storage-019]', 'create netbox.dcim.device[storage-020]', 'delete netbox.dcim.device[hhg-001]', 'delete netbox.dcim.device[hhg-002]']);
      const byAction = (prefix: string, action: string) => livePlan.resource_changes.filter((c) => c.address.startsWith(prefix) && c.action === action).map((c) => c.address);
      // Each storage server's front-end cables move to the new ports: all 40 are new, the 36 old ones go.
      // (BMC cables are left out: removing a class shifts the out-of-band allocation of later classes.)
      const frontEnd = (addresses: string[]) => addresses.filter((a) => !a.includes('bmc'));
      expect(frontEnd(byAction('netbox.dcim.cable[storage-', 'create'))).toHaveLength(40);
      expect(frontEnd(byAction('netbox.dcim.cable[storage-', 'delete'))).toHaveLength(36);
      expect(byAction('netbox.dcim.cable[hhg-', 'delete')).toHaveLength(6);
      // Storage leaf lanes: 18 per leaf on ports 1, 3, 5, 7, 9 before; 20 on ports 33 … 41 after.
      expect(byAction('netbox.dcim.interface[fe-storage-leaf-01:E1/1/', 'delete')).toHaveLength(4);
      expect(byAction('netbox.dcim.interface[fe-storage-leaf-01:', 'delete')).toHaveLength(18);
      expect(byAction('netbox.dcim.interface[fe-storage-leaf-01:', 'create')).toHaveLength(20);
      expect(byAction('netbox.dcim.interface[fe-storage-leaf-01:E1/33/', 'create')).toHaveLength(4);
      // hhg-00x used lanes of the fe-spine 200G zone: those go, nothing replaces them.
      expect(byAction('netbox.dcim.interface[fe-spine-0', 'create')).toHaveLength(0);
      expect(byAction('netbox.dcim.interface[fe-spine-01:E1/1/', 'delete')).toHaveLength(2);

      const apply = await diet(['apply', '-f', changed, '--target', 'netbox', '--auto-approve', '--state', state]);
      expect(apply.code, apply.stderr).toBe(0);
      const s = livePlan.summary;
      expect(apply.stdout).toContain(`Apply complete! Resources: ${s.add} added, ${s.change} changed, ${s.destroy} destroyed.`);

      expect(await count('/api/dcim/devices/')).toBe(175);
      expect(await count('/api/dcim/devices/?name=hhg-001')).toBe(0);
      expect(await farEnd('storage-001', 'fe-p0')).toBe('fe-storage-leaf-01:E1/33/1');
      expect(await farEnd('storage-020', 'fe-p1')).toBe('fe-storage-leaf-02:E1/41/4');
      expect(await count('/api/dcim/interfaces/?device=fe-storage-leaf-01&name=E1/1/1')).toBe(0);

      const again = await diet(['plan', '-f', changed, '--target', 'netbox', '--refresh', 'live', '--detailed-exitcode', '--state', state]);
      expect(again.code, again.stdout).toBe(0);
      expect(again.stdout).toContain('No changes.');
    },
    LONG,
  );
});
