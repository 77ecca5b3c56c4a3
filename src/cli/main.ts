import { Command, CommanderError } from 'commander';
import { DietError, SpecError } from '../diag/errors.js';
import { renderDiagnosticsText } from '../render/render-diagnostics.js';
import { DIET_VERSION } from '../version.js';
import { registerApplyCommand } from './commands/apply.js';
import { registerCatalogCommand } from './commands/catalog.js';
import { registerDiffCommand } from './commands/diff.js';
import { registerExportCommand } from './commands/export.js';
import { registerImportCommand } from './commands/import.js';
import { registerInitCommand } from './commands/init.js';
import { registerLockCommand } from './commands/lock.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerShowCommand } from './commands/show.js';
import { registerSnapshotCommand } from './commands/snapshot.js';
import { registerStateCommand } from './commands/state.js';
import { registerValidateCommand, validationDocument } from './commands/validate.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { processOutput, type Output } from './output.js';

export interface GlobalOptions {
  readonly state: string;
  readonly config?: string;
  readonly color?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

/** What every command handler receives: its merged options and the output channel. */
export type CommandRunner = (action: (output: Output, globals: GlobalOptions) => Promise<number>) => Promise<void>;

/**
 * The single place that turns errors into a one-line message, a hint and an exit code.
 * Returns the exit code instead of exiting, so tests can call it in-process.
 */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command('diet')
    .description('Plan, diff and apply Hedgehog AI/GPU network fabrics to NetBox and Kubernetes from a declarative spec.')
    .version(DIET_VERSION, '-V, --version')
    .option('--state <path>', 'state file (SQLite)', process.env.DIET_STATE ?? '.diet/state.db')
    .option('--config <file>', 'configuration file (target endpoints; credentials by environment variable)')
    .option('--no-color', 'disable colours (also NO_COLOR=1)')
    .option('--json', 'machine-readable output (a documented, versioned format)')
    .option('-q, --quiet', 'print only errors and the result')
    .option('-v, --verbose', 'print more detail')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
Examples:
  diet init lab && diet plan -f lab/diet.yaml
  diet validate -f examples/128gpu
  diet plan -f examples/128gpu -o plan.json --detailed-exitcode
  diet show plan.json
  diet export wiring -f examples/128gpu -o wiring/

Run \`diet <command> --help\` for a command's options and examples.
Exit codes: 0 success or no changes, 1 error, 2 changes present (--detailed-exitcode), 3 apply failed and was rolled back.`,
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });

  const run: CommandRunner = async (action) => {
    const globals = program.opts<GlobalOptions>();
    const output = processOutput(globals);
    try {
      exitCode = await action(output, globals);
    } catch (error) {
      exitCode = reportError(error, output);
    }
  };

  for (const register of [registerInitCommand, registerValidateCommand, registerPlanCommand, registerShowCommand, registerDiffCommand, registerApplyCommand, registerExportCommand, registerImportCommand, registerCatalogCommand, registerStateCommand, registerSnapshotCommand, registerLockCommand]) {
    register(program, run);
  }

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    return reportError(error, processOutput(program.opts<GlobalOptions>()));
  }
  return exitCode;
}

function reportError(error: unknown, output: Output): number {
  if (error instanceof SpecError) {
    // The --json error document (docs/json-output.md), with the diagnostics as `diet validate --json` lists them.
    if (output.json) output.out(JSON.stringify({ format_version: '1', error: { code: error.code, message: error.message, hint: error.hint ?? null }, diagnostics: validationDocument(error.diagnostics).diagnostics }, null, 2));
    output.err(renderDiagnosticsText(error.diagnostics, { color: output.color }));
    return EXIT_ERROR;
  }
  if (error instanceof DietError) {
    if (output.json) output.out(JSON.stringify({ format_version: '1', error: { code: error.code, message: error.message, hint: error.hint ?? null } }, null, 2));
    output.err(`Error: ${error.message}${error.hint ? `\n  hint: ${error.hint}` : ''}`);
    return EXIT_ERROR;
  }
  // A genuine bug: keep the stack trace, it is what a bug report needs.
  output.err(`diet: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return EXIT_ERROR;
}
