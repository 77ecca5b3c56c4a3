import type { Command } from 'commander';
import { loadSavedPlan } from '../../engine/saved-plan.js';
import { renderPlanText } from '../../render/render-plan.js';
import { openStateStore } from '../../state/index.js';
import { EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';

export function registerShowCommand(program: Command, run: CommandRunner): void {
  program
    .command('show <plan>')
    .description('Render a saved plan (a plan file or a plan id from state) exactly as `diet plan` printed it')
    .option('--detail <level>', 'summary or full, as for `diet plan`', 'summary')
    .addHelpText('after', '\nExamples:\n  diet show plan.json\n  diet show 3f2a9c1d0b7e --json')
    .action((ref: string, opts: { detail: string }) =>
      run(async (output, globals) => {
        const { document, text } = loadSavedPlan(ref, () => openStateStore(globals.state, { readonly: true }));
        if (output.json) output.out(text);
        else output.out(renderPlanText(document, { color: output.color, detail: opts.detail === 'full' ? 'full' : 'summary' }));
        return EXIT_OK;
      }),
    );
}
