import type { Command } from 'commander';
import { ConfigError } from '../../diag/errors.js';
import { parseDuration } from '../../engine/duration-text.js';
import { expandSpec } from '../../engine/expand-spec.js';
import { parseTargetSelection, selects } from '../../engine/live/target-selection.js';
import type { HeldLock } from '../../engine/lock/acquire-lock.js';
import { createManualSnapshot } from '../../engine/snapshot/create-snapshot.js';
import { diffSnapshotWithLive } from '../../engine/snapshot/diff-snapshot-live.js';
import { diffObservedSets } from '../../engine/snapshot/diff-snapshots.js';
import { pruneSnapshots } from '../../engine/snapshot/prune-snapshots.js';
import { parseSnapshotId, readSnapshot } from '../../engine/snapshot/read-snapshot.js';
import { toSnapshotHeaderDocument, toSnapshotResourceDocument, type SnapshotHeaderDocument } from '../../engine/snapshot/snapshot-document.js';
import { verifySnapshots } from '../../engine/snapshot/verify-snapshots.js';
import type { PlanDocument } from '../../plan/plan-document.js';
import { renderJson } from '../../render/json.js';
import { renderSnapshotDiffText, renderSnapshotListText, renderSnapshotText } from '../../render/render-snapshots.js';
import { openStateStore, type SnapshotRecord, type StateStore } from '../../state/index.js';
import { lockForCommand, releaseCommandLock } from '../command-lock.js';
import { EXIT_CHANGES, EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { liveTargetsFor, unhandled } from '../live-targets.js';
import type { CommandRunner } from '../main.js';
import type { Output } from '../output.js';
import { progressEvents } from '../progress-events.js';
import { resolveSpecPaths } from '../spec-paths.js';
import { registerSnapshotRestoreCommand } from './snapshot-restore.js';

function withReadStore<T>(path: string, use: (store: StateStore) => Promise<T>): Promise<T> {
  const store = openStateStore(path, { readonly: true });
  return use(store).finally(() => store.close());
}

export function registerSnapshotCommand(program: Command, run: CommandRunner): void {
  const snapshot = program
    .command('snapshot')
    .description('Checksummed snapshots of live objects: list, show, diff (two snapshots, or one against live), verify, prune, create, restore')
    .addHelpText(
      'after',
      `
Snapshots are recorded by \`diet apply\` (kind pre-apply before its first write, applied
after it), by \`diet snapshot create\` (kind manual) and by \`diet snapshot restore\` (kind
restore). Ids are whole numbers; the highest is the newest.

Examples:
  diet snapshot list --cluster lab
  diet snapshot show 7 --json
  diet snapshot diff 3 7
  diet snapshot diff 7 live --target netbox
  diet snapshot verify
  diet snapshot prune --keep 10 --older-than 30d --dry-run
  diet snapshot create -f spec/ --note "before the maintenance window"
  diet snapshot restore 7 --dry-run`,
    );

  snapshot
    .command('list')
    .description('List snapshots, newest first')
    .addHelpText('after', '\nExamples:\n  diet snapshot list\n  diet snapshot list --cluster lab --json')
    .option('--cluster <name>', 'only this cluster')
    .action((opts: { cluster?: string }) =>
      run(async (output, globals) =>
        withReadStore(globals.state, async (store) => {
          const headers = store.listSnapshots(opts.cluster).map(toSnapshotHeaderDocument);
          output.out(output.json ? renderJson({ format_version: '1', snapshots: headers }) : renderSnapshotListText(headers));
          return EXIT_OK;
        }),
      ),
    );

  snapshot
    .command('show <id>')
    .description('Show a snapshot: kind, note, plan, checksum and its resources (with every attribute in --json)')
    .addHelpText('after', '\nExamples:\n  diet snapshot show 7\n  diet snapshot show 7 --json | jq .resources')
    .action((id: string) =>
      run(async (output, globals) =>
        withReadStore(globals.state, async (store) => {
          const { record, resources } = readSnapshot(store, parseSnapshotId(id));
          const header = toSnapshotHeaderDocument(record);
          if (output.json) output.out(renderJson({ format_version: '1', snapshot: header, resources: resources.map(toSnapshotResourceDocument) }));
          else output.out(renderSnapshotText(header, resources.map((r) => r.address)));
          return EXIT_OK;
        }),
      ),
    );

  snapshot
    .command('diff <a> <b>')
    .description('Attribute-level + ~ - from snapshot A to snapshot B, or from snapshot A to the live objects (B = live)')
    .option('--target <target>', 'with B = live: compare only netbox, only kubernetes, or all', 'all')
    .option('--detail <level>', 'summary or full, as for `diet plan`', 'summary')
    .option('--detailed-exitcode', 'exit 2 when there are differences, 0 when there are none')
    .addHelpText(
      'after',
      `
+ exists only in B, - only in A, ~ changed from A to B (only the attributes diet owns, as in
a plan). With B = live, the live objects diet owns in the targets of A's objects are read.

Examples:
  diet snapshot diff 3 7
  diet snapshot diff 7 live --target netbox --detailed-exitcode

Exit codes: 0 success (with --detailed-exitcode: no differences), 1 error, 2 differences (--detailed-exitcode).`,
    )
    .action((a: string, b: string, opts: { target?: string; detail: string; detailedExitcode?: boolean }) =>
      run(async (output, globals) =>
        withReadStore(globals.state, async (store) => {
          const fromId = parseSnapshotId(a);
          const detail = opts.detail === 'full' ? 'full' : 'summary';
          let doc: PlanDocument;
          if (b === 'live') {
            const selection = parseTargetSelection(opts.target);
            const events = progressEvents(output);
            const result = await diffSnapshotWithLive({
              store,
              snapshotId: fromId,
              selection,
              targetsFor: (addresses) => liveTargetsFor(globals, addresses, selection),
              events: output.json ? { progress: () => {} } : events,
            }).finally(() => events.finish());
            doc = result.document;
            const from = toSnapshotHeaderDocument(result.snapshot);
            if (output.json) {
              output.out(renderJson({ format_version: '1', kind: 'snapshot-diff', cluster: doc.cluster, from, to: { live: true, targets: result.scopes }, summary: doc.summary, resource_changes: doc.resource_changes, unowned: result.unowned.map((o) => ({ address: o.address, remote_id: o.remoteId ?? null })), warnings: result.warnings }));
            } else {
              for (const w of result.warnings) output.err(`warning: ${w}`);
              const notes = result.unowned.map((o) => `! ${o.address} exists live${o.remoteId ? ` (id ${o.remoteId})` : ''} but is not managed by diet any more`);
              output.out(renderSnapshotDiffText(doc, { color: output.color, detail, from: label(from), to: `the live objects (${result.scopes.join(', ') || 'no targets'})`, notes }));
            }
          } else {
            const toId = parseSnapshotId(b);
            const from = readSnapshot(store, fromId);
            const to = readSnapshot(store, toId);
            doc = diffObservedSets(to.record.cluster, from.record.id, from.resources, to.resources);
            const [fromHeader, toHeader] = [toSnapshotHeaderDocument(from.record), toSnapshotHeaderDocument(to.record)];
            if (output.json) output.out(renderJson({ format_version: '1', kind: 'snapshot-diff', cluster: doc.cluster, from: fromHeader, to: toHeader, summary: doc.summary, resource_changes: doc.resource_changes, unowned: [], warnings: [] }));
            else output.out(renderSnapshotDiffText(doc, { color: output.color, detail, from: label(fromHeader), to: label(toHeader) }));
          }
          const s = doc.summary;
          return opts.detailedExitcode && s.add + s.change + s.destroy > 0 ? EXIT_CHANGES : EXIT_OK;
        }),
      ),
    );

  snapshot
    .command('verify [id]')
    .description('Recompute checksums from the stored rows (one snapshot, or all); exit 1 naming any that do not match')
    .addHelpText('after', '\nExamples:\n  diet snapshot verify\n  diet snapshot verify 7 --json')
    .action((id: string | undefined) =>
      run(async (output, globals) =>
        withReadStore(globals.state, async (store) => {
          const checks = verifySnapshots(store, id === undefined ? undefined : parseSnapshotId(id));
          const bad = checks.filter((c) => !c.ok);
          if (output.json) {
            output.out(renderJson({ format_version: '1', snapshots: checks.map((c) => ({ id: c.snapshotId, cluster: c.record.cluster, kind: c.record.kind, ok: c.ok, expected: c.expected, actual: c.actual })) }));
          } else if (checks.length === 0) {
            output.out('No snapshots to verify.');
          } else {
            output.out(checks.map((c) => `snapshot ${c.snapshotId} (${c.record.cluster}, ${c.record.kind}, ${c.record.createdAt}): ${c.ok ? 'ok' : `MISMATCH expected ${c.expected}, actual ${c.actual}`}`).join('\n'));
          }
          if (bad.length === 0) return EXIT_OK;
          const first = bad[0];
          const more = bad.length > 1 ? ` (and ${bad.length - 1} more: ${bad.slice(1, 6).map((c) => c.snapshotId).join(', ')}${bad.length > 6 ? ', …' : ''})` : '';
          output.err(`Error: snapshot ${first.snapshotId} (cluster ${first.record.cluster}, ${first.record.kind}) does not match its checksum: its rows were changed outside diet${more}\n  hint: restore the state file from a backup (see docs/state.md); do not restore or diff against that snapshot`);
          return EXIT_ERROR;
        }),
      ),
    );

  snapshot
    .command('prune')
    .description('Delete old snapshots; never the latest applied one of a cluster')
    .option('--keep <n>', 'keep the newest N snapshots of each cluster')
    .option('--older-than <duration>', 'delete only snapshots older than this (e.g. 30d, 12h)')
    .option('--cluster <name>', 'only this cluster')
    .option('--dry-run', 'show what would be deleted and change nothing')
    .addHelpText('after', '\nWith both --keep and --older-than a snapshot goes only when it is beyond the newest N and older.\n\nExamples:\n  diet snapshot prune --keep 10 --dry-run\n  diet snapshot prune --older-than 30d --cluster lab')
    .action((opts: { keep?: string; olderThan?: string; cluster?: string; dryRun?: boolean }) =>
      run(async (output, globals) => {
        const rule = {
          ...(opts.keep !== undefined ? { keep: parseKeep(opts.keep) } : {}),
          ...(opts.olderThan !== undefined ? { olderThanMs: parseDuration(opts.olderThan, '--older-than') } : {}),
          ...(opts.cluster !== undefined ? { cluster: opts.cluster } : {}),
          now: Date.now(),
        };
        const dryRun = Boolean(opts.dryRun);
        const store = openStateStore(globals.state, dryRun ? { readonly: true } : {});
        try {
          const selection = pruneSnapshots(store, rule, { dryRun, at: new Date().toISOString() });
          if (output.json) {
            output.out(renderJson({ format_version: '1', dry_run: dryRun, deleted: selection.remove.map(toSnapshotHeaderDocument), kept_as_latest_applied: selection.kept.map(toSnapshotHeaderDocument) }));
          } else {
            const verb = dryRun ? 'Would delete' : 'Deleted';
            const lines = selection.remove.map((r) => `${verb} ${label(toSnapshotHeaderDocument(r))}`);
            lines.push(...selection.kept.map((r) => `Kept ${label(toSnapshotHeaderDocument(r))}: the latest applied snapshot of ${r.cluster}`));
            lines.push(`${verb} ${selection.remove.length} snapshot${selection.remove.length === 1 ? '' : 's'}.`);
            output.out(lines.join('\n'));
          }
          return EXIT_OK;
        } finally {
          store.close();
        }
      }),
    );

  snapshot
    .command('create')
    .description('Record a manual snapshot of the live objects: everything diet owns plus whatever sits at an address the spec wants')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .option('--note <text>', 'a note stored with the snapshot')
    .option('--target <target>', 'netbox, kubernetes or all', 'all')
    .option('--lock-timeout <duration>', 'wait this long (e.g. 30s) for a running apply to finish; 0 fails at once', '0')
    .addHelpText('after', '\nTakes the apply lock of the targets it reads, so it never records an apply half done.\n\nExamples:\n  diet snapshot create -f spec/ --note "before the maintenance window"\n  diet snapshot create -f examples/128gpu --target netbox --json')
    .action((opts: { file?: string[]; note?: string; target?: string; lockTimeout?: string }) =>
      run(async (output, globals) => {
        const store = openStateStore(globals.state);
        let lock: HeldLock | undefined;
        try {
          const selection = parseTargetSelection(opts.target);
          const spec = await expandSpec(resolveSpecPaths(opts.file));
          const selected = spec.desired.filter((d) => selects(selection, d.address));
          const bound = liveTargetsFor(globals, selected.map((d) => d.address), selection);
          const missing = unhandled(bound, selected, selection);
          if (bound.length === 0) {
            const first = missing[0] ?? { message: `no ${selection === 'all' ? 'live target' : selection} configured` };
            throw new ConfigError(first.message, first.hint ?? 'set DIET_NETBOX_URL and DIET_NETBOX_TOKEN, or pass --config FILE');
          }
          if (!output.json) for (const m of missing) output.err(`warning: not recorded: ${m.message}`);
          const desired = selected.filter((d) => bound.some((b) => b.handles(d.address)));
          lock = await lockForCommand(store, output, spec.model.name, desired.map((d) => d.address), opts.lockTimeout);
          const events = progressEvents(output);
          const created = await createManualSnapshot({
            store,
            cluster: spec.model.name,
            bound,
            desired,
            ...(opts.note !== undefined ? { note: opts.note } : {}),
            now: () => new Date().toISOString(),
            events: output.json ? { progress: () => {} } : events,
          }).finally(() => events.finish());
          report(output, created.record, created.owned, created.unowned, created.scopes, created.warnings);
          return EXIT_OK;
        } finally {
          releaseCommandLock(lock, output);
          store.close();
        }
      }),
    );

  registerSnapshotRestoreCommand(snapshot, run);
}

function report(output: Output, record: SnapshotRecord, owned: number, unowned: number, scopes: readonly string[], warnings: readonly string[]): void {
  if (output.json) {
    output.out(renderJson({ format_version: '1', snapshot: toSnapshotHeaderDocument(record), owned, unowned, targets: scopes, warnings }));
    return;
  }
  for (const w of warnings) output.err(`warning: ${w}`);
  const others = unowned > 0 ? ` and ${unowned} not managed by diet at addresses the spec wants` : '';
  output.out(`Created snapshot ${record.id} (cluster ${record.cluster}, manual) of ${scopes.join(', ')}: ${owned} objects diet manages${others}; checksum ${record.checksum}.`);
}

/** `snapshot 7 (lab, applied, 2025-06-01T12:00:00.000Z)` */
function label(h: SnapshotHeaderDocument): string {
  return `snapshot ${h.id} (${h.cluster}, ${h.kind}, ${h.created_at})`;
}

function parseKeep(text: string): number {
  if (!/^\d{1,9}$/.test(text)) throw new ConfigError(`--keep must be a whole number of snapshots, got ${JSON.stringify(text)}`, 'e.g. --keep 10');
  return Number(text);
}
