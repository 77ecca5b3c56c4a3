/**
 * Runs the built CLI (`node bin/diet.js`) as a user would: a child process in its own
 * working directory, with its exit code and both output streams. The tests rely on
 * `npm test` having built dist/ (its pretest step); they never build it themselves.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const DIET_BIN = join(REPO, 'bin', 'diet.js');
export const EXAMPLE_128GPU = join(REPO, 'examples', '128gpu');
export const HNP_FIXTURES = join(REPO, 'test', 'fixtures', 'hnp');

export interface DietRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Working directory; a test's own temporary directory. */
  readonly cwd: string;
  /** Extra environment variables. */
  readonly env?: Readonly<Record<string, string>>;
}

/** An environment without the variables that would change diet's output or defaults. */
function cleanEnv(extra: Readonly<Record<string, string>> | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'DIET_STATE', 'DIET_CONFIG', 'NODE_OPTIONS']) delete env[name];
  return { ...env, ...extra };
}

export function runDiet(args: readonly string[], options: RunOptions): DietRun {
  if (!existsSync(join(REPO, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run the e2e tests through `npm test` (it builds first) or run `npm run build`');
  const result = spawnSync(process.execPath, [DIET_BIN, ...args], {
    cwd: options.cwd,
    env: cleanEnv(options.env),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    // A guard against a hung child, not a timing assertion.
    timeout: 120_000,
  });
  if (result.error) throw result.error;
  if (result.status === null) throw new Error(`diet ${args.join(' ')} was killed by ${result.signal}\nstderr:\n${result.stderr}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const made: string[] = [];

/** A fresh temporary directory; each test file removes its own with `afterAll(removeTempDirs)`. */
export function tempDir(label = 'diet-e2e'): string {
  const dir = mkdtempSync(join(tmpdir(), `${label}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir() handed out so far. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** What in an output looks like a crash rather than a handled error: stack frames, "internal error". */
export function crashSigns(text: string): string[] {
  const signs: string[] = [];
  if (/^ {4}at /m.test(text)) signs.push('stack trace');
  if (/internal error/i.test(text)) signs.push('internal error');
  return signs;
}
