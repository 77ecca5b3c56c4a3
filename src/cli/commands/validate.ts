import type { Command } from 'commander';
import { hasErrors, type Diagnostic } from '../../diag/diagnostic.js';
import { loadModel } from '../../engine/load-model.js';
import { planTopology } from '../../planner/plan-topology.js';
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
    .description('Check a spec: JSON Schema, references, the planning rules and whether the fabric can be built; every problem at file:line:col')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .addHelpText('after', '\nExamples:\n  diet validate -f examples/128gpu\n  diet validate -f fabric.yaml -f cluster.yaml --json\n\nExit codes: 0 valid (warnings allowed), 1 errors found.')
    .action((opts: { file?: string[] }) =>
      run(async (output) => {
        const loaded = await loadModel(resolveSpecPaths(opts.file));
        // Capacity problems (ports, ESLAG > 4, mesh size) need the switch counts: plan the topology too.
        const diagnostics = loaded.model ? [...loaded.diagnostics, ...planTopology(loaded.model).diagnostics] : loaded.diagnostics;
        if (output.json) output.out(JSON.stringify(validationDocument(diagnostics), null, 2));
        else if (diagnostics.length > 0) output.err(renderDiagnosticsText(diagnostics, { color: output.color }));
        if (hasErrors(diagnostics)) return EXIT_ERROR;
        if (!output.json && !output.quiet) output.out('The spec is valid.');
        return EXIT_OK;
      }),
    );
}
