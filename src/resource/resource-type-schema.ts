import type { Attrs } from './resource.js';

/**
 * How a target stores one type of object: which attributes diet owns, which are
 * immutable (a change forces delete + create) and how to normalize values so that
 * desired and observed compare without perpetual diffs.
 */
export interface ResourceTypeSchema {
  readonly target: 'netbox' | 'kubernetes';
  readonly type: string;
  /** Lower orders are created first and deleted last. */
  readonly order: number;
  readonly ownedAttrs: readonly string[];
  readonly immutableAttrs: readonly string[];
  /**
   * Object attributes that hold exactly one of several keys (a union, such as a Hedgehog
   * Connection's `spec`, whose key is the connection type). Changing the values under the
   * chosen key is an update; choosing another key forces delete + create.
   */
  readonly immutableUnions?: readonly string[];
  readonly normalize?: (attrs: Attrs) => Attrs;
}
