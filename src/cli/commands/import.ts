import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { hasErrors } from '../../diag/diagnostic.js';
import { ConfigError, SpecError } from '../../diag/errors.js';
import { writeFileAtomic } from '../../engine/output-files.js';
import { convertHnpCase } from '../../import/hnp/convert-hnp-case.js';
import { renderSpecYaml } from '../../import/hnp/render-spec-yaml.js';
import { renderDiagnosticsText } from '../../render/render-diagnostics.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';

export function registerImportCommand(program: Command, run: CommandRunner): void {
  const importCmd = program
    .command('import')
    .description('Convert plans from other tools into a diet spec')
    .addHelpText('after', '\nExample:\n  diet import hnp ux_case_128gpu_odd_ports.yaml -o spec.yaml && diet plan -f spec.yaml');
  importCmd
    .command('hnp <case>')
    .description('Convert a hh-netbox-plugin DIET YAML plan (format v1 or v2) into a diet spec')
    .option('-o, --output <file>', 'write the spec here instead of standard output')
    .addHelpText('after', '\nExample:\n  diet import hnp ux_case_128gpu_odd_ports.yaml -o spec.yaml && diet plan -f spec.yaml')
    .action((file: string, opts: { output?: string }) =>
      run(async (output) => {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          throw new ConfigError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, 'check the path');
        }
        const { documents, diagnostics } = convertHnpCase(text, file);
        if (hasErrors(diagnostics)) throw new SpecError(diagnostics);
        // Notes list what the plugin file had that diet does not model; shown with -v.
        const shown = output.verbose ? diagnostics : diagnostics.filter((d) => d.severity !== 'info');
        if (shown.length > 0 && !output.quiet) output.err(renderDiagnosticsText(shown, { color: output.color }));
        const notes = diagnostics.length - shown.length;
        if (notes > 0 && !output.quiet) output.err(`${notes} note(s) about fields not imported; run with -v to see them.`);
        const yaml = renderSpecYaml(documents);
        if (opts.output) {
          writeFileAtomic(opts.output, yaml);
          if (!output.quiet) output.err(`Wrote ${opts.output}`);
        } else {
          output.out(yaml);
        }
        return EXIT_OK;
      }),
    );
}
