/**
 * Bad input through the built binary: every case exits 1 with a one-line error or a
 * located diagnostic (`file:line:col: error CODE`) on stderr, never a stack trace, and
 * leaves the files it was given as they were.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashSigns, removeTempDirs, runDiet, tempDir, type DietRun } from './run-diet.js';

afterAll(removeTempDirs);

/** A small valid spec (an ESLAG pair of DS3000 leaves, one spine, 8 servers) to break. */
const BASE = `apiVersion: diet.githedgehog.com/v1alpha1
kind: Cluster
metadata:
  name: e2e
spec:
  serverClasses:
    - id: server
      quantity: 8
      deviceType: generic-server
      nics:
        - {id: nic0, type: aiom-dual-25g}
      connections:
        - {id: data, nic: nic0, ports: 2, speed: 25, distribution: alternating, target: leaf/downlinks, portType: data}
---
apiVersion: diet.githedgehog.com/v1alpha1
kind: Fabric
metadata:
  name: frontend
spec:
  switchClasses:
    - id: leaf
      role: server-leaf
      deviceType: celestica-ds3000
      redundancy: {type: eslag, group: eslag-1}
      zones:
        - {name: downlinks, type: server, ports: "1-4", breakout: 4x25g}
        - {name: uplinks, type: uplink, ports: "29-32", breakout: 1x100g}
    - id: spine
      role: spine
      deviceType: celestica-ds3000
      uplinksPerSwitch: 0
      zones:
        - {name: fabric, type: fabric, ports: "1-16", breakout: 1x100g}
`;

/** BASE with one exact substring replaced (which must occur exactly once). */
function mutate(from: string, to: string, text = BASE): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

/** 1-based line and column of the first occurrence of `needle`. */
function locate(text: string, needle: string): { line: number; col: number } {
  const at = text.indexOf(needle);
  expect(at, `'${needle}' not in the spec`).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length, col: before.at(-1)!.length + 1 };
}

/** Writes the spec into a fresh directory and runs diet there on it. */
function runOn(spec: string, args: readonly string[]): { run: DietRun; dir: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'spec.yaml'), spec);
  const run = runDiet([...args, '-f', 'spec.yaml', '--state', 'state.db', '--no-color'], { cwd: dir });
  return { run, dir };
}

function expectHandledFailure(run: DietRun): void {
  expect(run.code, run.stderr).toBe(1);
  expect(crashSigns(run.stderr)).toEqual([]);
  expect(crashSigns(run.stdout)).toEqual([]);
}

/** Each diagnostic line is `file:line:col: severity CODE: summary`; returns those with the code. */
function diagnosticLines(stderr: string, code: string): string[] {
  return stderr.split('\n').filter((l) => l.includes(` ${code}: `));
}

interface SpecCase {
  readonly name: string;
  readonly spec: string;
  readonly code: string;
  /** Where the diagnostic must point: the first occurrence of this text in the spec. */
  readonly at: string;
  /** Text the diagnostic's lines (summary, hint) must contain. */
  readonly mentions?: RegExp;
}

const specCases: SpecCase[] = [
  {
    name: 'unknown field, with a did-you-mean hint',
    spec: mutate('      deviceType: generic-server', '      devicType: generic-server'),
    code: 'DIET-S003',
    at: 'devicType',
    mentions: /did you mean 'deviceType'\?/,
  },
  { name: 'wrong type', spec: mutate('quantity: 8', 'quantity: eight'), code: 'DIET-S005', at: 'eight', mentions: /expected integer/ },
  { name: 'out-of-range value (quantity -1)', spec: mutate('quantity: 8', 'quantity: -1'), code: 'DIET-S007', at: '-1', mentions: />= 0/ },
  { name: 'value not in the allowed set', spec: mutate('distribution: alternating', 'distribution: diagonal'), code: 'DIET-S006', at: 'diagonal' },
  { name: 'dangling zone reference', spec: mutate('target: leaf/downlinks', 'target: leaf/downlink'), code: 'DIET-R123', at: 'leaf/downlink,', mentions: /did you mean 'downlinks'\?/ },
  { name: 'dangling switch class in a zone reference', spec: mutate('target: leaf/downlinks', 'target: leef/downlinks'), code: 'DIET-R123', at: 'leef/downlinks' },
  { name: 'dangling NIC reference', spec: mutate('nic: nic0,', 'nic: nic1,'), code: 'DIET-R124', at: 'nic1', mentions: /did you mean 'nic0'\?/ },
  { name: 'unknown server device type', spec: mutate('deviceType: generic-server', 'deviceType: generic-servr'), code: 'DIET-R121', at: 'generic-servr', mentions: /did you mean 'generic-server'\?/ },
  { name: 'unknown switch device type', spec: mutate('deviceType: celestica-ds3000\n      redundancy', 'deviceType: celestica-ds9000\n      redundancy'), code: 'DIET-R120', at: 'celestica-ds9000' },
  { name: 'unknown NIC type', spec: mutate('type: aiom-dual-25g', 'type: aiom-dual-52g'), code: 'DIET-R122', at: 'aiom-dual-52g' },
  { name: 'zone port the switch does not have', spec: mutate('ports: "29-32"', 'ports: "29-40"'), code: 'DIET-R202', at: '"29-40"' },
];

