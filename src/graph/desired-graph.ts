import type { DesiredResource } from '../resource/resource.js';

/**
 * The desired resources of a fabric as a dependency graph. Built once per plan by
 * `buildDesiredGraph`; read-only afterwards.
 */
export interface DesiredGraph {
  /** Every address once. When the input repeats an address, its first occurrence is kept. */
  readonly resources: ReadonlyMap<string, DesiredResource>;
  /**
   * Creation order: every resource after the resources it depends on; among resources that
   * are free at the same time, lower type rank first, then address in code-unit order.
   * Deletion order is this order reversed. When the graph has a cycle (reported as a
   * diagnostic) the order is still complete but the cycle's edges cannot all hold.
   */
  readonly order: readonly DesiredResource[];
}

/** Tie-break rank of a resource type: lower ranks are created first and deleted last. */
export type TypeOrder = (type: string) => number;
