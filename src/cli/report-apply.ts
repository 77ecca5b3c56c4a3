import type { ApplyResult } from '../engine/live/apply-plan.js';
import type { RollbackReport } from '../engine/live/roll-back.js';
import { notRestoredLines, restoredLines, restoredSummary } from '../render/render-restore.js';
import type { StepResult } from '../targets/live-target.js';
import type { Output } from './output.js';

/** The end of `diet apply`: one result document with --json, a few lines for people otherwise. */
export function reportApply(output: Output, result: ApplyResult): void {
  const counts = stepCounts(result.applied);
  if (output.json) {
    const f = result.failed;
    const failed = f ? { address: f.address, action: f.action, message: f.message, hint: f.hint ?? null, status: f.status ?? null, fields: f.fields ?? null } : null;
    output.out(
      JSON.stringify({
        type: 'result',
        format_version: '1',
        plan_id: result.planId,
        status: result.status,
        total: result.total,
        applied: result.applied.length,
        summary: counts,
        failed,
        snapshot_id: result.snapshotId ?? null,
        pre_apply_snapshot_id: result.preApplySnapshotId ?? null,
        rollback: result.rollback ? rollbackJson(result.rollback) : null,
        warnings: result.warnings,
      }),
    );
    return;
  }
  for (const w of result.warnings) output.err(`warning: ${w}`);
  if (result.status === 'no-changes') return output.out('No changes. Nothing to apply.');
  if (result.status === 'applied') {
    return output.out(`Apply complete! Resources: ${counts.add} added, ${counts.change} changed, ${counts.destroy} destroyed. (plan ${result.planId}, state snapshot ${result.snapshotId})`);
  }
  const f = result.failed!;
  output.err(`Error: apply failed at ${f.address} (${f.action}): ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}`);
  const pre = result.preApplySnapshotId;
  if (!result.rollback) {
    output.err(`${result.applied.length} of ${result.total} changes were applied before the failure and stay in place (--no-rollback); state was not updated.`);
    output.err(`To undo them: diet snapshot restore ${pre}   (preview first with --dry-run; \`diet snapshot diff ${pre} live\` shows where the live objects stand)`);
    return;
  }
  const r = result.rollback;
  output.err(`${result.applied.length} of ${result.total} changes were applied before the failure; rolling back to pre-apply snapshot ${pre}.`);
  if (output.verbose) for (const line of restoredLines(r.restored)) output.err(line);
  if (r.status === 'rolled-back') {
    output.err(`Rollback complete: ${restoredSummary(r.restored)}; every object the plan touched reads back as before the apply. State was not updated.`);
    return;
  }
  output.err(`Rollback incomplete: ${restoredSummary(r.restored)}, ${r.notRestored.length} not restored:`);
  for (const line of notRestoredLines(r.notRestored)) output.err(line);
  output.err(`State was not updated. See where the live objects stand with \`diet snapshot diff ${pre} live\`; try again with \`diet snapshot restore ${pre}\`.`);
}

/** The `rollback` member of the result document (docs/json-output.md). */
function rollbackJson(r: RollbackReport) {
  return {
    status: r.status,
    pre_apply_snapshot_id: r.preApplySnapshotId,
    restored: r.restored.map((o) => ({ address: o.address, action: o.action })),
    not_restored: r.notRestored.map((o) => ({ address: o.address, action: o.action ?? null, reason: o.reason, message: o.message })),
  };
}

function stepCounts(steps: readonly StepResult[]): { add: number; change: number; destroy: number } {
  const counts = { add: 0, change: 0, destroy: 0 };
  for (const step of steps) {
    if (step.action === 'create' || step.action === 'replace') counts.add++;
    if (step.action === 'update') counts.change++;
    if (step.action === 'delete' || step.action === 'replace') counts.destroy++;
  }
  return counts;
}