describe('spec errors: exit 1 with a located diagnostic and its code, no stack trace', () => {
  it.each(specCases)('$name ($code)', ({ spec, code, at, mentions }) => {
    const { run } = runOn(spec, ['plan']);
    expectHandledFailure(run);
    expect(run.stdout).toBe('');
    const { line, col } = locate(spec, at);
    const lines = diagnosticLines(run.stderr, code);
    expect(lines.some((l) => l.startsWith(`spec.yaml:${line}:${col}: error ${code}: `)), run.stderr).toBe(true);
    if (mentions) expect(run.stderr).toMatch(mentions);
    expect(run.stderr).toMatch(/^ {2}hint: /m);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/^\d+ errors?, \d+ warnings?/);
  });

  it('validate reports the same diagnostics as plan', () => {
    const spec = specCases[0].spec;
    const planned = runOn(spec, ['plan']).run;
    const validated = runOn(spec, ['validate']).run;
    expectHandledFailure(validated);
    expect(validated.stderr).toBe(planned.stderr);
  });

  it('malformed YAML (an unclosed flow mapping): DIET-Y001 at or after the broken line', () => {
    const spec = mutate('{id: nic0, type: aiom-dual-25g}', '{id: nic0, type: aiom-dual-25g');
    const { run } = runOn(spec, ['plan']);
    expectHandledFailure(run);
    const broken = locate(spec, '{id: nic0').line;
    const m = /^spec\.yaml:(\d+):(\d+): error DIET-Y001: /m.exec(run.stderr);
    expect(m, run.stderr).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(broken);
  });

  it('a tab used for indentation: DIET-Y003 at its line', () => {
    const spec = mutate('      quantity: 8', '\tquantity: 8');
    const { run } = runOn(spec, ['validate']);
    expectHandledFailure(run);
    expect(run.stderr).toMatch(new RegExp(`^spec\\.yaml:${locate(spec, '\tquantity').line}:\\d+: error DIET-Y00[13]: `, 'm'));
  });

  it('validate --json prints the documented document with valid: false and located diagnostics', () => {
    const spec = mutate('quantity: 8', 'quantity: -1');
    const { run } = runOn(spec, ['validate', '--json']);
    expectHandledFailure(run);
    const doc = JSON.parse(run.stdout) as Record<string, unknown>;
    const { line, col } = locate(spec, '-1');
    expect(doc).toEqual({
      format_version: '1',
      valid: false,
      error_count: 1,
      warning_count: 0,
      diagnostics: [{ severity: 'error', code: 'DIET-S007', summary: expect.any(String), detail: null, hint: expect.any(String), file: 'spec.yaml', line, col }],
    });
  });

  it('plan --json prints the error document with the diagnostics on stdout', () => {
    const spec = mutate('nic: nic0,', 'nic: nic1,');
    const { run } = runOn(spec, ['plan', '--json']);
    expectHandledFailure(run);
    const doc = JSON.parse(run.stdout) as { format_version: string; error: { code: string; message: string; hint: string | null }; diagnostics?: { code: string; line: number }[] };
    expect(doc.format_version).toBe('1');
    expect(doc.error.code).toBe('SPEC_INVALID');
    expect(doc.error.message).toMatch(/1 error/);
    expect(doc.diagnostics?.map((d) => [d.code, d.line])).toEqual([['DIET-R124', locate(spec, 'nic1').line]]);
  });

  it('a nonexistent -f path: DIET-F001 naming the path', () => {
    const dir = tempDir();
    const run = runDiet(['plan', '-f', 'missing/spec.yaml', '--state', 'state.db'], { cwd: dir });
    expectHandledFailure(run);
    expect(run.stderr).toMatch(/error DIET-F001: .*missing\/spec\.yaml/);
    expect(run.stderr).toMatch(/^ {2}hint: /m);
    // nothing was created for a spec that could not be read
    expect(readdirSync(dir)).toEqual([]);
  });

  it('no spec given and none in the directory: a one-line error pointing at -f and init', () => {
    const run = runDiet(['plan'], { cwd: tempDir() });
    expectHandledFailure(run);
    expect(run.stderr).toMatch(/^Error: no spec given.*\n {2}hint: .*-f.*diet init.*\n$/);
  });
});

