import type { Command } from 'commander';
import { parseTargetSelection } from '../../engine/live/target-selection.js';
import type { HeldLock } from '../../engine/lock/acquire-lock.js';
import { refuseWhileInterrupted } from '../../engine/journal/interrupted-runs.js';
import { planRestore, type RestorePreview } from '../../engine/restore/plan-restore.js';
import { restoreScopesOf } from '../../engine/restore/restore-scopes.js';
import { restoreSnapshot, type RestoreSnapshotResult } from '../../engine/restore/restore-snapshot.js';
import { parseSnapshotId, readSnapshot } from '../../engine/snapshot/read-snapshot.js';
import { toSnapshotHeaderDocument } from '../../engine/snapshot/snapshot-document.js';
import { renderJson } from '../../render/json.js';
import { renderPlanText } from '../../render/render-plan.js';
import { notRestoredLines, restoredLines, restoredSummary } from '../../render/render-restore.js';
import { openStateStore } from '../../state/index.js';
import { SILENT_EVENTS } from '../../targets/live-target.js';
import { requireApproval } from '../ask-approval.js';
import { lockEnvironment } from '../lock-environment.js';
import { lockScopesForCommand, releaseCommandLock } from '../command-lock.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK, EXIT_ROLLED_BACK } from '../exit-codes.js';
import { liveTargetsForScopes } from '../live-targets.js';
import type { CommandRunner } from '../main.js';
import type { Output } from '../output.js';
import { progressEvents } from '../progress-events.js';

interface RestoreOptions {
  dryRun?: boolean;
  autoApprove?: boolean;
  target?: string;
  detail: string;
  detailedExitcode?: boolean;
  lockTimeout?: string;
  rollback: boolean;
}

export function registerSnapshotRestoreCommand(snapshot: Command, run: CommandRunner): void {
  snapshot
    .command('restore <id>')
    .description('Bring the live objects back to a snapshot: shown as a plan first, then applied, verified and recorded')
    .option('--dry-run', 'show the changes and exit; nothing is locked or written')
    .option('--auto-approve', 'restore without asking (required when stdin is not a terminal)')
    .option('--target <target>', 'restore only netbox, only kubernetes, or all the snapshot covers', 'all')
    .option('--detail <level>', 'summary or full, as for `diet plan`', 'summary')
    .option('--detailed-exitcode', 'with --dry-run: exit 2 when the restore would change something')
    .option('--no-rollback', 'when a step fails, leave the changes made so far in place instead of undoing them')
    .option('--lock-timeout <duration>', 'wait this long (e.g. 30s) for a running apply to finish; 0 fails at once', '0')
    .addHelpText(
      'after',
      `
The restore is an ordinary plan with the snapshot as the desired side, over the targets the
snapshot covers: what it has and live lacks is created again, what differs is set back, and
what diet owns there but the snapshot lacks is deleted. Objects diet does not own are never
written (one at an address the snapshot has is listed and left alone). A snapshot that does
not match its checksum is refused.

It runs like an apply: under the lock, after approval, preceded by a pre-apply snapshot, read
back and verified, then recorded as a \`restore\` snapshot (what diet manages from then on).
If a step fails, the restore is undone back to its pre-apply snapshot.

Examples:
  diet snapshot restore 7 --dry-run
  diet snapshot restore 7 --target netbox --auto-approve
  diet snapshot restore 12 --json --auto-approve

Exit codes: 0 restored (with --dry-run: shown; with --detailed-exitcode: no changes),
2 changes to make (--dry-run --detailed-exitcode), 3 a step failed and the restore was
undone, 1 error, refused snapshot, or objects that could not be restored.`,
    )
    .action((id: string, opts: RestoreOptions) =>
      run(async (output, globals) => {
        const snapshotId = parseSnapshotId(id);
        const selection = parseTargetSelection(opts.target);
        const store = openStateStore(globals.state, opts.dryRun ? { readonly: true } : {});
        let lock: HeldLock | undefined;
        try {
          if (!opts.dryRun) {
            const { record, resources } = readSnapshot(store, snapshotId);
            // Lock every scope the restore may write before reading anything, as apply does.
            const scopes = restoreScopesOf(record, resources, selection);
            refuseWhileInterrupted(store, record.cluster, lockEnvironment());
            lock = await lockScopesForCommand(store, output, record.cluster, scopes, opts.lockTimeout);
          }
          const events = output.json ? SILENT_EVENTS : progressEvents(output);
          const finish = () => (events as { finish?: () => void }).finish?.();
          const preview = await planRestore({ store, snapshotId, selection, targetsFor: (scopes) => liveTargetsForScopes(globals, scopes), events }).finally(finish);
          const s = preview.document.summary;
          const changes = s.add + s.change + s.destroy > 0;
          if (opts.dryRun) {
            showPreview(output, preview, opts.detail);
            return opts.detailedExitcode && changes ? EXIT_CHANGES : EXIT_OK;
          }
          if (!output.json) showPreview(output, preview, opts.detail);
          // Without changes nothing is written to the targets (state only records that they match): nothing to approve.
          if (changes && !opts.autoApprove) await requireApproval(output, 'restore', 'review the changes with `diet snapshot restore ID --dry-run` and pass --auto-approve');
          const result = await restoreSnapshot({ store, preview, events, now: () => new Date().toISOString(), noRollback: !opts.rollback }).finally(finish);
          reportRestore(output, preview, result);
          return exitCodeOf(result);
        } finally {
          releaseCommandLock(lock, output);
          store.close();
        }
      }),
    );
}

