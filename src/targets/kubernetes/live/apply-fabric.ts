import { TargetError } from '../../../diag/errors.js';
import { isAttrObject } from '../../../plan/attr-object.js';
import type { Attrs, ResourceChange } from '../../../resource/resource.js';
import type { ApplyEvents, ApplyJournal, ApplyOutcome, JournalStep, LiveObject, StepFailure, StepResult } from '../../live-target.js';
import { CLUSTER_LABEL, FABRIC_LABEL } from '../desired.js';
import { runBounded } from './bounded.js';
import { describeFailure, type KubeFailure } from './kube-errors.js';
import { kindOfType, objectPath, type KindInfo } from './kube-kinds.js';
import { FIELD_MANAGER } from './managed-fields.js';
import type { FabricContext } from './read-fabric.js';

/** A failed step, carried from the request to the outcome. */
class StepError extends Error {
  constructor(readonly failure: KubeFailure) {
    super(failure.message);
  }
}

interface Step {
  readonly change: ResourceChange;
  readonly kind: KindInfo;
  readonly name: string;
}

/**
 * Applies this fabric's changes in the order given (already dependency-ordered: Hedgehog's
 * create order, deletes in reverse). Consecutive changes of one kind and phase (delete, or
 * write) form a batch that runs with bounded concurrency; after a failed step no new step
 * starts, the running ones finish, and the outcome lists exactly what was applied.
 *
 * - create: server-side apply, no force (a field another manager set first is a conflict);
 * - update: server-side apply with force, guarded by the observed resourceVersion: diet takes
 *   back exactly the fields the reviewed plan showed as changed, and a 409 says the object
 *   changed since it was read;
 * - delete: DELETE with uid and resourceVersion preconditions; only objects diet owns;
 * - replace (the diff plans a Connection whose type changes as one: the webhook forbids that
 *   in place), and an update that still changes a Connection's type (a plan saved before
 *   diffs knew about it): delete, then create.
 *
 * With a journal, each object is journaled as sent before its request (a few waves ahead,
 * see `announcer`) and as confirmed or refused after.
 */
export async function applyFabric(ctx: FabricContext, changes: readonly ResourceChange[], observed: ReadonlyMap<string, LiveObject>, events: ApplyEvents): Promise<ApplyOutcome> {
  const steps = changes.filter((c) => c.action !== 'noop').map((c) => checkedStep(ctx, c, observed));
  const applied: StepResult[] = [];
  const journal = events.journal;
  let done = 0;
  for (const batch of batches(steps)) {
    const announce = journal ? announcer(journal, batch, ctx.concurrency * LOOKAHEAD_WAVES) : undefined;
    const results = await runBounded(batch, ctx.concurrency, async (step, index) => {
      const { address, action } = step.change;
      await announce?.upTo(index);
      let result: StepResult;
      try {
        result = await applyStep(ctx, step, observed.get(address));
      } catch (error) {
        if (journal && wroteNothing(step, error)) journal.answered([], [{ address, action }]);
        throw error;
      }
      journal?.answered([result]);
      events.progress({ target: 'kubernetes', phase: 'apply', done: ++done, total: steps.length, message: address });
      return result;
    });
    // Announced ahead, but never started because a step failed: not sent after all.
    if (journal && announce) journal.withdrawn(batch.filter((_, i) => i < announce.announced() && results[i] === undefined).map(journalStep));
    const failures: StepFailure[] = [];
    results.forEach((r, i) => {
      if (r?.ok) applied.push(r.value);
      else if (r && !r.ok) failures.push(toStepFailure(batch[i], r.error));
    });
    if (failures.length > 0) {
      const [first, ...more] = failures;
      const also = more.length > 0 ? ` (also failed in the same batch: ${more.map((f) => f.address).join(', ')})` : '';
      return { applied, failed: { ...first, message: first.message + also } };
    }
  }
  return { applied };
}

