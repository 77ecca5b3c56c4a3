/**
 * Adoption through the built binary against the in-memory NetBox (test/support/fake-netbox.ts):
 * a hand-made device with a name the spec wants is refused until the Cluster adopts it; the
 * plan then shows the adoption (text and JSON), apply tags it and records it in state, and a
 * spec without the device releases it instead of destroying it. The tests build on each other.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStateStore } from '../../src/state/index.js';
import { FakeNetbox } from '../support/fake-netbox.js';
import { crashSigns, removeTempDirs, REPO, tempDir } from './run-diet.js';
import { dietEnv, runDietAsync } from './run-diet-async.js';

const lab = readFileSync(join(REPO, 'examples', 'lab', 'lab.yaml'), 'utf8');
const nine = lab.replace('quantity: 8', 'quantity: 9');
const adopting = nine.replace('  description: small lab fabric\n', '  description: small lab fabric\n  adopt:\n    netbox:\n      devices: [server-009]\n');
const SERVER = 'netbox.dcim.device[server-009]';
const dir = tempDir('diet-e2e-adopt');
const fake = new FakeNetbox();

function spec(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}

function diet(...args: string[]) {
  return runDietAsync([...args, '--target', 'netbox', '--state', 'state.db', '--no-color'], { cwd: dir, env: dietEnv({ DIET_NETBOX_URL: fake.url, DIET_NETBOX_TOKEN: 'good-token' }) });
}

beforeAll(async () => {
  await fake.start();
  const run = await diet('apply', '-f', spec('lab.yaml', lab), '--auto-approve');
  expect(run.code, run.stderr).toBe(0);
  const id = (table: string, slug: string) => fake.all(table).find((o) => o.slug === slug)!.id as number;
  fake.tables.get('device')!.set(900, { id: 900, name: 'server-009', device_type: id('dtype', 'generic-server'), role: id('role', 'server'), site: id('site', 'hedgehog'), status: 'active', description: '', serial: 'SN-9', tags: [] });
});
afterAll(async () => {
  await fake.stop();
  removeTempDirs();
});

describe('diet adopts a hand-made NetBox device only when the spec says so', () => {
  it('refuses the collision without adopt, and the hint names the adopt setting', async () => {
    const run = await diet('plan', '-f', spec('nine.yaml', nine), '--refresh', 'live');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: ${SERVER} already exists (id 900) but is not managed by diet`);
    expect(run.stderr).toContain('spec.adopt.netbox.devices: [server-009]');
    expect(crashSigns(run.stderr)).toEqual([]);
  });

  it('plans the adoption: shown on its line and in the JSON document', async () => {
    const text = await diet('plan', '-f', spec('adopt.yaml', adopting), '--refresh', 'live');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`  ~ ${SERVER} (adopt existing object)`);
    expect(text.stdout).toContain('Ownership: 1 to adopt, 0 to release (adopted objects are never destroyed).');
    const json = JSON.parse((await diet('plan', '-f', 'adopt.yaml', '--refresh', 'live', '--json')).stdout);
    expect(json.resource_changes.find((c: { address: string }) => c.address === SERVER)).toMatchObject({ action: 'update', ownership: 'adopt' });
  });

  it('applies it: the device keeps its id and serial, gains the tag, and the next plan is empty', async () => {
    const run = await diet('apply', '-f', 'adopt.yaml', '--auto-approve');
    expect(run.code, run.stderr).toBe(0);
    const tag = fake.all('tag').find((t) => t.slug === 'diet-lab')!;
    expect(fake.tables.get('device')!.get(900)).toMatchObject({ serial: 'SN-9', status: 'planned', tags: [tag.id] });
    const again = await diet('plan', '-f', 'adopt.yaml', '--refresh', 'live', '--detailed-exitcode');
    expect(again.code, again.stdout).toBe(0);
    const list = await runDietAsync(['state', 'list', '--state', 'state.db'], { cwd: dir, env: dietEnv() });
    expect(list.stdout).toContain(`${SERVER} (adopted)\n`);
    const store = openStateStore(join(dir, 'state.db'), { readonly: true });
    expect(store.managedResources('lab')!.resources.filter((r) => r.adopted).map((r) => r.address)).toEqual([SERVER]);
    store.close();
  });

  it('releases it when the spec drops it: diff and apply show a release, NetBox keeps the device', async () => {
    const diff = await diet('diff', '-f', 'lab.yaml');
    expect(diff.stdout).toContain(`  ~ ${SERVER} (release: diet's tag removed, object kept)`);
    expect(diff.stdout).not.toContain(`- ${SERVER}`);
    const run = await diet('apply', '-f', 'lab.yaml', '--auto-approve');
    expect(run.code, run.stderr).toBe(0);
    expect(fake.tables.get('device')!.get(900)).toMatchObject({ name: 'server-009', serial: 'SN-9', tags: [] });
    expect((await diet('diff', '-f', 'lab.yaml', '--detailed-exitcode')).code).toBe(0);
  });
});