function exitCodeOf(result: RestoreSnapshotResult): number {
  if (result.status === 'restored') return EXIT_OK;
  if (result.status === 'rolled-back') return EXIT_ROLLED_BACK;
  return EXIT_ERROR;
}

function previewJson(preview: RestorePreview) {
  return {
    format_version: '1',
    kind: 'snapshot-restore',
    cluster: preview.snapshot.cluster,
    snapshot: toSnapshotHeaderDocument(preview.snapshot),
    targets: preview.scopes,
    summary: preview.document.summary,
    resource_changes: preview.document.resource_changes,
    blocked: preview.blocked.map((o) => ({ address: o.address, remote_id: o.remoteId ?? null })),
    recorded_unowned: preview.recordedUnowned.map((r) => r.address),
  };
}

function showPreview(output: Output, preview: RestorePreview, detail: string): void {
  if (output.json) {
    output.out(renderJson({ ...previewJson(preview), dry_run: true, warnings: preview.warnings }));
    return;
  }
  for (const w of preview.warnings) output.err(`warning: ${w}`);
  const h = preview.snapshot;
  output.err(`Restoring snapshot ${h.id} (${h.cluster}, ${h.kind}, ${h.createdAt}) in ${preview.scopes.join(', ')}:`);
  output.out(renderPlanText(preview.document, { color: output.color, detail: detail === 'full' ? 'full' : 'summary' }));
  for (const o of preview.blocked) output.err(`! ${o.address} is held by an object diet does not own${o.remoteId ? ` (id ${o.remoteId})` : ''}; it will be left as it is`);
  for (const r of preview.recordedUnowned) output.err(`! ${r.address} was not diet's when the snapshot was taken; it will be left as it is`);
}

function reportRestore(output: Output, preview: RestorePreview, result: RestoreSnapshotResult): void {
  const { outcome } = result;
  if (output.json) {
    const f = outcome.failed;
    output.out(
      renderJson({
        ...previewJson(preview),
        dry_run: false,
        status: result.status,
        restored: outcome.restored.map((o) => ({ address: o.address, action: o.action })),
        not_restored: outcome.notRestored.map((o) => ({ address: o.address, action: o.action ?? null, reason: o.reason, message: o.message })),
        failed: f ? { address: f.address, action: f.action, message: f.message, hint: f.hint ?? null, status: f.status ?? null } : null,
        restore_snapshot_id: result.restoreSnapshotId ?? null,
        pre_apply_snapshot_id: result.preApplySnapshotId ?? null,
        rollback: result.rollback
          ? { status: result.rollback.status, pre_apply_snapshot_id: result.rollback.preApplySnapshotId, restored: result.rollback.restored.map((o) => ({ address: o.address, action: o.action })), not_restored: result.rollback.notRestored.map((o) => ({ address: o.address, action: o.action ?? null, reason: o.reason, message: o.message })) }
          : null,
        warnings: result.warnings,
      }),
    );
    return;
  }
  for (const w of result.warnings) output.err(`warning: ${w}`);
  if (output.verbose) for (const line of restoredLines(outcome.restored)) output.err(line);
  const pre = result.preApplySnapshotId;
  const preNote = pre !== undefined ? ` (pre-apply snapshot ${pre})` : '';
  if (result.status === 'restored') {
    output.out(`Restore complete: ${restoredSummary(outcome.restored)}; everything in ${preview.scopes.join(', ')} reads back as snapshot ${preview.snapshot.id}. State snapshot ${result.restoreSnapshotId} (restore) is what diet manages now${preNote}.`);
    return;
  }
  if (result.status === 'partial') {
    output.err(`Restore incomplete: ${restoredSummary(outcome.restored)}, ${outcome.notRestored.length} not restored:`);
    for (const line of notRestoredLines(outcome.notRestored)) output.err(line);
    output.err(`State snapshot ${result.restoreSnapshotId} (restore) records the objects as they are now${preNote}.`);
    return;
  }
  const f = outcome.failed!;
  output.err(`Error: restore failed at ${f.address} (${f.action}): ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}`);
  if (!result.rollback) {
    output.err(`${outcome.applied.length} of ${outcome.changes.length} changes were made and stay in place (--no-rollback); state was not updated. To undo them: diet snapshot restore ${pre}`);
    return;
  }
  const r = result.rollback;
  if (r.status === 'rolled-back') {
    output.err(`The restore was undone: ${restoredSummary(r.restored)}; everything it touched reads back as before. State was not updated.`);
    return;
  }
  output.err(`Undoing the restore was incomplete: ${restoredSummary(r.restored)}, ${r.notRestored.length} not restored:`);
  for (const line of notRestoredLines(r.notRestored)) output.err(line);
  output.err(`State was not updated. See where the live objects stand with \`diet snapshot diff ${pre} live\`.`);
}
