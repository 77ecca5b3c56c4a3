/**
 * `diet init` and `--help` through the built binary: the starter spec validates and plans,
 * a second init refuses to overwrite, and every command's help exits 0 with examples.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crashSigns, removeTempDirs, runDiet, tempDir } from './run-diet.js';

afterAll(removeTempDirs);

describe('diet init', () => {
  it('writes a spec that validates and plans', () => {
    const dir = tempDir();
    const init = runDiet(['init', 'lab'], { cwd: dir });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stdout).toContain(`Wrote ${join('lab', 'diet.yaml')}`);
    expect(existsSync(join(dir, 'lab', 'diet.yaml'))).toBe(true);

    const validate = runDiet(['validate', '-f', 'lab/diet.yaml'], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toBe('The spec is valid.\n');
    expect(validate.stderr).toBe('');

    const plan = runDiet(['plan', '-f', 'lab/diet.yaml', '--json', '--state', 'state.db'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    const doc = JSON.parse(plan.stdout) as { topology: { switches: number; servers: number; cables: number }; summary: { add: number } };
    expect(doc.topology.switches).toBeGreaterThan(0);
    expect(doc.topology.servers).toBeGreaterThan(0);
    expect(doc.topology.cables).toBeGreaterThan(0);
    expect(doc.summary.add).toBeGreaterThan(0);
  });

  it('writes ./diet.yaml without a directory, which plan then finds without -f', () => {
    const dir = tempDir();
    expect(runDiet(['init'], { cwd: dir }).code).toBe(0);
    expect(existsSync(join(dir, 'diet.yaml'))).toBe(true);
    const plan = runDiet(['plan', '--no-color', '--state', 'state.db'], { cwd: dir });
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toMatch(/\nPlan: \d+ to add, 0 to change, 0 to destroy\.\n$/);
  });

  it('refuses to overwrite an existing spec without --force: exit 1, one-line error with a hint, file kept', () => {
    const dir = tempDir();
    expect(runDiet(['init', 'lab'], { cwd: dir }).code).toBe(0);
    const spec = join(dir, 'lab', 'diet.yaml');
    const edited = `${readFileSync(spec, 'utf8')}# my edit\n`;
    writeFileSync(spec, edited);

    const again = runDiet(['init', 'lab'], { cwd: dir });
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    const lines = again.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`Error: ${join('lab', 'diet.yaml')} already exists`);
    expect(lines[1]).toMatch(/^ {2}hint: .*--force/);
    expect(readFileSync(spec, 'utf8')).toBe(edited);

    const forced = runDiet(['init', 'lab', '--force'], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(spec, 'utf8')).not.toBe(edited);
  });

  it('prints the documented JSON with --json', () => {
    const dir = tempDir();
    const init = runDiet(['--json', 'init', 'x'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(JSON.parse(init.stdout)).toEqual({ format_version: '1', written: join('x', 'diet.yaml') });
  });
});

/** Command names listed under "Commands:" in a help text, without `help` itself. */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:\n/m)[1];
  if (!section) return [];
  const names: string[] = [];
  for (const line of section.split('\n')) {
    if (line.trim() === '') break;
    const m = /^ {2}([a-z][a-z-]*)\b/.exec(line);
    if (m && m[1] !== 'help') names.push(m[1]);
  }
  return names;
}

describe('--help', () => {
  const dir = tempDir();
  const main = runDiet(['--help'], { cwd: dir });
  const top = commandsIn(main.stdout);
  // Help texts already read while discovering subcommands are reused by the tests.
  const seen = new Map<string, ReturnType<typeof runDiet>>();
  const all: string[][] = [];
  for (const name of top) {
    all.push([name]);
    const help = runDiet([name, '--help'], { cwd: dir });
    seen.set(name, help);
    for (const sub of commandsIn(help.stdout)) all.push([name, sub]);
  }

  it('the program help exits 0, lists the commands and shows examples', () => {
    expect(main.code).toBe(0);
    expect(main.stderr).toBe('');
    expect(top).toEqual(expect.arrayContaining(['init', 'validate', 'plan', 'show', 'export', 'import']));
    expect(main.stdout).toMatch(/^Examples?:$/m);
  });

  it.each(all.map((path) => [path.join(' '), path]))('diet %s --help exits 0 and shows examples', (_label, path) => {
    const run = seen.get(path.join(' ')) ?? runDiet([...(path as string[]), '--help'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Usage: diet /);
    expect(run.stdout).toMatch(/^Examples?:$/m);
    expect(run.stdout).toMatch(/^ {2}diet /m);
  });

  it('`diet help <command>` prints the same as `diet <command> --help`', () => {
    const viaHelp = runDiet(['help', 'plan'], { cwd: dir });
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toBe(runDiet(['plan', '--help'], { cwd: dir }).stdout);
  });

  it('prints the version with -V', () => {
    const run = runDiet(['-V'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+/);
    expect(crashSigns(run.stderr)).toEqual([]);
  });
});
