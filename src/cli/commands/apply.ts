import type { Command } from 'commander';
import { ConfigError, NotApprovedError } from '../../diag/errors.js';
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
import { EXIT_ERROR, EXIT_OK, EXIT_ROLLED_BACK } from '../exit-codes.js';
import { liveTargetsFor } from '../live-targets.js';
import { lockEnvironment } from '../lock-environment.js';
import type { CommandRunner } from '../main.js';
import { makePlan, parseRefresh, removedFabricsOf, savePlanRecord, type CommandPlan } from '../make-plan.js';
import type { Output } from '../output.js';
import { progressEvents } from '../progress-events.js';
import { recoverCommand, type RecoverOptions } from '../recover-command.js';
import { askApproval } from '../ask-approval.js';
import { reportApply } from '../report-apply.js';
import { resolveSpecPaths } from '../spec-paths.js';

interface ApplyOptions {
  file?: string[];
  autoApprove?: boolean;
  target?: string;
  refresh?: string;
  detail: string;
  lockTimeout?: string;
  /** false with --no-rollback; true otherwise (with --rollback or neither). */
  rollback: boolean;
  recover?: boolean;
  complete?: boolean;
  cluster?: string;
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
    .option('--no-rollback', 'when a step fails, leave the changes made so far in place instead of rolling them back (undo them later with `diet snapshot restore <pre-apply id>`)')
    .option('--recover', 'recover the cluster\'s interrupted apply (its process was killed) from the journal: roll it back (default) or, with --complete, finish it')
    .option('--rollback', 'with --recover: bring everything the interrupted apply touched back to its pre-apply snapshot (the default)')
    .option('--complete', 'with --recover: apply the rest of the interrupted plan instead of rolling it back')
    .option('--cluster <name>', 'with --recover: the cluster to recover (default: the only one with an interrupted apply)')
    .option('--lock-timeout <duration>', 'wait this long (e.g. 30s, 5m) for another apply on the same cluster/fabric to finish; 0 fails at once', '0')
    .addHelpText(
      'after',
      `
A saved plan is applied as it is, after checking that nothing it was based on changed
(a stale plan is refused). One apply per cluster (per fabric when the plan touches only
some) runs at a time: the state lock is taken before anything is read (see \`diet lock\`).
Every change needs a configured target: a plan with Kubernetes changes for a fabric
without Kubernetes settings is refused before anything is written.

Before the first write, a pre-apply snapshot records what diet owns in the targets. If a
step fails, every object the plan touched is brought back to that snapshot (created ones
deleted, changed ones set back, deleted ones recreated), read back and checked; whatever
could not be restored is listed with the reason. State keeps the previous applied snapshot.

Every write is journaled in the state file before it is sent and again when answered
(intended → sent → confirmed). If diet is killed mid-apply (kill -9, power loss), the run
stays open: plans and applies of that cluster are refused until \`diet apply --recover\`
has re-read the live targets, shown per object what the journal and live say, and either
rolled the run back to its pre-apply snapshot (the default: that snapshot is the last
state known to be whole, and the interrupted plan may no longer be what you want) or,
with --complete, applied the rest of its plan. Either way state agrees with live after.

Examples:
  diet apply -f examples/128gpu --target netbox
  diet plan -f spec/ --refresh live -o plan.json && diet apply plan.json
  diet apply 3f2a9c1d0b7e --json
  diet apply plan.json --lock-timeout 5m
  diet apply plan.json --no-rollback
  diet apply --recover                          # roll back an interrupted apply
  diet apply --recover --complete --auto-approve

Exit codes: 0 applied or nothing to do; 3 a step failed and everything was rolled back;
1 error, a failed apply that could not be rolled back completely, or a failed apply with
--no-rollback (state is not updated after a failure). With --recover: 0 recovered or
nothing to recover; 1 refused (the apply still runs, no approval) or not recovered
completely (the interrupted run stays open; run it again).`,
    )
    .action((ref: string | undefined, opts: ApplyOptions, command: Command) =>
      run(async (output, globals) => {
        if (opts.recover) return recoverCommand(output, globals, recoverOptions(ref, opts, command.getOptionValueSource('rollback') === 'cli'));
        if (opts.complete || opts.cluster !== undefined) throw new ConfigError('--complete and --cluster go with --recover', 'to recover an interrupted apply: diet apply --recover [--complete]');
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
            // A fabric removed from the spec is locked too: its recorded objects are planned as deletes.
            const removed = removedFabricsOf(spec, store, selection);
            lock = await lockForCommand(store, output, spec.model.name, [...spec.desired.filter((d) => selects(selection, d.address)).map((d) => d.address), ...removed.map((r) => r.addresses[0])], opts.lockTimeout);
            made = await makePlan(spec, store, globals, output, parseRefresh(opts.refresh, 'live'), selection, removed);
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
            result = await applyPlan({ document, planId, bound, store, events, now: () => new Date().toISOString(), noRollback: opts.rollback === false, ...(made?.live ? { live: made.live } : {}) });
          } finally {
            events.finish();
          }
          reportApply(output, result);
          return exitCodeOf(result);
        } finally {
          releaseCommandLock(lock, output);
          store.close();
        }
      }),
    );
}

/** `explicitRollback`: --rollback or --no-rollback was on the command line (commander defaults `rollback` to true). */
function recoverOptions(ref: string | undefined, opts: ApplyOptions, explicitRollback: boolean): RecoverOptions {
  if (ref !== undefined || opts.file) throw new ConfigError('--recover takes no plan or spec: it recovers the run recorded in the state file', 'diet apply --recover [--complete] [--cluster NAME]');
  if (opts.complete && explicitRollback && opts.rollback === true) throw new ConfigError('--rollback and --complete exclude each other', 'choose one; without either, --recover rolls back');
  if (opts.rollback === false) throw new ConfigError('--no-rollback does not go with --recover', 'to finish the interrupted apply instead of rolling it back, pass --complete');
  return { mode: opts.complete ? 'complete' : 'rollback', autoApprove: Boolean(opts.autoApprove), ...(opts.cluster !== undefined ? { cluster: opts.cluster } : {}) };
}

async function confirm(output: Output): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new NotApprovedError('refusing to apply without approval: stdin is not a terminal', 'review the plan and pass --auto-approve, or save it with `diet plan -o plan.json` and run `diet apply plan.json`');
  }
  const answer = await askApproval('Do you want to perform these actions? Only \'yes\' will be accepted: ');
  if (answer !== 'yes') throw new NotApprovedError('apply cancelled: the answer was not \'yes\'', 'nothing was changed');
  if (!output.quiet) output.err('');
}

/** 3 only when the failed apply left nothing behind: everything it touched reads back as before. */
function exitCodeOf(result: ApplyResult): number {
  if (result.status === 'rolled-back') return EXIT_ROLLED_BACK;
  if (result.status === 'applied' || result.status === 'no-changes') return EXIT_OK;
  return EXIT_ERROR;
}
