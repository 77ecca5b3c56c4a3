import type { Command } from 'commander';
import { expandSpec } from '../../engine/expand-spec.js';
import { exportWiring } from '../../engine/export-wiring.js';
import { writeFileAtomic } from '../../engine/output-files.js';
import { renderCablingCsv } from '../../export/cabling-csv.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';
import { resolveSpecPaths } from '../spec-paths.js';

export function registerExportCommand(program: Command, run: CommandRunner): void {
  const exportCmd = program
    .command('export')
    .description('Write artifacts computed from the spec: hhfab wiring, cable plan')
    .addHelpText('after', '\nExamples:\n  diet export wiring -f examples/128gpu -o wiring/\n  diet export cabling -f examples/128gpu -o cables.csv');
  exportCmd
    .command('wiring')
    .description('Write one hhfab wiring YAML per managed fabric: DIR/<fabric>.yaml')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .option('-o, --output <dir>', 'directory to write into', 'wiring')
    .addHelpText('after', '\nExample:\n  diet export wiring -f examples/128gpu -o wiring/ && hhfab validate -w wiring/frontend.yaml')
    .action((opts: { file?: string[]; output: string }) =>
      run(async (output) => {
        const spec = await expandSpec(resolveSpecPaths(opts.file));
        const files = exportWiring(spec, opts.output);
        if (output.json) {
          output.out(JSON.stringify({ format_version: '1', files: files.map((f) => ({ fabric: f.fabric, path: f.path, kinds: f.kinds })) }, null, 2));
        } else if (!output.quiet) {
          for (const f of files) output.out(`Wrote ${f.path}: ${Object.entries(f.kinds).map(([k, n]) => `${n} ${k}`).join(', ')}`);
        }
        return EXIT_OK;
      }),
    );
  exportCmd
    .command('cabling')
    .description('Write the cable plan as CSV: one row per cable with both ends and their roles')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText('after', '\nExamples:\n  diet export cabling -f examples/128gpu -o cables.csv\n  diet export cabling -f spec/ | column -s, -t')
    .action((opts: { file?: string[]; output?: string }) =>
      run(async (output) => {
        const spec = await expandSpec(resolveSpecPaths(opts.file));
        const csv = renderCablingCsv(spec.topology);
        if (opts.output) {
          writeFileAtomic(opts.output, csv);
          if (!output.quiet) output.err(`Wrote ${opts.output}: ${spec.topology.cables.length} cables`);
        } else {
          output.out(csv);
        }
        return EXIT_OK;
      }),
    );
}
