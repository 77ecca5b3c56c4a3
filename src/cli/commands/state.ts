import type { Command } from 'commander';
import { ConfigError } from '../../diag/errors.js';
import { renderJson } from '../../render/json.js';
import { openStateStore, type StateStore } from '../../state/index.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import type { CommandRunner } from '../main.js';

function withStore<T>(path: string, use: (store: StateStore) => T): T {
  const store = openStateStore(path, { readonly: true });
  try {
    return use(store);
  } finally {
    store.close();
  }
}

/** The cluster to show: the one given, or the only one the state file knows. */
function pickCluster(store: StateStore, given: string | undefined): string {
  if (given) return given;
  const clusters = [...new Set([...store.listPlans().map((p) => p.cluster), ...store.listSnapshots().map((s) => s.cluster)])].sort();
  if (clusters.length === 1) return clusters[0];
  if (clusters.length === 0) throw new ConfigError(`${store.path} holds no clusters yet`, 'run `diet plan` and `diet apply` first');
  throw new ConfigError(`${store.path} holds several clusters: ${clusters.join(', ')}`, 'name one with --cluster');
}

export function registerStateCommand(program: Command, run: CommandRunner): void {
  const state = program
    .command('state')
    .description('Inspect what diet manages: resources of the last applied snapshot, plans and history')
    .addHelpText('after', "\nExamples:\n  diet state list\n  diet state show 'netbox.dcim.device[leaf-01]'\n  diet state history -n 5 --state .diet/state.db");
  state
    .command('list')
    .description('List the resources diet manages (from the last applied snapshot)')
    .addHelpText('after', '\nExamples:\n  diet state list\n  diet state list --cluster lab --json')
    .option('--cluster <name>', 'the cluster, when the state file holds several')
    .action((opts: { cluster?: string }) =>
      run(async (output, globals) =>
        withStore(globals.state, (store) => {
          const cluster = pickCluster(store, opts.cluster);
          const managed = store.managedResources(cluster);
          const addresses = managed?.resources.map((r) => r.address) ?? [];
          if (output.json) output.out(renderJson({ format_version: '1', cluster, snapshot_id: managed?.record.id ?? null, resources: addresses }));
          else if (addresses.length === 0) output.out(`No resources are managed for cluster ${cluster} yet (nothing applied).`);
          // Adopted objects are marked: diet releases them instead of destroying them.
          else output.out(managed!.resources.map((r) => (r.adopted ? `${r.address} (adopted)` : r.address)).join('\n'));
          return EXIT_OK;
        }),
      ),
    );
  state
    .command('show <address>')
    .description('Show one managed resource with its recorded attributes')
    .addHelpText('after', "\nExamples:\n  diet state show 'netbox.dcim.device[leaf-01]'\n  diet state show 'kubernetes.wiring.githedgehog.com/Switch[frontend/leaf-01]' --json")
    .option('--cluster <name>', 'the cluster, when the state file holds several')
    .action((address: string, opts: { cluster?: string }) =>
      run(async (output, globals) =>
        withStore(globals.state, (store) => {
          const cluster = pickCluster(store, opts.cluster);
          const resource = store.managedResources(cluster)?.resources.find((r) => r.address === address);
          if (!resource) {
            output.err(`Error: ${address} is not managed by diet for cluster ${cluster}\n  hint: list managed resources with \`diet state list\``);
            return EXIT_ERROR;
          }
          output.out(renderJson(output.json ? { format_version: '1', resource } : resource));
          return EXIT_OK;
        }),
      ),
    );
  state
    .command('history')
    .description('List saved plans and recorded events, newest first')
    .addHelpText('after', '\nExamples:\n  diet state history\n  diet state history --cluster lab -n 5 --json')
    .option('--cluster <name>', 'only this cluster')
    .option('-n, --limit <n>', 'at most this many entries', '20')
    .action((opts: { cluster?: string; limit: string }) =>
      run(async (output, globals) =>
        withStore(globals.state, (store) => {
          const limit = Math.max(1, Number(opts.limit) || 20);
          const plans = store.listPlans(opts.cluster).slice(0, limit);
          const events = store.listEvents(opts.cluster, limit);
          if (output.json) {
            output.out(renderJson({ format_version: '1', plans, events }));
            return EXIT_OK;
          }
          const lines = ['Plans:', ...plans.map((p) => `  ${p.id}  ${p.createdAt}  ${p.cluster}  ${p.summary ? `+${p.summary.add} ~${p.summary.change} -${p.summary.destroy}` : ''}`)];
          if (events.length > 0) lines.push('', 'Events:', ...events.map((e) => `  ${e.at}  ${e.cluster}  ${e.kind}`));
          output.out(lines.join('\n'));
          return EXIT_OK;
        }),
      ),
    );
}
