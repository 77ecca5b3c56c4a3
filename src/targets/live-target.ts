import type { TargetName } from '../resource/address.js';
import type { DesiredResource, ObservedResource, ResourceChange } from '../resource/resource.js';

/**
 * A live system diet reads and writes (NetBox, or one fabric's Kubernetes API).
 * Small on purpose: read what diet owns (and what collides with it), apply ordered
 * changes in bulk. Everything else — planning, ordering, state, rendering — is
 * done by the pure core.
 */
export interface LiveTarget {
  readonly name: TargetName;
  /** A human label for messages, e.g. `netbox http://127.0.0.1:8480` or `kubernetes frontend`. */
  readonly label: string;
  /** Server version check; throws TargetError outside the supported range, returns warnings near its edges. */
  probe(): Promise<{ readonly version: string; readonly warnings: readonly string[] }>;
  /**
   * Objects of this target that diet owns for the cluster, plus any object that has
   * the same key as a desired one (an unowned collision shows up with `owned: false`).
   */
  read(scope: ReadScope, events?: ApplyEvents): Promise<readonly LiveObject[]>;
  /**
   * Applies changes that are already in dependency order (creates parents first,
   * deletes children first), batching consecutive changes of one type and action.
   * Stops at the first failed batch and reports what was done before it.
   */
  apply(changes: readonly ResourceChange[], observed: ReadonlyMap<string, LiveObject>, events: ApplyEvents): Promise<ApplyOutcome>;
}

export interface ReadScope {
  readonly cluster: string;
  /** The desired objects of this target: their keys are looked up to find collisions. */
  readonly desired: readonly DesiredResource[];
}

export interface LiveObject extends ObservedResource {
  /** False when the object exists but carries no ownership marker of this cluster. */
  readonly owned: boolean;
}

export interface StepResult {
  readonly address: string;
  readonly action: ResourceChange['action'];
  readonly remoteId?: string;
}

export interface StepFailure {
  readonly address: string;
  readonly action: ResourceChange['action'];
  /** One line, e.g. `400 Bad Request: name: a device with this name already exists`. */
  readonly message: string;
  /** Field-level errors from the server (NetBox 400 bodies, Kubernetes 422 causes). */
  readonly fields?: Readonly<Record<string, readonly string[]>>;
  readonly status?: number;
  /** What the user can do about it, e.g. `check DIET_NETBOX_TOKEN …`. */
  readonly hint?: string;
}

export interface ApplyOutcome {
  readonly applied: readonly StepResult[];
  readonly failed?: StepFailure;
}

/** Progress of long operations; the CLI shows a bar on a terminal and JSON lines with --json. */
export interface ApplyEvents {
  progress(event: { readonly target: TargetName; readonly phase: 'read' | 'apply'; readonly done: number; readonly total: number; readonly message?: string }): void;
  /** Where a target records each write step before and after it runs (the apply journal); none when not journaled. */
  readonly journal?: ApplyJournal;
}

/** One object a request writes (a NetBox cascade deletes children along with their parent's request). */
export interface JournalStep {
  readonly address: string;
  readonly action: ResourceChange['action'];
}

/**
 * The write-ahead hook of an apply. A target awaits `sending` with every object a request
 * carries before the request leaves, and calls `answered` once the server said yes
 * (`confirmed`, with remote ids) or a definite no (`refused`: nothing was written, e.g. a
 * 4xx to an all-or-none bulk request). A request without a definite answer (timeout, lost
 * connection, 5xx) is reported to neither: the journal keeps it as sent, "maybe written".
 * A target may announce steps a little ahead of their requests (one journal write for
 * several waves); `withdrawn` takes back the ones it then never sent.
 */
export interface ApplyJournal {
  sending(steps: readonly JournalStep[]): Promise<void>;
  answered(confirmed: readonly StepResult[], refused?: readonly JournalStep[]): void;
  /** Steps announced through `sending` ahead of time whose requests never left after all (the apply stopped first). */
  withdrawn(steps: readonly JournalStep[]): void;
}

export const SILENT_EVENTS: ApplyEvents = { progress: () => {} };
