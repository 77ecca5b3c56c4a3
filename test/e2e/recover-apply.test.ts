/**
 * `diet apply --recover` through the built binary, against the in-memory NetBox: a real
 * `diet apply` process is SIGKILLed while a proxy holds one of its bulk writes (earlier ones
 * went through), so the state file holds an open journaled run. Plans are refused until the
 * recovery completes the run or rolls it back; afterwards state and NetBox agree.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStateStore } from '../../src/state/index.js';
import { FakeNetbox } from '../support/fake-netbox.js';
import { crashSigns, removeTempDirs, REPO, tempDir } from './run-diet.js';
import { dietEnv, runDietAsync, startDiet } from './run-diet-async.js';

afterAll(removeTempDirs);

const LAB = join(REPO, 'examples', 'lab', 'lab.yaml');

/** Passes requests to the fake NetBox, except that the `holdAt`-th write (1-based) is held for good. */
class HoldingProxy {
  private server?: Server;
  url = '';
  writes = 0;
  holdAt = Infinity;
  held: Promise<void>;
  private markHeld!: () => void;

  constructor(private readonly upstream: string) {
    this.held = new Promise((resolve) => (this.markHeld = resolve));
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'GET' && ++this.writes >= this.holdAt) {
      this.markHeld();
      return; // never answered, never forwarded
    }
    const out = request(new URL(req.url!, this.upstream), { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    out.on('error', () => res.destroy());
    out.end(Buffer.concat(chunks));
  }
}

let netbox: FakeNetbox;
let proxy: HoldingProxy;
let dir: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  netbox = new FakeNetbox();
  await netbox.start();
  proxy = new HoldingProxy(netbox.url);
  await proxy.start();
  dir = tempDir('diet-recover');
  env = dietEnv({ DIET_NETBOX_URL: proxy.url, DIET_NETBOX_TOKEN: 'good-token' });
});
afterEach(async () => {
  await proxy.stop();
  await netbox.stop();
});

function diet(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runDietAsync([...args, '--state', 'state.db', '--no-color'], { cwd: dir, env });
}

/** Applies the lab to NetBox and SIGKILLs diet while its third bulk write is in flight. */
async function killedApply(): Promise<void> {
  proxy.holdAt = 3;
  const apply = startDiet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '--json', '--state', 'state.db'], { cwd: dir, env });
  await Promise.race([proxy.held, apply.done.then(() => Promise.reject(new Error(`apply ended early: ${apply.stderr}`)))]);
  apply.child.kill('SIGKILL');
  await apply.done.catch(() => undefined);
  proxy.holdAt = Infinity;
}

const dietObjects = () => netbox.all('device').length + netbox.all('site').length + netbox.all('manufacturer').length + netbox.all('cable').length;

function journal() {
  const store = openStateStore(join(dir, 'state.db'), { readonly: true });
  try {
    return { runs: [1, 2, 3].map((id) => store.getApplyRun(id)), steps: store.journalOf(1), managed: store.managedResources('lab') };
  } finally {
    store.close();
  }
}

