import { NotApprovedError, StateError, StateLockedError } from '../diag/errors.js';
import { describeRuns } from '../engine/journal/interrupted-runs.js';
import { acquireLock, type HeldLock } from '../engine/lock/acquire-lock.js';
import { breakLocks } from '../engine/lock/break-locks.js';
import { describeLock } from '../engine/lock/lock-status.js';
import { recoverRun, type RecoverMode } from '../engine/recover/recover-run.js';
import { recoveryPreviewJson, recoveryResultJson, renderRecoveryPreview, renderRecoveryResult } from '../render/render-recovery.js';
import { openStateStore, type StateStore } from '../state/index.js';
import { askApproval } from './ask-approval.js';
import { releaseCommandLock } from './command-lock.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { liveTargetsForScopes } from './live-targets.js';
import { lockEnvironment, lockOwner } from './lock-environment.js';
import type { GlobalOptions } from './main.js';
import type { Output } from './output.js';
import { progressEvents } from './progress-events.js';

export interface RecoverOptions {
  readonly mode: RecoverMode;
  readonly cluster?: string;
  readonly autoApprove: boolean;
}

/**
 * `diet apply --recover`: finds the cluster's interrupted runs (refusing while any of its
 * runs is still going), breaks the stale locks the dead process left on their scopes, takes
 * the lock, and recovers through the engine, showing per object what the journal and live
 * say and asking before the first write.
 */
export async function recoverCommand(output: Output, globals: GlobalOptions, options: RecoverOptions): Promise<number> {
  const store = openStateStore(globals.state);
  let lock: HeldLock | undefined;
  try {
    const cluster = options.cluster ?? onlyClusterWithOpenRuns(store);
    const env = lockEnvironment();
    const statuses = cluster === undefined ? [] : describeRuns(store.unfinishedApplyRuns(cluster), store.listLocks(cluster), env);
    const running = statuses.find((s) => !s.interrupted);
    if (running) {
      const r = running.run;
      throw new StateLockedError(`run ${r.id} (${r.kind}${r.planId ? ` of plan ${r.planId}` : ''}) on cluster ${r.cluster} is still running: pid ${r.pid} on ${r.host}, started ${r.startedAt}`, 'nothing to recover while it runs: wait for it to finish (see `diet lock status`)');
    }
    if (statuses.length === 0) {
      const text = `No interrupted apply${cluster ? ` on cluster ${cluster}` : ''}: nothing to recover.`;
      output.out(output.json ? JSON.stringify({ type: 'result', format_version: '1', kind: 'recover', status: 'nothing-to-recover', cluster: cluster ?? null }) : text);
      return EXIT_OK;
    }
    const scopes = [...new Set(statuses.flatMap((s) => s.run.scopes))].sort();
    lock = await lockScopes(store, cluster!, scopes, env);
    const events = progressEvents(output);
    try {
      const result = await recoverRun({
        store,
        cluster: cluster!,
        interrupted: statuses,
        mode: options.mode,
        bound: liveTargetsForScopes(globals, scopes),
        events,
        now: () => new Date().toISOString(),
        approve: async (preview) => {
          events.finish();
          if (output.json) output.out(JSON.stringify(recoveryPreviewJson(preview, statuses)));
          else output.out(renderRecoveryPreview(preview, statuses.find((s) => s.run.id === preview.subject.id)?.reason, output.verbose).join('\n'));
          if (preview.changes.length > 0 && !options.autoApprove) await confirm(output);
        },
      });
      events.finish();
      if (!output.json) for (const w of result.warnings) output.err(`warning: ${w}`);
      if (output.json) output.out(JSON.stringify(recoveryResultJson(result)));
      else if (result.status === 'recovered') output.out(renderRecoveryResult(result).join('\n'));
      else output.err(renderRecoveryResult(result).join('\n'));
      return result.status === 'recovered' ? EXIT_OK : EXIT_ERROR;
    } finally {
      events.finish();
    }
  } finally {
    releaseCommandLock(lock, output);
    store.close();
  }
}

/** Without --cluster: the one cluster with open runs; several are refused (recover each on purpose). */
function onlyClusterWithOpenRuns(store: StateStore): string | undefined {
  const clusters = [...new Set(store.unfinishedApplyRuns().map((r) => r.cluster))];
  if (clusters.length > 1) throw new StateError(`several clusters have open apply runs (${clusters.join(', ')})`, 'name one with --cluster');
  return clusters[0];
}

/**
 * The dead run's own locks are still on record (a killed process releases nothing): stale
 * locks on the scopes to recover are broken (recorded in the history); a live one stops here.
 */
async function lockScopes(store: StateStore, cluster: string, scopes: readonly string[], env: ReturnType<typeof lockEnvironment>): Promise<HeldLock> {
  const owner = lockOwner();
  for (const l of store.listLocks(cluster)) {
    if (scopes.includes(l.scope) && describeLock(l, env).stale) breakLocks(store, { cluster, scope: l.scope, force: false, env, by: `${owner.holder} (diet apply --recover)` });
  }
  return acquireLock({ store, cluster, scopes, owner, env, timeoutMs: 0 });
}

async function confirm(output: Output): Promise<void> {
  if (!process.stdin.isTTY) throw new NotApprovedError('refusing to recover without approval: stdin is not a terminal', 'review what recovery will do and pass --auto-approve');
  const answer = await askApproval("Do you want to perform these actions? Only 'yes' will be accepted: ");
  if (answer !== 'yes') throw new NotApprovedError("recovery cancelled: the answer was not 'yes'", 'nothing was changed; the interrupted run stays open');
  if (!output.quiet) output.err('');
}
