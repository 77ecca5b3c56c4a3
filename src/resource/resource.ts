import type { SourceRange } from '../diag/diagnostic.js';
import type { TargetName } from './address.js';

/** JSON-safe attribute values: what can be hashed, stored and compared without special cases. */
export type AttrValue = string | number | boolean | null | readonly AttrValue[] | { readonly [key: string]: AttrValue };
export type Attrs = { readonly [key: string]: AttrValue };

/** What diet wants to exist. */
export interface DesiredResource {
  readonly address: string;
  readonly target: TargetName;
  readonly type: string;
  readonly key: string;
  /** Only attributes diet owns; values normalized the way the backend stores them. */
  readonly attrs: Attrs;
  /** Addresses that must exist before this one (and be deleted after it). */
  readonly dependsOn: readonly string[];
  /** The spec line that caused this resource. */
  readonly origin?: SourceRange;
}

/** What exists now, in state or in a live target. */
export interface ObservedResource {
  readonly address: string;
  readonly target: TargetName;
  readonly type: string;
  readonly key: string;
  readonly attrs: Attrs;
  /** NetBox id or Kubernetes uid; never part of the diff. */
  readonly remoteId?: string;
  /** NetBox last_updated + body hash, or Kubernetes resourceVersion. */
  readonly fingerprint?: string;
  readonly dependsOn?: readonly string[];
  /** Taken over by diet from an existing object (spec `adopt`): released, never deleted. */
  readonly adopted?: boolean;
  /**
   * Ownership tags of other diet clusters on the object (NetBox): it is theirs too. They are
   * not part of `attrs.tags`, so never drift; writes keep them; a delete becomes a release.
   */
  readonly sharedWith?: readonly string[];
}

export type Action = 'create' | 'update' | 'delete' | 'replace' | 'noop';

export interface AttrChange {
  /** Dotted path into attrs, e.g. `spec.portBreakouts.E1/1`. */
  readonly path: string;
  readonly before?: AttrValue;
  readonly after?: AttrValue;
}

export interface ResourceChange {
  readonly address: string;
  readonly target: TargetName;
  readonly type: string;
  readonly key: string;
  readonly action: Action;
  readonly before?: Attrs;
  readonly after?: Attrs;
  readonly attrChanges: readonly AttrChange[];
  readonly dependsOn: readonly string[];
  readonly origin?: SourceRange;
  /**
   * Set on updates that change who owns the object: `adopt` takes over an existing object
   * diet did not create, `release` hands an adopted object back (removes diet's marker)
   * where a created one would be deleted.
   */
  readonly ownership?: Ownership;
}

export type Ownership = 'adopt' | 'release';
