import type { Command } from 'commander';
import { hasErrors, type Diagnostic } from '../../diag/diagnostic.js';
import { loadModel } from '../../engine/load-model.js';
import { renderDiagnosticsText } from '../../render/render-diagnostics.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';
import { resolveSpecPaths } from '../spec-paths.js';

/** The `--json` document of `diet validate` (docs/json-output.md). */
export function validationDocument(diagnostics: readonly Diagnostic[]) {
  return {
    format_version: '1',
    valid: !hasErrors(diagnostics),
    error_count: diagnostics.filter((d) => d.severity === 'error').length,
    warning_count: diagnostics.filter((d) => d.severity === 'warning').length,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      summary: d.summary,
      detail: d.detail ?? null,
      hint: d.hint ?? null,
      file: d.range?.file ?? null,
      line: d.range?.line ?? null,
      col: d.range?.col ?? null,
    })),
  };
}

export function registerValidateCommand(program: Command, run: CommandRunner): void {
  program
    .command('validate')
    .description('Check a spec: JSON Schema, references and the planning rules; every problem at file:line:col')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .addHelpText('after', '\nExamples:\n  diet validate -f examples/128gpu\n  diet validate -f fabric.yaml -f cluster.yaml --json\n\nExit codes: 0 valid (warnings allowed), 1 errors found.')
    .action((opts: { file?: string[] }) =>
      run(async (output) => {
        const { diagnostics } = await loadModel(resolveSpecPaths(opts.file));
        if (output.json) output.out(JSON.stringify(validationDocument(diagnostics), null, 2));
        else if (diagnostics.length > 0) output.err(renderDiagnosticsText(diagnostics, { color: output.color }));
        if (hasErrors(diagnostics)) return EXIT_ERROR;
        if (!output.json && !output.quiet) output.out('The spec is valid.');
        return EXIT_OK;
      }),
    );
}
