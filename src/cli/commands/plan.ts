import type { Command } from 'commander';
import { expandSpec } from '../../engine/expand-spec.js';
import { parseTargetSelection } from '../../engine/live/target-selection.js';
import { writeFileAtomic } from '../../engine/output-files.js';
import { renderDiagnosticsText } from '../../render/render-diagnostics.js';
import { renderPlanText } from '../../render/render-plan.js';
import { openStateStore } from '../../state/index.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';
import { makePlan, parseRefresh, savePlanRecord } from '../make-plan.js';
import { resolveSpecPaths } from '../spec-paths.js';

interface PlanOptions {
  file?: string[];
  out?: string;
  detailedExitcode?: boolean;
  detail: 'summary' | 'full';
  refresh?: string;
  target?: string;
}

export function registerPlanCommand(program: Command, run: CommandRunner): void {
  program
    .command('plan')
    .description('Expand the spec into devices, ports, cables and CRDs, compare with the last applied state, and show what would change')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .option('-o, --out <file>', 'also write the plan document here (for `diet show` / `diet apply`)')
    .option('--detailed-exitcode', 'exit 2 when the plan has changes, 0 when it has none')
    .option('--detail <level>', 'summary: long lists of creates are counted per type; full: every object and attribute', 'summary')
    .option('--refresh <baseline>', 'state: compare with the last applied state; live: read NetBox/Kubernetes and compare with what diet owns there', 'state')
    .option('--target <target>', 'plan only netbox, only kubernetes, or all', 'all')
    .addHelpText(
      'after',
      `
The plan is stored in the state file (--state) and printed grouped by target and type:
  +  create   ~  update   -  destroy   -/+  replace

Examples:
  diet plan -f examples/128gpu
  diet plan -f spec/ -o plan.json --detailed-exitcode
  diet plan -f spec/ --json | jq .topology
  diet plan -f examples/128gpu --refresh live --target netbox -o plan.json

Exit codes: 0 success (with --detailed-exitcode: no changes), 1 error, 2 changes present (--detailed-exitcode).`,
    )
    .action((opts: PlanOptions) =>
      run(async (output, globals) => {
        const refresh = parseRefresh(opts.refresh, 'state');
        const selection = parseTargetSelection(opts.target);
        const spec = await expandSpec(resolveSpecPaths(opts.file));
        const store = openStateStore(globals.state);
        let planned;
        try {
          planned = (await makePlan(spec, store, globals, output, refresh, selection)).planned;
          savePlanRecord(store, planned, spec.model.name);
        } finally {
          store.close();
        }
        if (opts.out) writeFileAtomic(opts.out, planned.text);
        const warnings = spec.diagnostics.filter((d) => d.severity !== 'error');
        if (warnings.length > 0 && !output.quiet && !output.json) output.err(renderDiagnosticsText(warnings, { color: output.color }));
        if (output.json) output.out(planned.text);
        else output.out(renderPlanText(planned.document, { color: output.color, detail: opts.detail === 'full' ? 'full' : 'summary' }));
        if (!output.json && !output.quiet) output.err(`Saved plan ${planned.planId}${opts.out ? ` to ${opts.out}` : ''}; show it again with \`diet show ${opts.out ?? planned.planId}\`.`);
        const s = planned.document.summary;
        const changed = s.add + s.change + s.destroy > 0;
        return opts.detailedExitcode && changed ? EXIT_CHANGES : EXIT_OK;
      }),
    );
}