describe('diet apply --recover after a killed apply', () => {
  it('refuses plans meanwhile, shows journal and live per object, and --complete finishes the plan', async () => {
    await killedApply();
    const open = journal();
    expect(open.runs[0]).toMatchObject({ kind: 'apply', pid: expect.any(Number) });
    expect(open.runs[0]!.outcome).toBeUndefined();
    const states = new Set(open.steps.map((s) => s.state));
    expect(states).toEqual(new Set(['confirmed', 'sent', 'intended']));

    const plan = await diet(['plan', '-f', LAB, '--refresh', 'live', '--target', 'netbox']);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toMatch(/^Error: cluster lab has an interrupted apply: run 1 of plan [0-9a-f]+, started \S+ by pid \d+ on \S+, never finished \(pid \d+ is not running on \S+\)\n  hint: run `diet apply --recover`/);

    const unapproved = await diet(['apply', '--recover', '--complete']);
    expect(unapproved.code).toBe(1);
    expect(unapproved.stderr).toContain('refusing to recover without approval');

    const recover = await diet(['apply', '--recover', '--complete', '--auto-approve']);
    expect(crashSigns(recover.stderr)).toEqual([]);
    expect(recover.code, recover.stderr).toBe(0);
    expect(recover.stdout).toMatch(/^Interrupted apply: run 1 of plan [0-9a-f]+ on cluster lab/);
    expect(recover.stdout).toMatch(/^ {2}confirmed +as planned +\+ +netbox\.dcim\.site\[/m);
    expect(recover.stdout).toMatch(/^ {2}sent, unconfirmed +as before +\+ /m);
    expect(recover.stdout).not.toMatch(/^ {2}not sent +as before/m);
    expect(recover.stdout).toMatch(/^Journal: \d+ confirmed, \d+ sent, unconfirmed, \d+ not sent\. Live: \d+ as planned, \d+ as before\.$/m);
    expect(recover.stdout).toMatch(/^ {2}\+ +netbox\.dcim\.cable × 24$/m);
    expect(recover.stdout).toMatch(/^Recovery complete: run 1 completed plan [0-9a-f]+ \(\d+ change\(s\) applied\); state snapshot \d+\.$/m);

    const after = journal();
    expect(after.runs[0]).toMatchObject({ outcome: 'recovered' });
    expect(after.runs[1]).toMatchObject({ kind: 'recover', outcome: 'applied' });
    expect(after.managed!.record.kind).toBe('applied');
    const again = await diet(['plan', '-f', LAB, '--refresh', 'live', '--target', 'netbox', '--detailed-exitcode']);
    expect(again.code, again.stderr + again.stdout).toBe(0);
    expect((await diet(['plan', '-f', LAB, '--target', 'netbox', '--detailed-exitcode'])).code).toBe(0);
    expect((await diet(['apply', '--recover'])).stdout).toBe('No interrupted apply: nothing to recover.\n');
  });

  it('rolls back by default: NetBox holds nothing of diet afterwards, state records it, the next apply starts clean', async () => {
    await killedApply();
    expect(dietObjects()).toBeGreaterThan(0);
    const recover = await diet(['apply', '--recover', '--auto-approve', '--json']);
    expect(recover.code, recover.stderr).toBe(0);
    const lines = recover.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const preview = lines.find((l) => l.type === 'recovery');
    expect(preview).toMatchObject({ format_version: '1', cluster: 'lab', mode: 'rollback', run: { id: 1, kind: 'apply', interrupted_because: expect.stringMatching(/is not running/) } });
    expect(preview.objects.some((o: { journal: string }) => o.journal === 'sent')).toBe(true);
    expect(lines.at(-1)).toMatchObject({ type: 'result', kind: 'recover', status: 'recovered', mode: 'rollback', run_id: 1, recover_run_id: 2, failed: null, remaining: [] });
    expect(dietObjects()).toBe(0);
    const after = journal();
    expect(after.managed).toMatchObject({ record: { kind: 'restore', resourceCount: 0 } });
    const apply = await diet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve']);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toMatch(/^Apply complete!/m);
  });

  it('--recover refuses while the apply is still running, and bad flag combinations', async () => {
    proxy.holdAt = 3;
    const apply = startDiet(['apply', '-f', LAB, '--target', 'netbox', '--auto-approve', '--state', 'state.db'], { cwd: dir, env });
    await proxy.held;
    const refused = await diet(['apply', '--recover']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error: run 1 \(apply of plan [0-9a-f]+\) on cluster lab is still running: pid \d+ on \S+, started \S+\n  hint: nothing to recover while it runs/);
    apply.child.kill('SIGKILL');
    await apply.done.catch(() => undefined);
    expect((await diet(['apply', '--recover', '--rollback', '--complete'])).stderr).toMatch(/^Error: --rollback and --complete exclude each other/);
    expect((await diet(['apply', 'plan.json', '--recover'])).stderr).toMatch(/^Error: --recover takes no plan or spec/);
    expect((await diet(['apply', '--complete'])).stderr).toMatch(/^Error: --complete and --cluster go with --recover/);
  });
});
