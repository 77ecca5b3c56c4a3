/**
 * Behaviour switches for the reference planner's documented gaps. Every default
 * reproduces the reference planner exactly; each fix must be asked for by name.
 */
export interface PlannerOptions {
  /**
   * `reference`: alternating ports go to instance[portOffset mod n], so with n > ports
   * only the first instances receive ports. `spread`: servers are also rotated so
   * every instance takes its share.
   */
  readonly alternatingPlacement: 'reference' | 'spread';
  /**
   * `first-server-zone`: rail sizing uses the first server zone's capacity (reference).
   * `target-zone`: uses the zone the rail connections target.
   */
  readonly railCapacity: 'first-server-zone' | 'target-zone';
  /**
   * `reference`: spines = ceil(demand / capacity), no minimum. `even-uplinks`: round the
   * spine count up until it divides every leaf's uplinks evenly (within capacity).
   */
  readonly spineRounding: 'reference' | 'even-uplinks';
  /**
   * `reference`: overlapping zones on a switch class are allowed (warning).
   * `error`: they are an error.
   */
  readonly zoneOverlap: 'warning' | 'error';
}

export const DEFAULT_PLANNER_OPTIONS: PlannerOptions = {
  alternatingPlacement: 'reference',
  railCapacity: 'first-server-zone',
  spineRounding: 'reference',
  zoneOverlap: 'warning',
};
