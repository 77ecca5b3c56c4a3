import { Chalk, type ChalkInstance } from 'chalk';

/**
 * The few styles the text renderers use, bound once to a colour decision the caller made
 * (`--no-color`, `NO_COLOR`, TTY). Never the global chalk instance: its level comes from the
 * environment, which would make rendering depend on where it runs.
 */
export interface Palette {
  readonly create: (text: string) => string;
  readonly update: (text: string) => string;
  readonly destroy: (text: string) => string;
  readonly heading: (text: string) => string;
  readonly muted: (text: string) => string;
  readonly error: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly info: (text: string) => string;
}

export function createPalette(color: boolean): Palette {
  // Level 1 (16 colours) is enough for these styles and renders the same on every terminal.
  const chalk: ChalkInstance = new Chalk({ level: color ? 1 : 0 });
  return {
    create: (t) => chalk.green(t),
    update: (t) => chalk.yellow(t),
    destroy: (t) => chalk.red(t),
    heading: (t) => chalk.bold(t),
    muted: (t) => chalk.dim(t),
    error: (t) => chalk.red.bold(t),
    warning: (t) => chalk.yellow.bold(t),
    info: (t) => chalk.cyan(t),
  };
}
