// Rollback and snapshot restore against the real servers at once: NetBox 4.7 and the
// project's kube-apiserver (instance a), with the lab example (NetBox plus the frontend fabric's Kubernetes).
// Failures are injected by loopback proxies (test/live/fault-proxy.ts): one in front of
// NetBox, one (HTTPS, with its own certificate) in front of the API server. Every check of
// the outcome reads both servers back directly, not through diet. The tests build on each
// other, in order.
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../../src/state/index.js';
import { diet as dietBinary, EXAMPLE_LAB, listAll, LOCK_WAIT, specVariant, tempState } from '../netbox/netbox-fixtures.js';
import { rawObjects } from '../kubernetes/kube-fixtures.js';
import { startBothServers, type BothServers } from './both-servers.js';

const state = tempState();
const withServers = (n: number) =>
  specVariant(EXAMPLE_LAB, (doc) => {
    if (doc.kind === 'Cluster') doc.spec.serverClasses[0].quantity = n;
  });
const six = withServers(6);
const ten = withServers(10);
let servers: BothServers;

beforeAll(async () => {
  servers = await startBothServers('diet-rollback-live-');
}, LOCK_WAIT);
afterAll(() => servers?.stop());

/** diet through both proxies (which pass everything through unless a rule says otherwise). */
const diet = (args: readonly string[]) => dietBinary(['--config', servers.config, ...args, '--state', state], servers.env);

// ------------------------------------------------------------------ both servers, read directly

const NETBOX_LISTS = ['extras/tags', 'dcim/sites', 'dcim/manufacturers', 'dcim/device-roles', 'dcim/device-types', 'dcim/interface-templates', 'dcim/devices', 'dcim/interfaces', 'dcim/cables'];
const VOLATILE = new Set(['id', 'object_id', 'url', 'display_url', 'display', 'created', 'last_updated', 'description_html']);

/** A NetBox value without ids and timestamps; a nested object becomes its slug, name or label, so recreated objects compare equal. */
function stable(value: unknown, nested = false): unknown {
  if (Array.isArray(value)) return value.map((v) => stable(v, true));
  if (value === null || typeof value !== 'object') return value;
  const o = value as Record<string, unknown>;
  if (nested && 'id' in o) return o.slug ?? (o.device ? `${String((o.device as Record<string, unknown>).name)}:${String(o.name)}` : undefined) ?? o.name ?? o.label ?? o.value ?? stable({ ...o, id: undefined });
  if (nested && 'value' in o && 'label' in o) return o.value;
  return Object.fromEntries(Object.entries(o).filter(([k, v]) => !VOLATILE.has(k) && v !== undefined).map(([k, v]) => [k, stable(v, true)]));
}

/** Everything in NetBox (it was reset for this file: all of it is diet's doing), sorted. */
async function netboxNow(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const list of NETBOX_LISTS) out[list] = (await listAll(`/api/${list}/`)).map((o) => JSON.stringify(stable(o))).sort();
  return out;
}

/** Every object of diet's kinds on the API server: name, labels and spec (no uid, resourceVersion or managed fields). */
async function kubeNow(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [key, o] of await rawObjects('a')) out[key] = JSON.stringify({ labels: o.metadata.labels ?? {}, spec: o.spec ?? {} });
  return out;
}

const both = async () => ({ netbox: await netboxNow(), kubernetes: await kubeNow() });
const count = (view: Awaited<ReturnType<typeof both>>) => ({ devices: view.netbox['dcim/devices'].length, cables: view.netbox['dcim/cables'].length, kube: Object.keys(view.kubernetes).length });

function snapshots(): { id: number; kind: string }[] {
  const store = openStateStore(state, { readonly: true });
  try {
    return store.listSnapshots('lab').map((s) => ({ id: s.id, kind: s.kind }));
  } finally {
    store.close();
  }
}
const latestManaged = () => snapshots().find((s) => s.kind === 'applied' || s.kind === 'restore')?.id;

let eightServers: Awaited<ReturnType<typeof both>>;
/** The applied snapshot of the eight-server lab. */
let eightSnapshot: number;
/** What diet manages (latest applied or restore snapshot) while the lab has eight servers. */
let managed: number;

