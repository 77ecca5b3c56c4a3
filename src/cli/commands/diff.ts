import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { ConfigError } from '../../diag/errors.js';
import { adoptionRules } from '../../engine/adoption-rules.js';
import { expandSpec } from '../../engine/expand-spec.js';
import { collisionLines } from '../../engine/live/collision-error.js';
import { diffLive } from '../../engine/live/diff-live.js';
import { readLive } from '../../engine/live/read-live.js';
import { sharedConflictLines } from '../../engine/live/shared-conflict-error.js';
import { removedFabricError } from '../../engine/live/removed-fabrics.js';
import { parseTargetSelection, selects } from '../../engine/live/target-selection.js';
import { createPlan } from '../../plan/create-plan.js';
import { toPlanDocument } from '../../plan/plan-document.js';
import { renderDiffText } from '../../render/render-diff.js';
import type { ObservedResource } from '../../resource/resource.js';
import { openStateStore } from '../../state/index.js';
import { DIET_VERSION } from '../../version.js';
import { EXIT_CHANGES, EXIT_OK } from '../exit-codes.js';
import { liveTargetsFor, unhandled } from '../live-targets.js';
import type { CommandRunner } from '../main.js';
import { removedFabricsAt } from '../make-plan.js';
import { progressEvents } from '../progress-events.js';
import { resolveSpecPaths } from '../spec-paths.js';

interface DiffOptions {
  file?: string[];
  target?: string;
  detailedExitcode?: boolean;
  detail: string;
}

export function registerDiffCommand(program: Command, run: CommandRunner): void {
  program
    .command('diff')
    .description('Compare the spec with the live objects in NetBox (and Kubernetes): attribute-level +/~/- per object, drift included')
    .option('-f, --file <path...>', 'spec files or directories (default: diet.yaml or spec/)')
    .option('--target <target>', 'netbox, kubernetes or all', 'all')
    .option('--detailed-exitcode', 'exit 2 when there are differences, 0 when there are none')
    .option('--detail <level>', 'summary or full, as for `diet plan`', 'summary')
    .addHelpText(
      'after',
      `
Reads only what diet owns (objects tagged diet-<cluster> in NetBox) plus objects whose
names collide with the spec; compares only the attributes diet owns. Nothing is written.

Examples:
  diet diff -f examples/128gpu --target netbox
  diet diff -f spec/ --json | jq .summary

Exit codes: 0 success (with --detailed-exitcode: no differences), 1 error, 2 differences (--detailed-exitcode).`,
    )
    .action((opts: DiffOptions) =>
      run(async (output, globals) => {
        const selection = parseTargetSelection(opts.target);
        const spec = await expandSpec(resolveSpecPaths(opts.file));
        const selected = spec.desired.filter((d) => selects(selection, d.address));
        // A fabric removed from the spec whose objects the state records: they show as deletes.
        const removed = removedFabricsAt(globals.state, spec, selection);
        const bound = liveTargetsFor(globals, [...selected.map((d) => d.address), ...removed.map((r) => r.addresses[0])], selection);
        const missing = [
          ...unhandled(bound, selected, selection),
          ...removed.filter((r) => !bound.some((b) => b.scope === `kubernetes/${r.fabric}`)).map((r) => {
            const error = removedFabricError(r);
            return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
          }),
        ];
        if (bound.length === 0 || (selection !== 'all' && missing.length > 0)) {
          const first = missing[0] ?? { message: `no ${selection === 'all' ? 'live target' : selection} configured` };
          throw new ConfigError(first.message, first.hint ?? 'set DIET_NETBOX_URL and DIET_NETBOX_TOKEN, or pass --config FILE');
        }
        if (!output.json) for (const m of missing) output.err(`warning: not compared: ${m.message}`);
        const desired = selected.filter((d) => bound.some((b) => b.handles(d.address)));
        const events = progressEvents(output);
        const live = await readLive(bound, desired, spec.model.name, output.json ? { progress: () => {} } : events);
        events.finish();
        if (!output.json) for (const w of live.warnings) output.err(`warning: ${w}`);
        const diff = diffLive(desired, live, adoptionRules(spec.model, recordedResources(globals.state, spec.model.name, output)));
        const fingerprints = Object.fromEntries(live.owned.flatMap((o) => (o.fingerprint ? [[o.address, o.fingerprint]] : [])));
        const plan = createPlan({ cluster: spec.model.name, changes: diff.changes, topology: spec.summary as unknown as Record<string, unknown>, baseline: { kind: 'live', fingerprints }, dietVersion: DIET_VERSION, specDigest: spec.specDigest });
        const doc = toPlanDocument(plan);
        const collisions = [...collisionLines(diff.collisions, spec.model.name), ...sharedConflictLines(diff.conflicts)];
        if (output.json) {
          const unowned = diff.collisions.map((c) => ({ address: c.address, remote_id: c.remoteId ?? null }));
          output.out(JSON.stringify({ format_version: '1', kind: 'diff', cluster: doc.cluster, targets: live.scopes, not_compared: missing.map((m) => m.message), summary: doc.summary, resource_changes: doc.resource_changes, collisions: unowned, shared_conflicts: diff.conflicts.map((c) => ({ address: c.address, shared_with: c.sharedWith, differences: c.differences })), warnings: live.warnings }, null, 2));
        } else {
          output.out(renderDiffText(doc, { color: output.color, detail: opts.detail === 'full' ? 'full' : 'summary', scopes: live.scopes, collisions }));
        }
        const s = doc.summary;
        const changed = s.add + s.change + s.destroy > 0;
        return opts.detailedExitcode && changed ? EXIT_CHANGES : EXIT_OK;
      }),
    );
}

/**
 * The latest applied snapshot's resources, for the objects state records as adopted (shown as
 * released rather than destroyed). diff writes nothing: without a readable state file it
 * compares without that record, and says so when the file exists but cannot be read.
 */
function recordedResources(path: string, cluster: string, output: { json: boolean; err(text: string): void }): readonly ObservedResource[] | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const store = openStateStore(path, { readonly: true });
    try {
      return store.managedResources(cluster)?.resources;
    } finally {
      store.close();
    }
  } catch (error) {
    if (!output.json) output.err(`warning: adopted objects recorded in state are not known (${(error as Error).message}); they show as destroyed`);
    return undefined;
  }
}
