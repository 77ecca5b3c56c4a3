import type { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../diag/errors.js';
import { writeFileAtomic } from '../../engine/output-files.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';

/** The starter spec is the bundled lab example, so it is always valid and tested. */
const STARTER = new URL('../../../examples/lab/lab.yaml', import.meta.url);

export function registerInitCommand(program: Command, run: CommandRunner): void {
  program
    .command('init [dir]')
    .description('Write a small, valid starter spec (diet.yaml) to edit')
    .option('--force', 'overwrite an existing diet.yaml')
    .addHelpText('after', '\nExamples:\n  diet init\n  diet init lab && diet plan -f lab/diet.yaml\n  diet init lab --force')
    .action((dir: string | undefined, opts: { force?: boolean }) =>
      run(async (output) => {
        const target = join(dir ?? '.', 'diet.yaml');
        if (existsSync(target) && !opts.force) throw new ConfigError(`${target} already exists`, 'use --force to overwrite it, or pick another directory');
        writeFileAtomic(target, readFileSync(STARTER, 'utf8'));
        if (output.json) output.out(JSON.stringify({ format_version: '1', written: target }));
        else output.out(`Wrote ${target}. Next: diet validate -f ${target} && diet plan -f ${target}`);
        return EXIT_OK;
      }),
    );
}
