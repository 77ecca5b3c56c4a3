import { applyChanges } from '../../src/plan/apply-changes.js';
import type { TargetName } from '../../src/resource/address.js';
import type { ObservedResource, ResourceChange } from '../../src/resource/resource.js';
import type { BoundTarget } from '../../src/targets/create-live-targets.js';
import type { ApplyEvents, ApplyOutcome, LiveObject, LiveTarget, ReadScope, StepResult } from '../../src/targets/live-target.js';

/**
 * An in-memory live target for engine tests that need no server: it holds objects, reads
 * back what it owns plus unowned objects at desired addresses, and applies changes the way
 * a well-behaved backend would (`applyChanges`). Every write gives the touched objects a new
 * fingerprint (`v<n>`), so stale-plan checks see them change; creates get remote ids.
 *
 * `gate`, when set, is awaited at the start of `apply`: a test holds an apply mid-flight
 * with it (no timers involved). `failAt` makes the change at that address fail (refused: the
 * journal hears it as failed); `haltAfter` freezes the apply midway, as a killed process would.
 * Each change is journaled through `events.journal` like a real target's request.
 */
export class FakeTarget implements LiveTarget {
  readonly label: string;
  objects: LiveObject[];
  gate?: Promise<void>;
  /** Resolved when `apply` is entered (before the gate). */
  applyStarted: Promise<void>;
  failAt?: string;
  /** After this many changes the apply stops for good, as if its process were killed. */
  haltAfter?: number;
  /** Resolved when `haltAfter` is reached. */
  readonly halted: Promise<void>;
  private markHalted!: () => void;
  readonly applied: ResourceChange[][] = [];
  private markStarted!: () => void;
  private version = 0;

  constructor(
    readonly name: TargetName = 'netbox',
    objects: readonly LiveObject[] = [],
  ) {
    this.label = `fake ${name}`;
    this.objects = [...objects];
    this.applyStarted = new Promise((resolve) => (this.markStarted = resolve));
    this.halted = new Promise((resolve) => (this.markHalted = resolve));
  }

  async probe(): Promise<{ version: string; warnings: readonly string[] }> {
    return { version: 'fake-1', warnings: [] };
  }

  async read(scope: ReadScope): Promise<readonly LiveObject[]> {
    const wanted = new Set(scope.desired.map((d) => d.address));
    return this.objects.filter((o) => o.owned || wanted.has(o.address)).map((o) => ({ ...o }));
  }

  async apply(changes: readonly ResourceChange[], _observed: ReadonlyMap<string, LiveObject>, events: ApplyEvents): Promise<ApplyOutcome> {
    this.markStarted();
    if (this.gate) await this.gate;
    const done: StepResult[] = [];
    const owned = this.objects.filter((o) => o.owned);
    let current: ObservedResource[] = owned;
    for (const change of changes) {
      if (this.haltAfter !== undefined && done.length >= this.haltAfter) {
        // The process "dies" here: what was written stays, nothing more happens, the promise never settles.
        this.commit(current);
        this.markHalted();
        await new Promise(() => {});
      }
      const step = { address: change.address, action: change.action };
      await events.journal?.sending([step]);
      if (change.address === this.failAt) {
        this.commit(current);
        events.journal?.answered([], [step]);
        return { applied: done, failed: { address: change.address, action: change.action, message: 'injected failure' } };
      }
      current = applyChanges(current, [change]);
      const after = current.find((o) => o.address === change.address);
      const result = { address: change.address, action: change.action, ...(after?.remoteId ? { remoteId: after.remoteId } : {}) };
      done.push(result);
      events.journal?.answered([result]);
      events.progress({ target: this.name, phase: 'apply', done: done.length, total: changes.length });
    }
    this.applied.push([...changes]);
    this.commit(current);
    return { applied: done };
  }

  /** Objects diet owns, as a snapshot would hold them. */
  owned(): ObservedResource[] {
    return this.objects.filter((o) => o.owned).map(({ owned: _owned, ...rest }) => rest);
  }

  private commit(current: readonly ObservedResource[]): void {
    const unowned = this.objects.filter((o) => !o.owned);
    const before = new Map(this.objects.filter((o) => o.owned).map((o) => [o.address, o]));
    this.objects = [
      ...unowned,
      ...current.map((o): LiveObject => {
        const old = before.get(o.address);
        // applyChanges keeps untouched objects as the same values
        if (old !== undefined && old === o) return old;
        this.version++;
        return { ...o, owned: true, remoteId: o.remoteId ?? `fake-${this.version}`, fingerprint: `v${this.version}` };
      }),
    ];
  }
}

/** The fake as the engine sees a configured target: NetBox, or one fabric's Kubernetes. */
export function bindFake(target: FakeTarget, fabric?: string): BoundTarget {
  if (target.name === 'netbox') return { target, scope: 'netbox', handles: (address) => address.startsWith('netbox.') };
  return { target, scope: `kubernetes/${fabric}`, handles: (address) => address.startsWith(`kubernetes.`) && address.includes(`[${fabric}/`) };
}

/** A live object for the fake's initial contents. */
export function liveObject(target: TargetName, type: string, key: string, attrs: LiveObject['attrs'], owned = true): LiveObject {
  return { address: `${target}.${type}[${key}]`, target, type, key, attrs, owned, remoteId: `rid-${key}`, fingerprint: `fp-${key}`, dependsOn: [] };
}