describe('rollback against the real NetBox and kube-apiserver', () => {
  it('applies the lab to both', async () => {
    const run = await diet(['apply', '-f', EXAMPLE_LAB, '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    eightServers = await both();
    expect(count(eightServers)).toMatchObject({ devices: 11 });
    expect(count(eightServers).kube).toBeGreaterThan(10);
    eightSnapshot = latestManaged()!;
    managed = eightSnapshot;
  }, 600_000);

  it('a 500 from NetBox after some writes went through: everything is rolled back, both servers equal the pre-apply snapshot, exit 3', async () => {
    // The first bulk write (the new devices) goes through; the next one fails.
    servers.netboxProxy.rules.push({ methods: ['POST', 'PATCH', 'DELETE'], path: /^\/api\/dcim\//, skip: 1, times: 1, status: 500, body: { error: 'injected after one write', exception: 'OperationalError' } });
    const run = await diet(['apply', '-f', ten, '--auto-approve', '--json']);
    servers.netboxProxy.rules.length = 0;
    expect(run.code, run.stderr).toBe(3);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ status: 'rolled-back', snapshot_id: null, failed: { message: expect.stringContaining('500 Internal Server Error: injected after one write') }, rollback: { status: 'rolled-back', not_restored: [] } });
    expect(result.applied).toBeGreaterThan(0);
    expect(result.rollback.restored.map((r: { address: string }) => r.address)).toContain('netbox.dcim.device[server-009]');
    expect(servers.netboxProxy.seen.filter((s) => s.status === 500)).toHaveLength(1);
    expect(await both()).toEqual(eightServers);
    expect(latestManaged()).toBe(managed);
    expect(snapshots()[0]).toEqual({ id: result.pre_apply_snapshot_id, kind: 'pre-apply' });
  }, 600_000);

  it('when the rollback itself is refused, it says what it could not restore (exit 1), and snapshot restore finishes the job', async () => {
    servers.netboxProxy.rules.push({ methods: ['POST', 'PATCH', 'DELETE'], path: /^\/api\/dcim\//, skip: 1, times: 1, status: 500, body: { error: 'injected after one write' } });
    servers.netboxProxy.rules.push({ method: 'DELETE', path: /^\/api\/dcim\/devices\//, status: 500, body: { error: 'injected into the rollback' } });
    const run = await diet(['apply', '-f', ten, '--auto-approve']);
    servers.netboxProxy.rules.length = 0;
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/Rollback incomplete: \d+ restored.*, \d+ not restored:\n {2}netbox\.dcim\.device\[server-0(09|10)\] +failed: NetBox failed on DELETE \/api\/dcim\/devices\/ with 500 Internal Server Error: injected into the rollback/);
    const pre = Number(/diet snapshot restore (\d+)/.exec(run.stderr)![1]);
    expect(snapshots().find((s) => s.id === pre)?.kind).toBe('pre-apply');
    expect(count(await both()).devices).toBe(13);
    expect(latestManaged()).toBe(managed);

    const restore = await diet(['snapshot', 'restore', String(pre), '--auto-approve']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(await both()).toEqual(eightServers);
    // What diet manages is now the restore snapshot, which holds the same objects as the applied one.
    managed = latestManaged()!;
    expect(snapshots()[0]).toEqual({ id: managed, kind: 'restore' });
    expect((await diet(['snapshot', 'diff', String(eightSnapshot), String(managed), '--detailed-exitcode'])).code).toBe(0);
  }, 600_000);

  it('a failure in the Kubernetes part after the NetBox part went through: the NetBox objects are removed again too, exit 3', async () => {
    // Growing to ten servers creates their devices, interfaces and cables in NetBox first, then
    // their Servers and Connections in Kubernetes; the API server refuses the third Connection.
    servers.kubeProxy.rules.push({ method: 'PATCH', path: /\/connections\//, skip: 2, times: 1, status: 403, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: 'connections.wiring.githedgehog.com is forbidden: injected' } });
    const run = await diet(['apply', '-f', ten, '--auto-approve', '--json']);
    servers.kubeProxy.rules.length = 0;
    expect(run.code, run.stderr).toBe(3);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    expect(result).toMatchObject({ status: 'rolled-back', failed: { address: expect.stringMatching(/^kubernetes\.wiring\.githedgehog\.com\/Connection\[frontend\//), message: expect.stringContaining('forbidden: injected') }, rollback: { status: 'rolled-back', not_restored: [] } });
    const restored = result.rollback.restored.map((r: { address: string; action: string }) => `${r.action} ${r.address}`);
    expect(restored).toContain('delete netbox.dcim.device[server-009]');
    expect(restored).toContain('delete kubernetes.wiring.githedgehog.com/Server[frontend/server-010]');
    expect(restored.some((r: string) => r.startsWith('delete kubernetes.wiring.githedgehog.com/Connection['))).toBe(true);
    expect(servers.kubeProxy.seen.filter((s) => s.method === 'PATCH' && /\/connections\//.test(s.path) && s.status < 300).length).toBeGreaterThanOrEqual(2);
    expect(await both()).toEqual(eightServers);
    expect(latestManaged()).toBe(managed);
    const again = await diet(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode']);
    expect(again.code, again.stdout).toBe(0);
  }, 600_000);

  it('when the Kubernetes part fails first (a shrink deletes there before NetBox), what it deleted is recreated, exit 3', async () => {
    servers.kubeProxy.rules.push({ method: 'DELETE', path: /\/servers\//, status: 403, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Forbidden', code: 403, message: 'servers.wiring.githedgehog.com is forbidden: injected' } });
    const run = await diet(['apply', '-f', six, '--auto-approve']);
    servers.kubeProxy.rules.length = 0;
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toMatch(/Error: apply failed at kubernetes\.wiring\.githedgehog\.com\/Server\[frontend\/server-00[78]\] \(delete\): .*forbidden: injected/);
    expect(run.stderr).toMatch(/Rollback complete: \d+ restored \(\d+ recreated\); every object the plan touched reads back as before the apply\. State was not updated\./);
    expect(await both()).toEqual(eightServers);
    expect(latestManaged()).toBe(managed);
  }, 600_000);
});

describe('snapshot restore against the real NetBox and kube-apiserver', () => {
  let sixServers: Awaited<ReturnType<typeof both>>;

  it('after a changed spec was applied, --dry-run shows the way back and changes nothing', async () => {
    const run = await diet(['apply', '-f', six, '--auto-approve', '-q']);
    expect(run.code, run.stderr).toBe(0);
    sixServers = await both();
    expect(count(sixServers).devices).toBe(9);
    const dry = await diet(['snapshot', 'restore', String(eightSnapshot), '--dry-run', '--detailed-exitcode']);
    expect(dry.code, dry.stderr).toBe(2);
    expect(dry.stderr).toContain(`Restoring snapshot ${eightSnapshot} (lab, applied,`);
    expect(dry.stdout).toMatch(/\+ netbox\.dcim\.device\[server-007\]/);
    expect(dry.stdout).toMatch(/\+ kubernetes\.wiring\.githedgehog\.com\/Server\[frontend\/server-008\]/);
    expect(dry.stdout).toMatch(/Plan: \d+ to add, 0 to change, 0 to destroy\./);
    expect(await both()).toEqual(sixServers);
  }, 600_000);

  it('restore brings both servers back to the earlier snapshot and records a restore snapshot', async () => {
    const run = await diet(['snapshot', 'restore', String(eightSnapshot), '--auto-approve']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`Restore complete: \\d+ restored \\(\\d+ recreated\\); everything in kubernetes/frontend, netbox reads back as snapshot ${eightSnapshot}\\. State snapshot (\\d+) \\(restore\\) is what diet manages now`));
    expect(await both()).toEqual(eightServers);
    expect(snapshots()[0].kind).toBe('restore');
    // The restore snapshot is what diet manages: a plan of the eight-server spec against state is empty.
    const plan = await diet(['plan', '-f', EXAMPLE_LAB, '--detailed-exitcode']);
    expect(plan.code, plan.stdout).toBe(0);
    const live = await diet(['plan', '-f', EXAMPLE_LAB, '--refresh', 'live', '--detailed-exitcode']);
    expect(live.code, live.stdout).toBe(0);
  }, 600_000);

  it('verify detects a tampered snapshot, and restore refuses it without touching either server', async () => {
    const db = new Database(state);
    db.prepare("UPDATE snapshot_resources SET attrs = replace(attrs, '\"planned\"', '\"offline\"') WHERE snapshot_id = ? AND type = 'dcim.device'").run(eightSnapshot);
    db.close();
    const verify = await diet(['snapshot', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(new RegExp(`snapshot ${eightSnapshot} \\(lab, applied, [^)]+\\): MISMATCH`));
    expect(verify.stderr).toContain(`Error: snapshot ${eightSnapshot} (cluster lab, applied) does not match its checksum`);
    const before = await both();
    const restore = await diet(['snapshot', 'restore', String(eightSnapshot), '--auto-approve']);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(new RegExp(`^Error: refusing to restore snapshot ${eightSnapshot}: it does not match its checksum`));
    expect(await both()).toEqual(before);
  }, 600_000);
});
