import { TargetError } from '../../diag/errors.js';
import { formatAddress } from '../../resource/address.js';
import type { Attrs, ResourceChange } from '../../resource/resource.js';
import type { ApplyEvents, ApplyJournal, ApplyOutcome, LiveObject, StepResult } from '../live-target.js';
import { ApplyContext } from './apply-context.js';
import { BatchFailedError, writeInChunks, type BulkWriteOptions, type Json, type WriteItem } from './bulk-write.js';
import { findTemplateInterfaces } from './find-template-interfaces.js';
import type { NetboxHttp } from './netbox-http.js';

/**
 * Applies NetBox changes, already in dependency order, as bulk requests: consecutive changes
 * of one type and action form a run, written in chunks. Ids are resolved from the read and
 * from each answer. Interfaces NetBox made from device-type templates are PATCHed when diet
 * "creates" them and released (diet's tag and description removed) when diet "deletes" them;
 * children of a deleted device or device type are left to NetBox's cascade. Adopting and
 * releasing an object are plain updates (PATCH of the changed attributes, `tags` included,
 * so the object's other tags stay). Stops at the first failed request and reports
 * everything applied before it.
 */
export async function applyNetbox(http: NetboxHttp, changes: readonly ResourceChange[], observed: ReadonlyMap<string, LiveObject>, events: ApplyEvents, bulk: BulkWriteOptions): Promise<ApplyOutcome> {
  const options: WriteOptions = { ...bulk, ...(events.journal ? { journal: events.journal } : {}) };
  const ctx = new ApplyContext(observed, new Set(changes.filter((c) => c.ownership === 'adopt').map((c) => c.address)));
  const work = changes.filter((c) => c.target === 'netbox' && c.action !== 'noop');
  const applied: StepResult[] = [];
  let done = 0;
  const report = (results: StepResult[], message: string) => {
    applied.push(...results);
    done += results.length;
    events.progress({ target: 'netbox', phase: 'apply', done, total: work.length, message });
  };
  const deleted = new Set(work.filter((c) => c.action === 'delete').map((c) => c.address));
  const cascaded = new Map<string, StepResult[]>();
  try {
    for (const run of runsOf(work)) {
      const { type, action } = run[0];
      if (action === 'delete' || action === 'replace') await deleteRun(http, ctx, run, deleted, cascaded, options, report);
      if (action === 'create' || action === 'replace') await createRun(http, ctx, run, options, report);
      if (action === 'update') await write(http, 'PATCH', run.map((c) => item(c, changedPayload(c, ctx), existingId(ctx, c))), options, (c, o) => ctx.created(c, Number(o.id)), report, `${type} update`);
    }
  } catch (error) {
    if (error instanceof BatchFailedError) return { applied, failed: error.failure };
    if (error instanceof TargetError) return { applied, failed: { address: work[done]?.address ?? '', action: work[done]?.action ?? 'noop', message: error.message, ...(error.hint ? { hint: error.hint } : {}), ...(error.status ? { status: error.status } : {}) } };
    throw error;
  }
  return { applied };
}

type Report = (results: StepResult[], message: string) => void;
/** The journal travels with the bulk options down to each request. */
type WriteOptions = BulkWriteOptions & { readonly journal?: ApplyJournal };

async function createRun(http: NetboxHttp, ctx: ApplyContext, run: ResourceChange[], options: WriteOptions, report: Report): Promise<void> {
  const type = run[0].type;
  const existing = type === 'dcim.interface' ? await findTemplateInterfaces(http, ctx, run) : new Map<string, number>();
  const adopt = run.filter((c) => existing.has(c.address));
  const create = inLockOrder(run.filter((c) => !existing.has(c.address)));
  const learn = (c: ResourceChange, o: Json) => ctx.created(c, Number(o.id));
  // A template-made interface: name and device are already right, the rest is diet's.
  const templatePayload = (c: ResourceChange) => ctx.payload(c.address, type, without(c.after ?? {}, ['device', 'name']));
  await write(http, 'PATCH', adopt.map((c) => item(c, templatePayload(c), existing.get(c.address))), options, learn, report, `${type} create (template interfaces)`);
  // A new device brings its type's interface templates along: that is most of its cost.
  const weight = (c: ResourceChange) => (type === 'dcim.device' ? 1 + ctx.templateCount(String(c.after?.device_type ?? '')) : 1);
  await write(http, 'POST', create.map((c) => ({ ...item(c, ctx.payload(c.address, type, c.after ?? {})), weight: weight(c) })), options, learn, report, `${type} create`);
}

async function deleteRun(http: NetboxHttp, ctx: ApplyContext, run: ResourceChange[], deleted: ReadonlySet<string>, cascaded: Map<string, StepResult[]>, options: WriteOptions, report: Report): Promise<void> {
  const type = run[0].type;
  const release: ChangeItem[] = [];
  const remove: ChangeItem[] = [];
  for (const c of run) {
    const parent = cascadeParent(c);
    if (c.action === 'delete' && parent && deleted.has(parent)) {
      cascaded.set(parent, [...(cascaded.get(parent) ?? []), { address: c.address, action: c.action }]);
      continue;
    }
    const device = String(c.before?.device ?? '');
    if (c.action === 'delete' && type === 'dcim.interface' && ctx.isTemplateInterface(device, String(c.before?.name ?? ''))) {
      const tags = ((c.before?.tags ?? []) as string[]).filter((t) => t !== ctx.ownershipTag);
      release.push(item(c, ctx.payload(c.address, type, { description: '', tags }), existingId(ctx, c)));
    } else {
      remove.push(item(c, {}, existingId(ctx, c)));
    }
  }
  await write(http, 'PATCH', release, options, () => {}, report, `${type} delete (release template interfaces)`);
  await write(http, 'DELETE', remove, options, (c) => ctx.deleted(c.address), report, `${type} delete`, (c) => cascaded.get(c.address) ?? []);
}