describe('impossible fabrics: the planner reports them, located, exit 1', () => {
  it('not enough ports: a fixed quantity: 1 leaf and more servers than its zone holds', () => {
    let spec = mutate('      redundancy: {type: eslag, group: eslag-1}', '      quantity: 1');
    spec = mutate('ports: 2, speed: 25, distribution: alternating', 'ports: 1, speed: 25, distribution: same-switch', spec);
    // the zone holds 4 ports x 4 lanes = 16 servers
    spec = mutate('quantity: 8', 'quantity: 17', spec);
    const { run } = runOn(spec, ['plan']);
    expectHandledFailure(run);
    const zone = locate(spec, '{name: downlinks');
    expect(run.stderr).toMatch(new RegExp(`^spec\\.yaml:${zone.line}:${zone.col}: error DIET-P\\d{3}: .*not enough ports`, 'm'));
    expect(run.stderr).toMatch(/^ {2}hint: /m);
  });

  it('the same spec with 16 servers fits and plans', () => {
    let spec = mutate('      redundancy: {type: eslag, group: eslag-1}', '      quantity: 1');
    spec = mutate('ports: 2, speed: 25, distribution: alternating', 'ports: 1, speed: 25, distribution: same-switch', spec);
    spec = mutate('quantity: 8', 'quantity: 16', spec);
    const { run } = runOn(spec, ['plan']);
    expect(run.code, run.stderr).toBe(0);
  });

  it('ESLAG > 4: an ESLAG class on a capable profile whose calculated count exceeds 4', () => {
    const spec = mutate('quantity: 8', 'quantity: 200');
    const { run } = runOn(spec, ['plan']);
    expectHandledFailure(run);
    const leaf = locate(spec, 'id: leaf');
    expect(run.stderr).toMatch(new RegExp(`^spec\\.yaml:${leaf.line}:${leaf.col}: error DIET-P\\d{3}: .*ESLAG.*4`, 'm'));
    expect(run.stderr).toMatch(/^ {2}hint: /m);
  });

  it('a mesh of 4 switches', () => {
    const spec = `apiVersion: diet.githedgehog.com/v1alpha1
kind: Cluster
metadata:
  name: meshy
spec:
  serverClasses:
    - id: server
      quantity: 4
      deviceType: generic-server
      nics:
        - {id: nic0, type: aiom-dual-25g}
      connections:
        - {id: data, nic: nic0, ports: 1, speed: 25, distribution: same-switch, target: mesh-a/downlinks, portType: data}
---
apiVersion: diet.githedgehog.com/v1alpha1
kind: Fabric
metadata:
  name: frontend
spec:
  topology: mesh
  switchClasses:
    - id: mesh-a
      role: server-leaf
      deviceType: celestica-ds3000
      quantity: 2
      zones:
        - {name: downlinks, type: server, ports: "1-4", breakout: 4x25g}
        - {name: mesh, type: mesh, ports: "29-32", breakout: 1x100g}
    - id: mesh-b
      role: server-leaf
      deviceType: celestica-ds3000
      quantity: 2
      zones:
        - {name: downlinks, type: server, ports: "1-4", breakout: 4x25g}
        - {name: mesh, type: mesh, ports: "29-32", breakout: 1x100g}
`;
    const { run } = runOn(spec, ['plan']);
    expectHandledFailure(run);
    expect(run.stderr).toMatch(/^spec\.yaml:\d+:\d+: error DIET-P\d{3}: .*[Mm]esh.*4 switches/m);
    // the total is what fails: the same fabric with only one class of 2 plans
    const three = runOn(spec.replace(/ {4}- id: mesh-b[\s\S]*$/, ''), ['plan']).run;
    expect(three.code, three.stderr).toBe(0);
  });
});

