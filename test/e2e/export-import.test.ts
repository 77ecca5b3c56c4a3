/**
 * `diet export wiring|cabling` and `diet import hnp` through the built binary: the
 * per-fabric hhfab documents of the canonical case, the cable plan, and that a
 * hh-netbox-plugin case imports into a spec that plans to the same topology.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashSigns, EXAMPLE_128GPU, HNP_FIXTURES, removeTempDirs, runDiet, tempDir } from './run-diet.js';

afterAll(removeTempDirs);

/** Documents per kind in the canonical case's wiring (DOMAIN §13.B). */
const FRONTEND_KINDS = { VLANNamespace: 1, IPv4Namespace: 1, Switch: 10, Server: 159, Connection: 342 };
const BACKEND_KINDS = { VLANNamespace: 1, IPv4Namespace: 1, Switch: 6, Server: 32, Connection: 264 };

const CANONICAL_FIGURES = { devices: 175, servers: 155, switches: 20, cables: 1017, switch_interfaces: 1313 };
const CANONICAL_SWITCH_CLASSES = { 'fe-gpu-leaf': 2, 'fe-storage-leaf': 2, 'be-rail-leaf': 4, 'fe-border-leaf': 2, 'oob-mgmt-leaf': 4, 'fe-spine': 4, 'be-spine': 2 };

function documentsOf(text: string) {
  const docs = parseAllDocuments(text);
  if (!Array.isArray(docs)) throw new Error('not a YAML stream with documents');
  return docs;
}

/** Kind counts of a wiring file, after checking its framing: every document after `---`, no comments. */
function wiringKinds(text: string): Record<string, number> {
  expect(text.startsWith('---\n')).toBe(true);
  expect(text.endsWith('\n')).toBe(true);
  expect(text).not.toMatch(/^\s*#/m);
  const docs = documentsOf(text);
  expect(text.match(/^---$/gm)?.length).toBe(docs.length);
  const kinds: Record<string, number> = {};
  for (const doc of docs) {
    expect(doc.errors).toEqual([]);
    expect(doc.commentBefore ?? null).toBeNull();
    expect(doc.comment ?? null).toBeNull();
    const value = doc.toJS() as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
    expect(typeof value.apiVersion).toBe('string');
    expect(typeof value.metadata?.name).toBe('string');
    const kind = String(value.kind);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/** Names must be unique per kind within one fabric's wiring. */
function duplicateNames(text: string): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const doc of documentsOf(text)) {
    const v = doc.toJS() as { kind: string; metadata: { name: string } };
    const key = `${v.kind}/${v.metadata.name}`;
    if (seen.has(key)) dups.push(key);
    seen.add(key);
  }
  return dups;
}

describe('diet export wiring', () => {
  let dir: string;
  let first: { frontend: string; backend: string };

  beforeAll(() => {
    dir = tempDir();
    const run = runDiet(['export', 'wiring', '-f', EXAMPLE_128GPU, '-o', 'wiring'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    first = { frontend: readFileSync(join(dir, 'wiring', 'frontend.yaml'), 'utf8'), backend: readFileSync(join(dir, 'wiring', 'backend.yaml'), 'utf8') };
  });

  it('writes one file per managed fabric and nothing else (the unmanaged oob fabric has none)', () => {
    expect(readdirSync(join(dir, 'wiring')).sort()).toEqual(['backend.yaml', 'frontend.yaml']);
  });

  it('writes the reference document counts per kind', () => {
    expect(wiringKinds(first.frontend)).toEqual(FRONTEND_KINDS);
    expect(wiringKinds(first.backend)).toEqual(BACKEND_KINDS);
  });

  it('names each object once per kind', () => {
    expect(duplicateNames(first.frontend)).toEqual([]);
    expect(duplicateNames(first.backend)).toEqual([]);
  });

  it('writes byte-identical files on a second run, and reports the same counts with --json', () => {
    const again = tempDir();
    const run = runDiet(['export', 'wiring', '-f', EXAMPLE_128GPU, '-o', 'w2', '--json'], { cwd: again });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(again, 'w2', 'frontend.yaml'), 'utf8')).toBe(first.frontend);
    expect(readFileSync(join(again, 'w2', 'backend.yaml'), 'utf8')).toBe(first.backend);
    const report = JSON.parse(run.stdout) as { format_version: string; files: { fabric: string; path: string; kinds: Record<string, number> }[] };
    expect(report.format_version).toBe('1');
    const byFabric = Object.fromEntries(report.files.map((f) => [f.fabric, f.kinds]));
    expect(byFabric).toEqual({ frontend: FRONTEND_KINDS, backend: BACKEND_KINDS });
  });

  it('says what it wrote, one line per file', () => {
    const again = tempDir();
    const run = runDiet(['export', 'wiring', '-f', EXAMPLE_128GPU, '-o', 'out'], { cwd: again });
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').sort()).toEqual([
      `Wrote ${join('out', 'backend.yaml')}: 1 VLANNamespace, 1 IPv4Namespace, 6 Switch, 32 Server, 264 Connection`,
      `Wrote ${join('out', 'frontend.yaml')}: 1 VLANNamespace, 1 IPv4Namespace, 10 Switch, 159 Server, 342 Connection`,
    ]);
  });

  it('refuses an output location under a regular file with a one-line error', () => {
    const d = tempDir();
    runDiet(['init', '.'], { cwd: d });
    const run = runDiet(['export', 'wiring', '-f', 'diet.yaml', '-o', 'diet.yaml/wiring'], { cwd: d });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*diet\.yaml\/wiring.*\n {2}hint: .+\n$/);
    expect(crashSigns(run.stderr)).toEqual([]);
  });
});