async function write(
  http: NetboxHttp,
  method: 'POST' | 'PATCH' | 'DELETE',
  items: readonly ChangeItem[],
  options: WriteOptions,
  learn: (change: ResourceChange, answer: Json) => void,
  report: Report,
  message: string,
  extra: (change: ResourceChange) => StepResult[] = () => [],
): Promise<void> {
  const journal = options.journal;
  // A cascaded child goes in its parent's DELETE: it is journaled as sent with it.
  const stepsOf = (chunk: readonly WriteItem[]) => chunk.flatMap((w) => [{ address: w.address, action: w.action }, ...extra((w as ChangeItem).change).map((e) => ({ address: e.address, action: e.action }))]);
  const hooks = journal ? { sending: (chunk: readonly WriteItem[]) => journal.sending(stepsOf(chunk)), refused: (chunk: readonly WriteItem[]) => journal.answered([], stepsOf(chunk)) } : undefined;
  await writeInChunks(http, method, items, options, (chunk, answer) => {
    const results: StepResult[] = [];
    chunk.forEach((w, i) => {
      const { change } = w as ChangeItem;
      // Bulk create answers in request order; bulk update answers in NetBox's list order, so
      // an updated object is known by the id diet sent, never by its position in the answer.
      const id = method === 'POST' ? createdId(w, answer[i]) : w.id;
      learn(change, { id });
      results.push({ address: change.address, action: change.action, ...(id !== undefined && method !== 'DELETE' ? { remoteId: String(id) } : {}) }, ...extra(change));
    });
    journal?.answered(results);
    report(results, message);
  }, hooks);
}

type ChangeItem = WriteItem & { readonly change: ResourceChange };

/** The id NetBox gave a created object, checked against the name diet sent. */
function createdId(item: WriteItem, answer: Json | undefined): number {
  const name = item.payload.name ?? item.payload.slug;
  const answered = answer?.name ?? answer?.slug;
  if (typeof answer?.id !== 'number' || (name !== undefined && answered !== undefined && name !== answered)) {
    throw new TargetError(`NetBox answered the bulk create of ${item.type} objects in an unexpected order (at ${item.address})`, 'this NetBox version is not supported for bulk creates; please report it with the NetBox version');
  }
  return answer.id;
}

function item(change: ResourceChange, payload: Json, id?: number): ChangeItem {
  return { address: change.address, type: change.type, key: change.key, action: change.action, payload, ...(id !== undefined ? { id } : {}), change };
}

function existingId(ctx: ApplyContext, c: ResourceChange): number {
  const id = ctx.id(c.address);
  if (id === undefined) throw new TargetError(`${c.type}[${c.key}] is no longer in NetBox`, 'it was deleted after the plan was made: run `diet plan --refresh live` again');
  return id;
}

/** Only the top-level attributes that change: a PATCH leaves everything else as it is. */
function changedPayload(c: ResourceChange, ctx: ApplyContext): Json {
  const after: Attrs = c.after ?? {};
  const names = new Set(c.attrChanges.map((a) => a.path.split('.')[0]).filter((n) => Object.hasOwn(after, n)));
  const picked: Attrs = Object.fromEntries([...names].map((n) => [n, after[n]]));
  return ctx.payload(c.address, c.type, picked);
}

/** The object whose deletion makes NetBox delete this one too (components go with their parent). */
function cascadeParent(c: ResourceChange): string | undefined {
  if (c.type === 'dcim.interface' && typeof c.before?.device === 'string') return formatAddress('netbox', 'dcim.device', c.before.device);
  if (c.type === 'dcim.interface_template' && typeof c.before?.device_type === 'string') return formatAddress('netbox', 'dcim.device_type', c.before.device_type);
  return undefined;
}

/**
 * Devices grouped by type: each new device bumps its type's counter row, so parallel requests
 * that meet types in one global order wait for each other instead of deadlocking.
 */
function inLockOrder(changes: ResourceChange[]): ResourceChange[] {
  if (changes[0]?.type !== 'dcim.device') return changes;
  const typeOf = (c: ResourceChange) => String(c.after?.device_type ?? '');
  return [...changes].sort((a, b) => (typeOf(a) < typeOf(b) ? -1 : typeOf(a) > typeOf(b) ? 1 : 0));
}

function runsOf(changes: readonly ResourceChange[]): ResourceChange[][] {
  const runs: ResourceChange[][] = [];
  for (const c of changes) {
    const last = runs[runs.length - 1];
    if (last && last[0].type === c.type && last[0].action === c.action) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

function without(attrs: Attrs, names: readonly string[]): Attrs {
  return Object.fromEntries(Object.entries(attrs).filter(([k]) => !names.includes(k)));
}