/** How many waves of requests one journal write announces: each write is an fsync. */
const LOOKAHEAD_WAVES = 4;

function journalStep(step: Step): JournalStep {
  return { address: step.change.address, action: step.change.action };
}

/**
 * Journals a batch's steps as sent a few waves ahead of their requests: a request waits only
 * when its step is not announced yet, and then the next `window` steps are announced in one
 * write. "Sent" means "may have left", so announcing early stays true; what never leaves is
 * withdrawn after the batch.
 */
function announcer(journal: ApplyJournal, batch: readonly Step[], window: number): { upTo(index: number): Promise<void>; announced(): number } {
  let announced = 0;
  let pending: Promise<void> | undefined;
  return {
    announced: () => announced,
    async upTo(index) {
      while (index >= announced) {
        if (!pending) {
          const to = Math.min(batch.length, Math.max(index + 1, announced + window));
          pending = journal.sending(batch.slice(announced, to).map(journalStep)).then(
            () => {
              announced = to;
              pending = undefined;
            },
            (error: unknown) => {
              pending = undefined;
              throw error;
            },
          );
        }
        await pending;
      }
    },
  };
}

function checkedStep(ctx: FabricContext, change: ResourceChange, observed: ReadonlyMap<string, LiveObject>): Step {
  const kind = kindOfType(change.type);
  if (change.target !== 'kubernetes' || !kind) throw new TargetError(`${change.address}: not a Hedgehog object diet applies to Kubernetes`);
  if (!change.key.startsWith(`${ctx.fabric}/`)) throw new TargetError(`${change.address} belongs to another fabric; this target applies fabric ${ctx.fabric} only`);
  const labels = isAttrObject(change.after?.metadata) && isAttrObject(change.after.metadata.labels) ? change.after.metadata.labels : undefined;
  if (change.after && labels?.[FABRIC_LABEL] !== ctx.fabric) throw new TargetError(`${change.address}: the object is not labelled ${FABRIC_LABEL}=${ctx.fabric}; refusing to write it`);
  const live = observed.get(change.address);
  const liveLabels = isAttrObject(live?.attrs.metadata) && isAttrObject(live.attrs.metadata.labels) ? live.attrs.metadata.labels : {};
  const otherFabric = liveLabels[FABRIC_LABEL] !== undefined && liveLabels[FABRIC_LABEL] !== ctx.fabric;
  const otherCluster = liveLabels[CLUSTER_LABEL] !== undefined && labels !== undefined && liveLabels[CLUSTER_LABEL] !== labels[CLUSTER_LABEL];
  if (live && !live.owned && (otherFabric || otherCluster)) {
    throw new TargetError(`${change.address} belongs to diet fabric ${String(liveLabels[FABRIC_LABEL] ?? '?')} of cluster ${String(liveLabels[CLUSTER_LABEL] ?? '?')}; refusing to touch it from fabric ${ctx.fabric}`, 'two fabrics on one API server must not share object names; give each fabric its own cluster');
  }
  if ((change.action === 'delete' || change.action === 'replace') && live && !live.owned) throw new TargetError(`${change.address} is not owned by diet (fabric ${ctx.fabric}); refusing to delete it`);
  return { change, kind, name: change.key.slice(ctx.fabric.length + 1) };
}

function* batches(steps: readonly Step[]): Generator<Step[]> {
  let current: Step[] = [];
  const phase = (s: Step) => `${s.change.action === 'delete' ? 'delete' : 'write'} ${s.kind.kind}`;
  for (const step of steps) {
    if (current.length > 0 && phase(current[0]) !== phase(step)) {
      yield current;
      current = [];
    }
    current.push(step);
  }
  if (current.length > 0) yield current;
}

