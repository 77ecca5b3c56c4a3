/**
 * The built CLI as a child process that does not block the test process: needed when the
 * test itself serves something diet talks to (the in-memory NetBox), or runs several diet
 * processes at once. `run-diet.ts` is the blocking variant for everything else.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { DIET_BIN } from './run-diet.js';

export interface RunningDiet {
  readonly child: ChildProcess;
  /** Collected so far; complete once `done` resolved. */
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code. */
  readonly done: Promise<number>;
}

/** An environment without the variables that would change diet's output or defaults, plus `extra`. */
export function dietEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'DIET_STATE', 'DIET_CONFIG', 'NODE_OPTIONS', 'DIET_NETBOX_URL', 'DIET_NETBOX_TOKEN']) delete env[name];
  return { ...env, ...extra };
}

export function startDiet(args: readonly string[], options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }): RunningDiet {
  const child = spawn(process.execPath, [DIET_BIN, ...args], { cwd: options.cwd, env: options.env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => (code === null ? reject(new Error(`diet ${args.join(' ')} was killed by ${signal}\nstderr:\n${stderr}`)) : resolve(code)));
  });
  return {
    child,
    done,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
  };
}

export async function runDietAsync(args: readonly string[], options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv }): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = startDiet(args, options);
  const code = await run.done;
  return { code, stdout: run.stdout, stderr: run.stderr };
}