describe('diet export cabling', () => {
  let csv: string;

  beforeAll(() => {
    const run = runDiet(['export', 'cabling', '-f', EXAMPLE_128GPU], { cwd: tempDir() });
    expect(run.code, run.stderr).toBe(0);
    csv = run.stdout;
  });

  it('prints a header and one row per cable, numbered from 1', () => {
    const lines = csv.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 1017);
    const header = lines[0].split(',');
    expect(header).toEqual(expect.arrayContaining(['cable', 'a_device', 'a_interface', 'b_device', 'b_interface']));
    const rows = lines.slice(1).map((l) => l.split(','));
    for (const row of rows) expect(row).toHaveLength(header.length);
    expect(rows.map((r) => Number(r[header.indexOf('cable')]))).toEqual(Array.from({ length: 1017 }, (_, i) => i + 1));
  });

  it('uses every interface at most once', () => {
    const lines = csv.trimEnd().split('\n');
    const header = lines[0].split(',');
    const col = (name: string) => header.indexOf(name);
    const ends = new Set<string>();
    for (const row of lines.slice(1).map((l) => l.split(','))) {
      const a = `${row[col('a_device')]} ${row[col('a_interface')]}`;
      const b = `${row[col('b_device')]} ${row[col('b_interface')]}`;
      expect(a).not.toBe(b);
      expect(ends.has(a), a).toBe(false);
      ends.add(a);
      expect(ends.has(b), b).toBe(false);
      ends.add(b);
    }
    expect(ends.size).toBe(2 * 1017);
  });

  it('writes the same CSV to a file with -o and says so on stderr', () => {
    const dir = tempDir();
    const run = runDiet(['export', 'cabling', '-f', EXAMPLE_128GPU, '-o', 'cables.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'cables.csv'), 'utf8')).toBe(csv);
    expect(run.stderr).toContain('Wrote cables.csv: 1017 cables');
  });
});

describe.each(['v1', 'v2'])('diet import hnp (format %s of the canonical case)', (version) => {
  const fixture = join(HNP_FIXTURES, `ux_case_128gpu_odd_ports.${version}.yaml`);
  let dir: string;

  beforeAll(() => {
    dir = tempDir();
    const run = runDiet(['import', 'hnp', fixture, '-o', 'spec.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(crashSigns(run.stderr)).toEqual([]);
    expect(run.stderr).toContain('Wrote spec.yaml');
  });

  it('prints the same spec on stdout without -o', () => {
    const run = runDiet(['import', 'hnp', fixture, '-q'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(dir, 'spec.yaml'), 'utf8'));
  });

  it('gives a spec that validates and plans to the canonical topology', () => {
    const validated = runDiet(['validate', '-f', 'spec.yaml'], { cwd: dir });
    expect(validated.code, validated.stderr).toBe(0);
    const planned = runDiet(['plan', '-f', 'spec.yaml', '--json', '--state', 'state.db'], { cwd: dir });
    expect(planned.code, planned.stderr).toBe(0);
    const doc = JSON.parse(planned.stdout) as { topology: Record<string, unknown> };
    expect(doc.topology).toMatchObject({ ...CANONICAL_FIGURES, switch_classes: CANONICAL_SWITCH_CLASSES });
  });

  it('exports the same per-fabric wiring kinds as the example', () => {
    const run = runDiet(['export', 'wiring', '-f', 'spec.yaml', '-o', 'wiring'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(wiringKinds(readFileSync(join(dir, 'wiring', 'frontend.yaml'), 'utf8'))).toEqual(FRONTEND_KINDS);
    expect(wiringKinds(readFileSync(join(dir, 'wiring', 'backend.yaml'), 'utf8'))).toEqual(BACKEND_KINDS);
  });
});

describe('diet import hnp errors', () => {
  it('refuses a missing file with a one-line error', () => {
    const run = runDiet(['import', 'hnp', 'no-such-case.yaml'], { cwd: tempDir() });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Error: cannot read no-such-case\.yaml.*\n {2}hint: .+\n$/);
  });

  it('refuses a diet spec with a located diagnostic', () => {
    const dir = tempDir();
    runDiet(['init', '.'], { cwd: dir });
    const run = runDiet(['import', 'hnp', 'diet.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^diet\.yaml:\d+:\d+: error DIET-I\d{3}: /m);
    expect(crashSigns(run.stderr)).toEqual([]);
  });
});
