import type { Command } from 'commander';
import { NotApprovedError } from '../../diag/errors.js';
import { expandSpec } from '../../engine/expand-spec.js';
import { refuseWhileInterrupted } from '../../engine/journal/interrupted-runs.js';
import { applyPlan, type ApplyResult } from '../../engine/live/apply-plan.js';
import { parseTargetSelection, selects } from '../../engine/live/target-selection.js';
import type { HeldLock } from '../../engine/lock/acquire-lock.js';
import { planIdOf } from '../../engine/plan-spec.js';
import { loadSavedPlan } from '../../engine/saved-plan.js';
import type { PlanDocument } from '../../plan/plan-document.js';
import { renderDiagnosticsText } from '../../render/render-diagnostics.js';
import { renderPlanText } from '../../render/render-plan.js';
import { openStateStore } from '../../state/index.js';
import { lockForCommand, releaseCommandLock } from '../command-lock.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { liveTargetsFor } from '../live-targets.js';
import { lockEnvironment } from '../lock-environment.js';
import type { CommandRunner } from '../main.js';
import { makePlan, parseRefresh, savePlanRecord, type CommandPlan } from '../make-plan.js';
import type { Output } from '../output.js';
import { progressEvents } from '../progress-events.js';
import { askApproval } from '../ask-approval.js';
import { resolveSpecPaths } from '../spec-paths.js';

interface ApplyOptions {
  file?: string[];
  autoApprove?: boolean;
  target?: string;
  refresh?: string;
  detail: string;
  lockTimeout?: string;
}

export function registerApplyCommand(program: Command, run: CommandRunner): void {
  program
    .command('apply [plan]')
    .description('Apply a saved plan (file or plan id), or plan, show, ask and apply; bulk writes in dependency order with progress')
    .option('-f, --file <path...>', 'spec files or directories, when no saved plan is given (default: diet.yaml or spec/)')
    .option('--auto-approve', 'apply without asking (required when stdin is not a terminal)')
    .option('--target <target>', 'when planning here: netbox, kubernetes or all', 'all')
    .option('--refresh <baseline>', 'when planning here: compare with live (default) or state', 'live')
    .option('--detail <level>', 'summary or full, as for `diet plan`', 'summary')
    .option('--lock-timeout <duration>', 'wait this long (e.g. 30s, 5m) for another apply on the same cluster/fabric to finish; 0 fails at once', '0')
    .addHelpText(
      'after',
      `
A saved plan is applied as it is, after checking that nothing it was based on changed
(a stale plan is refused). One apply per cluster (per fabric when the plan touches only
some) runs at a time: the state lock is taken before anything is read (see \`diet lock\`).
Every change needs a configured target: a plan with Kubernetes changes for a fabric
without Kubernetes settings is refused before anything is written.

Examples:
  diet apply -f examples/128gpu --target netbox
  diet plan -f spec/ --refresh live -o plan.json && diet apply plan.json
  diet apply 3f2a9c1d0b7e --json
  diet apply plan.json --lock-timeout 5m

Exit codes: 0 applied or nothing to do, 1 error or failed apply (state is not updated then).`,
    )
    .action((ref: string | undefined, opts: ApplyOptions) =>
      run(async (output, globals) => {
        const store = openStateStore(globals.state);
        let lock: HeldLock | undefined;
        try {
          let document: PlanDocument;
          let made: CommandPlan | undefined;
          if (ref !== undefined) {
            document = loadSavedPlan(ref, () => openStateStore(globals.state, { readonly: true })).document;
          } else {
            const spec = await expandSpec(resolveSpecPaths(opts.file));
            const selection = parseTargetSelection(opts.target);
            refuseWhileInterrupted(store, spec.model.name, lockEnvironment());
            lock = await lockForCommand(store, output, spec.model.name, spec.desired.filter((d) => selects(selection, d.address)).map((d) => d.address), opts.lockTimeout);
            made = await makePlan(spec, store, globals, output, parseRefresh(opts.refresh, 'live'), selection);
            savePlanRecord(store, made.planned, spec.model.name);
            document = made.planned.document;
            const warnings = spec.diagnostics.filter((d) => d.severity !== 'error');
            if (warnings.length > 0 && !output.quiet && !output.json) output.err(renderDiagnosticsText(warnings, { color: output.color }));
            if (!output.json) output.out(renderPlanText(document, { color: output.color, detail: opts.detail === 'full' ? 'full' : 'summary' }));
            const s = document.summary;
            if (s.add + s.change + s.destroy > 0 && !opts.autoApprove) await confirm(output);
          }
          refuseWhileInterrupted(store, document.cluster, lockEnvironment());
          lock = await lockForCommand(store, output, document.cluster, [...document.resource_changes.map((c) => c.address), ...Object.keys(document.baseline.fingerprints)], opts.lockTimeout, lock);
          const planId = planIdOf(document.digest);
          const bound = made?.bound ?? liveTargetsFor(globals, document.resource_changes.map((c) => c.address));
          const events = progressEvents(output);
          let result: ApplyResult;
          try {
            result = await applyPlan({ document, planId, bound, store, events, now: () => new Date().toISOString(), ...(made?.live ? { live: made.live } : {}) });
          } finally {
            events.finish();
          }
          report(output, result);
          return result.status === 'failed' ? EXIT_ERROR : EXIT_OK;
        } finally {
          releaseCommandLock(lock, output);
          store.close();
        }
      }),
    );
}

async function confirm(output: Output): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new NotApprovedError('refusing to apply without approval: stdin is not a terminal', 'review the plan and pass --auto-approve, or save it with `diet plan -o plan.json` and run `diet apply plan.json`');
  }
  const answer = await askApproval('Do you want to perform these actions? Only \'yes\' will be accepted: ');
  if (answer !== 'yes') throw new NotApprovedError('apply cancelled: the answer was not \'yes\'', 'nothing was changed');
  if (!output.quiet) output.err('');
}

function report(output: Output, result: ApplyResult): void {
  const counts = { add: 0, change: 0, destroy: 0 };
  for (const step of result.applied) {
    if (step.action === 'create' || step.action === 'replace') counts.add++;
    if (step.action === 'update') counts.change++;
    if (step.action === 'delete' || step.action === 'replace') counts.destroy++;
  }
  if (output.json) {
    const failed = result.failed ? { address: result.failed.address, action: result.failed.action, message: result.failed.message, hint: result.failed.hint ?? null, status: result.failed.status ?? null, fields: result.failed.fields ?? null } : null;
    output.out(JSON.stringify({ type: 'result', format_version: '1', plan_id: result.planId, status: result.status, total: result.total, applied: result.applied.length, summary: counts, failed, snapshot_id: result.snapshotId ?? null, warnings: result.warnings }));
    return;
  }
  for (const w of result.warnings) output.err(`warning: ${w}`);
  if (result.status === 'no-changes') output.out('No changes. Nothing to apply.');
  else if (result.status === 'applied') output.out(`Apply complete! Resources: ${counts.add} added, ${counts.change} changed, ${counts.destroy} destroyed. (plan ${result.planId}, state snapshot ${result.snapshotId})`);
  else {
    const f = result.failed!;
    output.err(`Error: apply failed at ${f.address} (${f.action}): ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}`);
    output.err(`${result.applied.length} of ${result.total} changes were applied before the failure and stay in place; state was not updated. Run \`diet diff\` to see where the live objects stand, then plan and apply again.`);
  }
}
