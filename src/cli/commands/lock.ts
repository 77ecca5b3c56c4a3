import type { Command } from 'commander';
import { ConfigError } from '../../diag/errors.js';
import { formatDuration } from '../../engine/duration-text.js';
import { breakLocks } from '../../engine/lock/break-locks.js';
import { describeLock, type LockStatus } from '../../engine/lock/lock-status.js';
import { renderJson } from '../../render/json.js';
import { openStateStore } from '../../state/index.js';
import { EXIT_OK } from '../exit-codes.js';
import { lockEnvironment, lockOwner } from '../lock-environment.js';
import type { CommandRunner } from '../main.js';

interface LockOptions {
  cluster?: string;
  scope?: string;
  force?: boolean;
}

export function registerLockCommand(program: Command, run: CommandRunner): void {
  const lock = program
    .command('lock')
    .description('Show and break the state locks that keep two applies of one cluster (or fabric) apart')
    .addHelpText(
      'after',
      `
diet apply holds a lock per cluster scope (netbox, kubernetes/<fabric>) while it runs and
refreshes its heartbeat every few seconds. A lock is stale when its holder's pid is gone
(checked on the holder's own host) or its heartbeat is older than 60s.

Examples:
  diet lock status
  diet lock status --cluster lab --json
  diet lock break --cluster lab
  diet lock break --cluster lab --scope kubernetes/frontend --force`,
    );
  lock
    .command('status')
    .description('List held locks: holder, pid, host, age, heartbeat, command; stale ones say why')
    .option('--cluster <name>', 'only this cluster')
    .addHelpText('after', '\nExamples:\n  diet lock status\n  diet lock status --cluster lab --json')
    .action((opts: LockOptions) =>
      run(async (output, globals) => {
        const store = openStateStore(globals.state, { readonly: true });
        let statuses: LockStatus[];
        try {
          const env = lockEnvironment();
          statuses = store.listLocks(opts.cluster).map((l) => describeLock(l, env));
        } finally {
          store.close();
        }
        if (output.json) output.out(renderJson({ format_version: '1', locks: statuses.map(lockDocument) }));
        else output.out(statuses.length === 0 ? `No locks held${opts.cluster ? ` for cluster ${opts.cluster}` : ''}.` : statuses.map(lockLine).join('\n'));
        return EXIT_OK;
      }),
    );
  lock
    .command('break')
    .description('Remove stale locks of a cluster; a live lock only with --force')
    .option('--cluster <name>', 'the cluster (default: the only one holding locks)')
    .option('--scope <scope>', 'only this scope: netbox or kubernetes/<fabric>')
    .option('--force', 'also break a live lock (its holder may still be writing: two applies could interleave)')
    .addHelpText('after', '\nExamples:\n  diet lock break --cluster lab\n  diet lock break --cluster lab --scope kubernetes/frontend --force')
    .action((opts: LockOptions) =>
      run(async (output, globals) => {
        const store = openStateStore(globals.state);
        try {
          const clusters = [...new Set(store.listLocks().map((l) => l.cluster))];
          const cluster = opts.cluster ?? (clusters.length <= 1 ? clusters[0] : undefined);
          if (cluster === undefined && clusters.length > 1) throw new ConfigError(`locks are held for several clusters: ${clusters.join(', ')}`, 'name one with --cluster');
          const result = cluster === undefined ? { broken: [], removed: 0 } : breakLocks(store, { cluster, ...(opts.scope ? { scope: opts.scope } : {}), force: Boolean(opts.force), env: lockEnvironment(), by: lockOwner().holder });
          if (output.json) output.out(renderJson({ format_version: '1', cluster: cluster ?? null, broken: result.broken.map(lockDocument), removed: result.removed }));
          else if (result.broken.length === 0) output.out(`No locks to break${cluster ? ` for cluster ${cluster}${opts.scope ? ` (${opts.scope})` : ''}` : ''}.`);
          else output.out(result.broken.map((s) => `Broke ${lockLine(s)}`).join('\n'));
          return EXIT_OK;
        } finally {
          store.close();
        }
      }),
    );
}

/** `lab  netbox  held by alice@build-01, pid 4242 on build-01, for 2m13s, heartbeat 3s ago: diet apply plan.json` */
function lockLine(s: LockStatus): string {
  const l = s.lock;
  const age = s.ageMs === null ? '' : `, for ${formatDuration(s.ageMs)}`;
  const beat = s.heartbeatAgeMs === null ? '' : `, heartbeat ${formatDuration(s.heartbeatAgeMs)} ago`;
  return `${l.cluster}  ${l.scope}  held by ${l.holder}, pid ${l.pid} on ${l.host}${age}${beat}: ${l.command}${s.stale ? `  STALE (${s.staleReason})` : ''}`;
}

function lockDocument(s: LockStatus): Record<string, unknown> {
  const l = s.lock;
  return {
    cluster: l.cluster,
    scope: l.scope,
    holder: l.holder,
    pid: l.pid,
    host: l.host,
    command: l.command,
    started_at: l.startedAt,
    heartbeat_at: l.heartbeatAt,
    age_seconds: s.ageMs === null ? null : Math.floor(s.ageMs / 1000),
    heartbeat_age_seconds: s.heartbeatAgeMs === null ? null : Math.floor(s.heartbeatAgeMs / 1000),
    stale: s.stale,
    stale_reason: s.staleReason ?? null,
  };
}
