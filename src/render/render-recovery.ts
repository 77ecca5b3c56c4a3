import type { RecoveryObject } from '../engine/recover/recovery-objects.js';
import type { RecoverResult, RecoveryPreview } from '../engine/recover/recover-run.js';
import type { RunStatus } from '../engine/journal/interrupted-runs.js';

const JOURNAL_TEXT: Record<RecoveryObject['journal'], string> = { confirmed: 'confirmed', sent: 'sent, unconfirmed', 'not-sent': 'not sent', failed: 'refused' };
const LIVE_TEXT: Record<RecoveryObject['live'], string> = { 'as-planned': 'as planned', 'as-before': 'as before', other: 'differs from both', unowned: 'not diet\'s' };
const SIGN: Record<string, string> = { create: '+', update: '~', delete: '-', replace: '-/+' };

/**
 * What `diet apply --recover` found, per object, and what it is about to do. Objects the run
 * never sent and live shows untouched (most of them, in a big plan) and the changes are
 * counted; `verbose` lists every one.
 */
export function renderRecoveryPreview(preview: RecoveryPreview, why: string | undefined, verbose = false): string[] {
  const { subject } = preview;
  const lines = [`Interrupted ${subject.kind}: run ${subject.id}${subject.planId ? ` of plan ${subject.planId}` : ''} on cluster ${subject.cluster}, started ${subject.startedAt} by pid ${subject.pid} on ${subject.host}${why ? ` (${why})` : ''}.`];
  if (preview.superseded.length > 0) lines.push(`Also open, replaced by this recovery: ${preview.superseded.map((r) => `run ${r.id} (${r.kind})`).join(', ')}.`);
  const untouched = (o: RecoveryObject) => o.journal === 'not-sent' && o.live === 'as-before';
  const shown = verbose ? preview.objects : preview.objects.filter((o) => !untouched(o));
  const hidden = preview.objects.length - shown.length;
  lines.push('', `Per object, what the journal says and what live shows${hidden > 0 ? ` (${hidden} not sent and untouched live are left out; -v lists them)` : ''}:`);
  const width = Math.max(...shown.map((o) => JOURNAL_TEXT[o.journal].length), 0);
  const liveWidth = Math.max(...shown.map((o) => LIVE_TEXT[o.live].length), 0);
  for (const o of shown) lines.push(`  ${JOURNAL_TEXT[o.journal].padEnd(width)}  ${LIVE_TEXT[o.live].padEnd(liveWidth)}  ${(SIGN[o.action] ?? '?').padEnd(3)} ${o.address}`);
  lines.push(`Journal: ${countsText(preview.objects.map((o) => JOURNAL_TEXT[o.journal]))}. Live: ${countsText(preview.objects.map((o) => LIVE_TEXT[o.live]))}.`, '');
  const goal = preview.mode === 'rollback' ? `Roll back to pre-apply snapshot ${subject.preSnapshotId}` : `Complete plan ${subject.planId}`;
  if (preview.changes.length === 0) lines.push(`${goal}: live already matches; nothing to write.`);
  else {
    lines.push(`${goal}: ${preview.changes.length} change(s):`);
    if (verbose) for (const c of preview.changes) lines.push(`  ${(SIGN[c.action] ?? '?').padEnd(3)} ${c.address}`);
    else for (const [group, n] of countBy(preview.changes.map((c) => `${(SIGN[c.action] ?? '?').padEnd(3)} ${c.target}.${c.type}`))) lines.push(`  ${group} × ${n}`);
  }
  for (const b of preview.blocked) lines.push(`  ! ${b.address} is held by an object diet does not own; left alone`);
  return lines;
}

export function renderRecoveryResult(result: RecoverResult): string[] {
  const { subject } = result.preview;
  if (result.status === 'recovered') {
    const what = result.preview.mode === 'rollback' ? `rolled back to pre-apply snapshot ${subject.preSnapshotId}` : `completed plan ${subject.planId}`;
    return [`Recovery complete: run ${subject.id} ${what} (${result.applied.length} change(s) applied); state snapshot ${result.snapshotId}.`];
  }
  const lines = [`Error: recovery incomplete: run ${subject.id} stays open${result.failed ? `; failed at ${result.failed.address} (${result.failed.action}): ${result.failed.message}` : ''}`];
  for (const r of result.remaining.slice(0, 20)) lines.push(`  not done: ${r}`);
  if (result.remaining.length > 20) lines.push(`  … and ${result.remaining.length - 20} more`);
  lines.push('  hint: fix the cause and run `diet apply --recover` again; state was not updated');
  return lines;
}

/** The preview as the `recovery` line of `--json` (docs/json-output.md). */
export function recoveryPreviewJson(preview: RecoveryPreview, statuses: readonly RunStatus[]) {
  const reason = statuses.find((s) => s.run.id === preview.subject.id)?.reason ?? null;
  return {
    type: 'recovery',
    format_version: '1',
    cluster: preview.subject.cluster,
    mode: preview.mode,
    run: { id: preview.subject.id, kind: preview.subject.kind, plan_id: preview.subject.planId ?? null, pre_apply_snapshot_id: preview.subject.preSnapshotId ?? null, pid: preview.subject.pid, host: preview.subject.host, started_at: preview.subject.startedAt, interrupted_because: reason },
    superseded: preview.superseded.map((r) => r.id),
    objects: preview.objects.map((o) => ({ address: o.address, action: o.action, journal: o.journal, live: o.live })),
    changes: preview.changes.map((c) => ({ address: c.address, action: c.action })),
    blocked: preview.blocked.map((b) => b.address),
  };
}

export function recoveryResultJson(result: RecoverResult) {
  const f = result.failed;
  return {
    type: 'result',
    format_version: '1',
    kind: 'recover',
    status: result.status,
    mode: result.preview.mode,
    cluster: result.preview.subject.cluster,
    run_id: result.preview.subject.id,
    recover_run_id: result.runId ?? null,
    superseded: result.preview.superseded.map((r) => r.id),
    applied: result.applied.length,
    failed: f ? { address: f.address, action: f.action, message: f.message, hint: f.hint ?? null, status: f.status ?? null } : null,
    remaining: result.remaining,
    snapshot_id: result.snapshotId ?? null,
    warnings: result.warnings,
  };
}

function countsText(values: readonly string[]): string {
  const counts = countBy(values);
  return counts.size === 0 ? 'nothing' : [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}

/** Counts in order of first appearance. */
function countBy(values: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}
