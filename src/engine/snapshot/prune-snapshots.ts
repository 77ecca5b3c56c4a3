import { ConfigError } from '../../diag/errors.js';
import type { SnapshotRecord, StateStore } from '../../state/index.js';

export interface PruneRule {
  /** Keep the newest N snapshots of each cluster. */
  readonly keep?: number;
  /** Only snapshots created longer ago than this are removed. */
  readonly olderThanMs?: number;
  /** Only this cluster's snapshots. */
  readonly cluster?: string;
  /** Milliseconds since the epoch, for `olderThanMs`. */
  readonly now: number;
}

export interface PruneSelection {
  /** Oldest first. */
  readonly remove: readonly SnapshotRecord[];
  /** Matched the rule but kept: the latest `applied` (or `restore`) snapshot of a cluster is what diet manages. */
  readonly kept: readonly SnapshotRecord[];
}

/**
 * Which snapshots `diet snapshot prune` removes: those beyond the newest `keep` of their
 * cluster and (when given) older than `olderThanMs` — both conditions when both are given.
 * Never the latest `applied` snapshot of a cluster, nor the latest `applied`/`restore` one
 * (the baseline of `diet plan` and what `diet state list` shows). A creation time that does
 * not parse is never "older". Newest means highest id, as everywhere in state.
 */
export function selectPrunable(records: readonly SnapshotRecord[], rule: PruneRule): PruneSelection {
  if (rule.keep === undefined && rule.olderThanMs === undefined) {
    throw new ConfigError('diet snapshot prune needs --keep N, --older-than DURATION, or both', 'e.g. `diet snapshot prune --keep 10 --older-than 30d --dry-run` to see what would go');
  }
  if (rule.keep !== undefined && (!Number.isSafeInteger(rule.keep) || rule.keep < 0)) throw new ConfigError(`--keep must be a whole number of snapshots, got ${rule.keep}`);
  const byCluster = new Map<string, SnapshotRecord[]>();
  for (const r of records) {
    if (rule.cluster !== undefined && r.cluster !== rule.cluster) continue;
    const list = byCluster.get(r.cluster) ?? [];
    list.push(r);
    byCluster.set(r.cluster, list);
  }
  const remove: SnapshotRecord[] = [];
  const kept: SnapshotRecord[] = [];
  for (const list of byCluster.values()) {
    const newestFirst = [...list].sort((a, b) => b.id - a.id);
    const guarded = new Set([newestFirst.find((r) => r.kind === 'applied')?.id, newestFirst.find((r) => r.kind === 'applied' || r.kind === 'restore')?.id]);
    newestFirst.forEach((r, index) => {
      if (rule.keep !== undefined && index < rule.keep) return;
      if (rule.olderThanMs !== undefined && !olderThan(r.createdAt, rule.olderThanMs, rule.now)) return;
      (guarded.has(r.id) ? kept : remove).push(r);
    });
  }
  const byId = (a: SnapshotRecord, b: SnapshotRecord) => a.id - b.id;
  return { remove: remove.sort(byId), kept: kept.sort(byId) };
}

function olderThan(createdAt: string, ms: number, now: number): boolean {
  const t = Date.parse(createdAt);
  return !Number.isNaN(t) && now - t > ms;
}

/**
 * Selects and deletes in one write transaction (so the "latest applied" it protects is the
 * latest at the moment of deleting), with one history event per cluster touched. With
 * `dryRun` only selects.
 */
export function pruneSnapshots(store: StateStore, rule: PruneRule, options: { readonly dryRun: boolean; readonly at: string }): PruneSelection {
  if (options.dryRun) return selectPrunable(store.listSnapshots(), rule);
  return store.transaction(() => {
    const selection = selectPrunable(store.listSnapshots(), rule);
    if (selection.remove.length === 0) return selection;
    store.deleteSnapshots(selection.remove.map((r) => r.id));
    const clusters = [...new Set(selection.remove.map((r) => r.cluster))].sort();
    for (const cluster of clusters) {
      const ids = selection.remove.filter((r) => r.cluster === cluster).map((r) => r.id);
      store.appendEvent({ cluster, at: options.at, kind: 'snapshot-prune', detail: { deleted: ids, keep: rule.keep ?? null, older_than_ms: rule.olderThanMs ?? null } });
    }
    return selection;
  });
}