describe('saved plans: tampered or not a plan', () => {
  /** A plan file of BASE, written by diet. */
  function planFile(): { dir: string; text: string } {
    const { run, dir } = runOn(BASE, ['plan', '-o', 'plan.json', '-q']);
    expect(run.code, run.stderr).toBe(0);
    return { dir, text: readFileSync(join(dir, 'plan.json'), 'utf8') };
  }

  it.each([
    ['the cluster name', '"cluster":"e2e"', '"cluster":"e2f"'],
    ['a topology figure', '"switches":3', '"switches":4'],
  ])('a plan file with one character of %s changed is refused with a one-line digest error', (_what, from, to) => {
    const { dir, text } = planFile();
    expect(text).toContain(from);
    const tampered = text.replace(from, to);
    expect(tampered.length).toBe(text.length);
    writeFileSync(join(dir, 'tampered.json'), tampered);
    const run = runDiet(['show', 'tampered.json'], { cwd: dir });
    expectHandledFailure(run);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Error: .*(digest|tamper)/i);
    expect(lines[1]).toMatch(/^ {2}hint: /);
    expect(readFileSync(join(dir, 'tampered.json'), 'utf8')).toBe(tampered);
  });

  it('with --json the refusal is the documented error document', () => {
    const { dir, text } = planFile();
    writeFileSync(join(dir, 'tampered.json'), text.replace('"cluster":"e2e"', '"cluster":"e2f"'));
    const run = runDiet(['show', 'tampered.json', '--json'], { cwd: dir });
    expectHandledFailure(run);
    const doc = JSON.parse(run.stdout) as { format_version: string; error: { code: string; message: string; hint: string } };
    expect(doc.format_version).toBe('1');
    expect(doc.error.code).toBe('PLAN_DOCUMENT');
    expect(doc.error.message).toMatch(/digest/);
  });

  it.each([
    ['not JSON', 'this is not { json\n'],
    ['JSON that is not a plan', '{"hello": "world"}\n'],
    ['an empty file', ''],
    ['a truncated plan', '{"baseline":{"kind":"empty"},"clus'],
  ])('show of %s: exit 1, one-line error with a hint', (_what, content) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), content);
    const run = runDiet(['show', 'plan.json'], { cwd: dir });
    expectHandledFailure(run);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Error: [^\n]+\n {2}hint: [^\n]+\n$/);
  });

  it('show of a missing file that is not a plan id either', () => {
    const run = runDiet(['show', 'nope.json'], { cwd: tempDir() });
    expectHandledFailure(run);
    expect(run.stderr).toMatch(/^Error: no plan file 'nope\.json'\n {2}hint: /);
  });
});

describe('state files diet cannot use: exit 1, one-line error, file left byte-identical', () => {
  /** Deterministic bytes that are not a SQLite database. */
  function noise(length: number): Buffer {
    const bytes = Buffer.alloc(length);
    let x = 0x2545f491;
    for (let i = 0; i < length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    return bytes;
  }

  function expectStateRefusal(dir: string, file: string, args: readonly string[], message: RegExp): void {
    const before = readFileSync(join(dir, file));
    const listing = readdirSync(dir).sort();
    const run = runDiet([...args, '--state', file], { cwd: dir });
    expectHandledFailure(run);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^Error: [^\n]+\n {2}hint: [^\n]+\n$/);
    expect(run.stderr).toMatch(message);
    expect(readFileSync(join(dir, file)).equals(before)).toBe(true);
    // no journal, WAL or temp files left next to it
    expect(readdirSync(dir).sort()).toEqual(listing);
  }

  it('random bytes: plan and show refuse', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'spec.yaml'), BASE);
    writeFileSync(join(dir, 'state.db'), noise(8192));
    expectStateRefusal(dir, 'state.db', ['plan', '-f', 'spec.yaml'], /state file state\.db/);
    expectStateRefusal(dir, 'state.db', ['show', 'abcdef123456'], /state file state\.db/);
  });

  it('a state file damaged in the middle', () => {
    const { dir } = runOn(BASE, ['plan', '-q']);
    const bytes = readFileSync(join(dir, 'state.db'));
    expect(bytes.length).toBeGreaterThan(3 * 4096);
    noise(4096).copy(bytes, 2 * 4096);
    writeFileSync(join(dir, 'state.db'), bytes);
    expectStateRefusal(dir, 'state.db', ['plan', '-f', 'spec.yaml'], /corrupt|malformed|not a/i);
  });

  it('a truncated state file', () => {
    const { dir } = runOn(BASE, ['plan', '-q']);
    const bytes = readFileSync(join(dir, 'state.db'));
    writeFileSync(join(dir, 'state.db'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectStateRefusal(dir, 'state.db', ['plan', '-f', 'spec.yaml'], /corrupt|malformed/i);
  });

  it('a state file written by a newer diet (schema version from the future)', () => {
    const { dir } = runOn(BASE, ['plan', '-q']);
    const db = new Database(join(dir, 'state.db'));
    db.pragma('user_version = 9999');
    db.close();
    expectStateRefusal(dir, 'state.db', ['plan', '-f', 'spec.yaml'], /newer/);
  });
});

describe('command line mistakes', () => {
  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['plan', '--frobnicate'], /unknown option '--frobnicate'/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['show'], /missing required argument 'plan'/],
    [['plan', '--state'], /argument missing/],
  ])('diet %j: exit 1 with the mistake and a usage hint', (args, message) => {
    const run = runDiet(args, { cwd: tempDir() });
    expectHandledFailure(run);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/--help/);
  });

  it('suggests the command meant by a typo', () => {
    const run = runDiet(['paln'], { cwd: tempDir() });
    expectHandledFailure(run);
    expect(run.stderr).toMatch(/Did you mean plan\?/);
  });
});
