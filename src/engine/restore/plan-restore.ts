import { ConfigError, StateError } from '../../diag/errors.js';
import { createPlan } from '../../plan/create-plan.js';
import { toPlanDocument, type PlanDocument } from '../../plan/plan-document.js';
import type { ObservedResource } from '../../resource/resource.js';
import type { SnapshotRecord, StateStore } from '../../state/index.js';
import type { BoundTarget } from '../../targets/create-live-targets.js';
import { recordedAsOwned } from '../../targets/recorded-ownership.js';
import type { ApplyEvents, LiveObject } from '../../targets/live-target.js';
import { DIET_VERSION } from '../../version.js';
import { readLive, type LiveRead } from '../live/read-live.js';
import type { TargetSelection } from '../live/target-selection.js';
import { observedAsDesired } from '../snapshot/diff-snapshots.js';
import { readSnapshot } from '../snapshot/read-snapshot.js';
import { changesToRestore, type RestoreDiff, type RestoreScope } from './changes-to-restore.js';
import { fabricOfScope, restoreScopesOf } from './restore-scopes.js';

export interface PlanRestoreInput {
  readonly store: StateStore;
  readonly snapshotId: number;
  readonly selection: TargetSelection;
  /** The live targets of these scopes (injected: the CLI builds them from the configuration). */
  readonly targetsFor: (scopes: readonly string[]) => readonly BoundTarget[];
  readonly events: ApplyEvents;
}

export interface RestorePreview {
  readonly snapshot: SnapshotRecord;
  /** The snapshot's resources in the restored scopes. */
  readonly resources: readonly ObservedResource[];
  readonly scopes: readonly string[];
  readonly scope: RestoreScope;
  readonly bound: readonly BoundTarget[];
  /** The way back as a plan document: rendered like `diet plan`, and compared before writing. */
  readonly document: PlanDocument;
  /** Snapshot objects whose address an object diet does not own holds now: they stay as they are. */
  readonly blocked: readonly LiveObject[];
  /** Objects a `manual` snapshot recorded without diet's ownership marker: never restored, their addresses left alone. */
  readonly recordedUnowned: readonly ObservedResource[];
  readonly warnings: readonly string[];
}

/**
 * `diet snapshot restore ID`, first half: the changes that bring the live targets back to the
 * snapshot, computed as an ordinary plan with the snapshot as the desired side, for review.
 * Refuses a snapshot whose rows no longer match their checksum (restoring edited rows would
 * write whatever was put there), and scopes without a configured target (their objects
 * would otherwise silently stay as they are). Objects a manual snapshot recorded without
 * diet's ownership marker are left out, addresses and all: diet never writes what is not its.
 */
export async function planRestore(input: PlanRestoreInput): Promise<RestorePreview> {
  const { store, snapshotId } = input;
  const check = store.verifySnapshot(snapshotId);
  const { record, resources } = readSnapshot(store, snapshotId);
  if (!check.ok) {
    throw new StateError(
      `refusing to restore snapshot ${snapshotId}: it does not match its checksum (expected ${check.expected}, actual ${check.actual}); its rows were changed outside diet`,
      'restore the state file from a backup (see docs/state.md), or restore another snapshot (`diet snapshot verify` checks them all)',
    );
  }
  const scopes = restoreScopesOf(record, resources, input.selection);
  if (scopes.length === 0) throw new ConfigError(`snapshot ${snapshotId} has nothing to restore${input.selection === 'all' ? '' : ` in ${input.selection}`}`, 'choose another --target, or see what it holds with `diet snapshot show`');
  const bound = input.targetsFor(scopes).filter((b) => scopes.includes(b.scope));
  for (const s of scopes) if (!bound.some((b) => b.scope === s)) throw missingScopeError(s);
  // Only manual snapshots record objects diet did not own (the others are made of owned objects only).
  const recordedUnowned = record.kind === 'manual' ? resources.filter((r) => !recordedAsOwned(r, record.cluster)) : [];
  const foreign = new Set(recordedUnowned.map((r) => r.address));
  const scope: RestoreScope = { includes: (address) => !foreign.has(address) && bound.some((b) => b.handles(address)) };
  const inScope = resources.filter((r) => scope.includes(r.address));
  const live = await readLive(bound, inScope.map(observedAsDesired), record.cluster, input.events);
  const diff = changesToRestore(inScope, [...live.byAddress.values()], scope, record.cluster);
  return {
    snapshot: record,
    resources: inScope,
    scopes,
    scope,
    bound,
    document: restoreDocument(record, diff, live, scope),
    blocked: diff.blocked,
    recordedUnowned: recordedUnowned.filter((r) => bound.some((b) => b.handles(r.address))),
    warnings: live.warnings,
  };
}

/**
 * The restore as a plan document. Its baseline is the live read (fingerprints of what diet
 * owns in scope), so the same live objects give the same digest: the restore compares it
 * with the one shown, right before writing.
 */
export function restoreDocument(record: SnapshotRecord, diff: RestoreDiff, live: LiveRead, scope: RestoreScope): PlanDocument {
  const fingerprints = Object.fromEntries(live.owned.filter((o) => scope.includes(o.address)).map((o) => [o.address, o.fingerprint ?? '']));
  return toPlanDocument(createPlan({ cluster: record.cluster, changes: diff.changes, topology: {}, baseline: { kind: 'live', fingerprints }, dietVersion: DIET_VERSION, specDigest: record.checksum }));
}

function missingScopeError(scope: string): ConfigError {
  const fabric = fabricOfScope(scope);
  if (fabric !== undefined) {
    return new ConfigError(`no Kubernetes target configured for fabric ${fabric} (the snapshot covers ${scope})`, `add fabrics.${fabric}.kubernetes (server, tokenEnv, caFile) to the configuration file given with --config, or restore only NetBox with --target netbox`);
  }
  return new ConfigError('no NetBox configured (the snapshot covers netbox)', 'set DIET_NETBOX_URL and DIET_NETBOX_TOKEN, or add a netbox section to the configuration file given with --config; or restore only Kubernetes with --target kubernetes');
}
