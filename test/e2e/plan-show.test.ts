/**
 * `diet plan` and `diet show` through the built binary, on the canonical 128-GPU example
 * (DOMAIN §13.B): the topology figures, the JSON contract, exit codes, and that `show`
 * reprints exactly what `plan` printed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashSigns, EXAMPLE_128GPU, REPO, removeTempDirs, runDiet, tempDir, type DietRun } from './run-diet.js';

afterAll(removeTempDirs);

/** The canonical case's published figures (DOMAIN §13.B). */
const CANONICAL_TOPOLOGY = {
  devices: 175,
  servers: 155,
  switches: 20,
  cables: 1017,
  switch_interfaces: 1313,
  switch_classes: {
    'fe-gpu-leaf': 2,
    'fe-storage-leaf': 2,
    'be-rail-leaf': 4,
    'fe-border-leaf': 2,
    'oob-mgmt-leaf': 4,
    'fe-spine': 4,
    'be-spine': 2,
  },
  server_classes: {
    'gpu-fe-only': 96,
    'gpu-with-backend': 32,
    storage: 18,
    'admin-node': 1,
    'host-lfm-ctrl': 1,
    'hh-fe-ctrl': 1,
    'hh-be-ctrl': 1,
    hhg: 2,
    'exo-kube': 3,
  },
};

interface PlanJson {
  format_version: string;
  digest: string;
  cluster: string;
  topology: typeof CANONICAL_TOPOLOGY;
  summary: { add: number; change: number; destroy: number; replace: number; noop: number };
  resource_changes: { address: string; action: string }[];
}

