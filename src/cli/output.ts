/**
 * Where the CLI writes and how: the colour level is decided once here (--no-color,
 * NO_COLOR, FORCE_COLOR, TTY) and passed down to the pure renderers.
 */
export interface Output {
  readonly color: boolean;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface OutputOptions {
  readonly color?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export function decideColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}

export function processOutput(options: OutputOptions): Output {
  const write = (stream: NodeJS.WriteStream, text: string) => stream.write(text.endsWith('\n') ? text : `${text}\n`);
  return {
    color: decideColor(options.color, process.env, Boolean(process.stdout.isTTY)),
    json: Boolean(options.json),
    quiet: Boolean(options.quiet),
    verbose: Boolean(options.verbose),
    out: (text) => write(process.stdout, text),
    err: (text) => write(process.stderr, text),
  };
}
