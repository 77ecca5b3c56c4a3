// The NetBox target's side of the journal, against the in-memory NetBox: each bulk chunk is
// announced with all its objects before its request leaves, confirmed after a 2xx, refused
// after a 4xx, and left "sent" (maybe written) after a 5xx.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { expandSpec } from '../../../src/engine/expand-spec.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import type { DesiredResource } from '../../../src/resource/resource.js';
import type { ApplyEvents, JournalStep, StepResult } from '../../../src/targets/live-target.js';
import { createNetboxTarget } from '../../../src/targets/netbox/create-netbox-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { FakeNetbox } from '../../support/fake-netbox.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-nb-journal-'));
const lab = readFileSync(new URL('../../../examples/lab/lab.yaml', import.meta.url), 'utf8');
let fake: FakeNetbox;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  await fake?.stop();
  fake = new FakeNetbox();
  await fake.start();
});

async function desiredOf(text: string): Promise<DesiredResource[]> {
  const file = join(dir, `spec-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return (await expandSpec([file])).desired.filter((d) => d.target === 'netbox');
}

/** A journal that remembers what it heard, and how many write requests NetBox had seen by then. */
function recordingJournal() {
  const heard: { kind: 'sending' | 'confirmed' | 'refused'; steps: string[]; writesSeen: number }[] = [];
  const writes = () => fake.requests.filter((r) => r.method !== 'GET').length;
  const events: ApplyEvents = {
    progress: () => {},
    journal: {
      sending: async (steps: readonly JournalStep[]) => void heard.push({ kind: 'sending', steps: steps.map((s) => s.address), writesSeen: writes() }),
      answered: (confirmed: readonly StepResult[], refused: readonly JournalStep[] = []) => {
        if (confirmed.length > 0) heard.push({ kind: 'confirmed', steps: confirmed.map((s) => s.address), writesSeen: writes() });
        if (refused.length > 0) heard.push({ kind: 'refused', steps: refused.map((s) => s.address), writesSeen: writes() });
      },
      withdrawn: () => {},
    },
  };
  return { heard, events };
}

async function converge(desired: DesiredResource[], events: ApplyEvents, maxObjects = 50) {
  const t = createNetboxTarget({ url: fake.url, token: 'good-token', verifyTls: true, timeoutMs: 10_000 }, { chunking: { maxObjects } });
  const live = await t.read({ cluster: 'lab', desired });
  const changes = diffResources(desired, live.filter((o) => o.owned), { schemas: resourceSchema }).filter((c) => c.action !== 'noop');
  return { outcome: await t.apply(changes, new Map(live.map((o) => [o.address, o])), events), changes };
}

describe('NetBox apply journaling', () => {
  it('announces each chunk before its request and confirms every applied object after', async () => {
    const { heard, events } = recordingJournal();
    const { outcome, changes } = await converge(await desiredOf(lab), events);
    expect(outcome.failed).toBeUndefined();
    const sending = heard.filter((h) => h.kind === 'sending');
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    // One announcement per bulk request, with exactly the objects it carried.
    expect(sending.map((h) => h.steps.length)).toEqual(writes.map((w) => w.items));
    // Each announcement came before the request it announces was answered.
    for (const h of heard.filter((x) => x.kind === 'confirmed')) {
      const announced = sending.find((s) => s.steps.includes(h.steps[0]))!;
      expect(announced.writesSeen).toBeLessThan(h.writesSeen);
    }
    const confirmed = heard.filter((h) => h.kind === 'confirmed').flatMap((h) => h.steps);
    expect(confirmed.sort()).toEqual(changes.map((c) => c.address).sort());
  });

  it('journals interfaces left to the cascade with their device, and refuses a chunk NetBox answered 400', async () => {
    await converge(await desiredOf(lab), recordingJournal().events);
    const smaller = await desiredOf(lab.replace('quantity: 8', 'quantity: 6'));
    const { heard, events } = recordingJournal();
    const { outcome, changes } = await converge(smaller, events);
    expect(outcome.failed).toBeUndefined();
    const deviceDelete = heard.find((h) => h.kind === 'sending' && h.steps.includes('netbox.dcim.device[server-007]'))!;
    const cascaded = changes.filter((c) => c.type === 'dcim.interface' && c.key.startsWith('server-007:')).map((c) => c.address);
    expect(cascaded.length).toBeGreaterThan(0);
    expect(deviceDelete.steps).toEqual(expect.arrayContaining(cascaded));

    await fake.stop();
    fake = new FakeNetbox();
    await fake.start();
    fake.rejectCreate = (table, item) => (table === 'device' && item.name === 'server-003' ? { name: ['exists'] } : undefined);
    const refusing = recordingJournal();
    const failed = await converge(await desiredOf(lab), refusing.events);
    expect(failed.outcome.failed).toMatchObject({ address: 'netbox.dcim.device[server-003]', status: 400 });
    expect(refusing.heard.find((h) => h.kind === 'refused')?.steps).toContain('netbox.dcim.device[server-003]');
  });

  it('leaves a chunk answered 5xx as sent: NetBox may have written it', async () => {
    fake.faultFor = (method, path) => (method === 'POST' && path === '/api/dcim/devices/' ? { status: 502, body: { detail: 'bad gateway' } } : undefined);
    const { heard, events } = recordingJournal();
    const { outcome } = await converge(await desiredOf(lab), events);
    expect(outcome.failed).toMatchObject({ status: 502 });
    const devices = heard.filter((h) => h.steps.some((s) => s.startsWith('netbox.dcim.device[')));
    expect(devices.length).toBeGreaterThan(0);
    expect(devices.every((h) => h.kind === 'sending')).toBe(true);
  });
});