describe('diet plan on examples/128gpu', () => {
  let dir: string;
  let jsonRun: DietRun;
  let doc: PlanJson;
  let textRun: DietRun;

  beforeAll(() => {
    dir = tempDir();
    jsonRun = runDiet(['plan', '-f', EXAMPLE_128GPU, '--json', '--state', 'state.db'], { cwd: dir });
    doc = JSON.parse(jsonRun.stdout) as PlanJson;
    textRun = runDiet(['plan', '-f', EXAMPLE_128GPU, '--no-color', '--state', 'state.db', '-o', 'plan.json'], { cwd: dir });
  });

  it('exits 0 and prints the plan document with the canonical topology', () => {
    expect(jsonRun.code, jsonRun.stderr).toBe(0);
    expect(crashSigns(jsonRun.stderr)).toEqual([]);
    expect(doc.topology).toEqual(CANONICAL_TOPOLOGY);
    expect(doc.cluster).toBe('ux-case-128gpu');
  });

  it('carries format_version and a sha256 digest; the document is one line of JSON', () => {
    expect(doc.format_version).toBe('1');
    expect(doc.digest).toMatch(/^(sha256:)?[0-9a-f]{64}$/);
    expect(jsonRun.stdout.endsWith('\n')).toBe(true);
    expect(jsonRun.stdout.trimEnd()).not.toContain('\n');
  });

  it('plans only creates against an empty state, and the summary counts them', () => {
    expect(doc.resource_changes.length).toBeGreaterThan(0);
    expect(new Set(doc.resource_changes.map((c) => c.action))).toEqual(new Set(['create']));
    expect(doc.summary).toMatchObject({ add: doc.resource_changes.length, change: 0, destroy: 0, replace: 0 });
  });

  it('prints the human plan ending with the Plan: line and the topology figures', () => {
    expect(textRun.code, textRun.stderr).toBe(0);
    const lines = textRun.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`Plan: ${doc.summary.add} to add, 0 to change, 0 to destroy.`);
    const topologyLine = lines.find((l) => l.startsWith('Topology:'));
    expect(topologyLine).toBeDefined();
    for (const figure of ['20 switches', '155 servers', '1,017 cables', '1,313 switch interfaces', '175 devices']) expect(topologyLine).toContain(figure);
    expect(lines[0]).toBe('diet will perform the following actions:');
    // --no-color: no ANSI escapes at all
    expect(textRun.stdout).not.toMatch(/\u001b\[/);
  });

  it('reports the warning of the example (port 33 in two zones) with its location on stderr, and the saved plan id', () => {
    expect(textRun.stderr).toMatch(/examples\/128gpu\/backend\.yaml:\d+:\d+: warning DIET-R204:/);
    const id = doc.digest.replace(/^sha256:/, '').slice(0, 12);
    expect(textRun.stderr).toContain(`Saved plan ${id} to plan.json`);
    expect(crashSigns(textRun.stderr)).toEqual([]);
  });

  it('writes with -o exactly the document that --json prints', () => {
    expect(readFileSync(join(dir, 'plan.json'), 'utf8')).toBe(jsonRun.stdout);
  });

  it('gives exit code 2 with --detailed-exitcode when there are changes (text and --json)', () => {
    const text = runDiet(['plan', '-f', EXAMPLE_128GPU, '--state', 'state.db', '--detailed-exitcode', '-q'], { cwd: dir });
    expect(text.code, text.stderr).toBe(2);
    const json = runDiet(['plan', '-f', EXAMPLE_128GPU, '--state', 'state.db', '--detailed-exitcode', '--json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(2);
    expect(json.stdout).toBe(jsonRun.stdout);
  });

  it('is deterministic: a fresh state in another directory gives a byte-identical document', () => {
    const other = tempDir();
    const again = runDiet(['plan', '-f', EXAMPLE_128GPU, '--json', '--state', join(other, 'fresh.db')], { cwd: other });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(jsonRun.stdout);
  });

  describe('diet show', () => {
    const id = () => doc.digest.replace(/^sha256:/, '').slice(0, 12);

    it('renders a plan file exactly as plan printed it', () => {
      const shown = runDiet(['show', 'plan.json', '--no-color'], { cwd: dir });
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toBe(textRun.stdout);
    });

    it('renders a plan id from state exactly as plan printed it', () => {
      const shown = runDiet(['show', id(), '--no-color', '--state', 'state.db'], { cwd: dir });
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toBe(textRun.stdout);
    });

    it('accepts a unique prefix of the plan id', () => {
      const shown = runDiet(['show', id().slice(0, 6), '--no-color', '--state', 'state.db'], { cwd: dir });
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toBe(textRun.stdout);
    });

    it('prints the stored document byte for byte with --json (file and id)', () => {
      const fromFile = runDiet(['show', 'plan.json', '--json'], { cwd: dir });
      expect(fromFile.code).toBe(0);
      expect(fromFile.stdout).toBe(readFileSync(join(dir, 'plan.json'), 'utf8'));
      const fromState = runDiet(['show', id(), '--json', '--state', 'state.db'], { cwd: dir });
      expect(fromState.code).toBe(0);
      expect(fromState.stdout).toBe(jsonRun.stdout);
    });

    it('reprints --detail full as plan printed it', () => {
      const lab = tempDir();
      const spec = join(REPO, 'examples', 'lab', 'lab.yaml');
      const planned = runDiet(['plan', '-f', spec, '--no-color', '--detail', 'full', '-o', 'lab-plan.json', '--state', 's.db'], { cwd: lab });
      expect(planned.code, planned.stderr).toBe(0);
      // full detail lists attributes; summary detail does not
      expect(planned.stdout.split('\n').length).toBeGreaterThan(runDiet(['show', 'lab-plan.json', '--no-color'], { cwd: lab }).stdout.split('\n').length);
      const shown = runDiet(['show', 'lab-plan.json', '--no-color', '--detail', 'full'], { cwd: lab });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toBe(planned.stdout);
    });

    it('refuses an id that is in no state with a one-line error and a hint', () => {
      const shown = runDiet(['show', '0123456789ab', '--state', 'state.db'], { cwd: dir });
      expect(shown.code).toBe(1);
      expect(shown.stdout).toBe('');
      expect(shown.stderr).toMatch(/^Error: no plan with id '0123456789ab'.*\n {2}hint: .+\n$/);
    });
  });
});