async function applyStep(ctx: FabricContext, step: Step, live: LiveObject | undefined): Promise<StepResult> {
  const { change } = step;
  if (change.action === 'delete') {
    await deleteObject(ctx, step, live);
    return { address: change.address, action: 'delete' };
  }
  if (isReplacement(step)) {
    await deleteObject(ctx, step, live);
    const uid = await serverSideApply(ctx, step, undefined).catch((e: unknown) => {
      if (!(e instanceof StepError)) throw e;
      throw new StepError({ ...e.failure, message: `deleted for replacement, but creating it again failed: ${e.failure.message}` });
    });
    return { address: change.address, action: 'replace', remoteId: uid };
  }
  const uid = await serverSideApply(ctx, step, change.action === 'update' ? live?.fingerprint : undefined);
  return { address: change.address, action: change.action, remoteId: uid };
}

/** Server-side apply of `after`; with a resourceVersion it is an update diet may force. */
async function serverSideApply(ctx: FabricContext, step: Step, resourceVersion: string | undefined): Promise<string | undefined> {
  const after = step.change.after as Attrs;
  const metadata = { ...(after.metadata as Attrs), ...(resourceVersion ? { resourceVersion } : {}) };
  const body = { apiVersion: after.apiVersion, kind: after.kind, metadata, spec: after.spec ?? {} };
  const query = { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict', ...(resourceVersion ? { force: 'true' } : {}) };
  const res = await ctx.http.send({ method: 'PATCH', path: objectPath(step.kind, ctx.namespace, step.name), query, body, contentType: 'application/apply-patch+yaml' });
  if (res.status !== 200 && res.status !== 201) throw new StepError(describeFailure(res, `${step.kind.kind} ${ctx.namespace}/${step.name}`, ctx));
  return (res.body as { metadata?: { uid?: string } }).metadata?.uid;
}

async function deleteObject(ctx: FabricContext, step: Step, live: LiveObject | undefined): Promise<void> {
  const preconditions = { ...(live?.remoteId ? { uid: live.remoteId } : {}), ...(live?.fingerprint ? { resourceVersion: live.fingerprint } : {}) };
  const body = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background', preconditions };
  const res = await ctx.http.send({ method: 'DELETE', path: objectPath(step.kind, ctx.namespace, step.name), body });
  // Already gone (for example a retried DELETE whose first answer was lost) is what we wanted.
  if (res.status === 200 || res.status === 202 || res.status === 404) return;
  throw new StepError(describeFailure(res, `${step.kind.kind} ${ctx.namespace}/${step.name}`, ctx));
}

/**
 * Whether a failed step certainly left the object as it was: the API server refused it (4xx).
 * A replace may have deleted the object before its create failed, and a 5xx or a lost answer
 * says nothing about what was stored.
 */
function wroteNothing(step: Step, error: unknown): boolean {
  const status = error instanceof StepError ? error.failure.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && (step.change.action === 'create' || step.change.action === 'update' || step.change.action === 'delete') && !isReplacement(step);
}

function isReplacement(step: Step): boolean {
  const { change } = step;
  return change.action === 'replace' || (change.action === 'update' && step.kind.kind === 'Connection' && connectionType(change.before) !== connectionType(change.after));
}

/** Which key of a Connection spec is set (unbundled, fabric, …): its type. */
function connectionType(attrs: Attrs | undefined): string {
  const spec = attrs?.spec;
  return isAttrObject(spec) ? Object.keys(spec).sort().join(',') : '';
}

function toStepFailure(step: Step, error: unknown): StepFailure {
  const base = { address: step.change.address, action: step.change.action };
  if (error instanceof StepError) {
    const f = error.failure;
    return { ...base, message: f.message, status: f.status, ...(f.fields ? { fields: f.fields } : {}), ...(f.hint ? { hint: f.hint } : {}) };
  }
  if (error instanceof TargetError) return { ...base, message: error.message, ...(error.status ? { status: error.status } : {}), ...(error.hint ? { hint: error.hint } : {}) };
  return { ...base, message: error instanceof Error ? error.message : String(error) };
}
