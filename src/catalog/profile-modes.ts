/**
 * Switch profile port modes: breakout modes `4x200G` and speed modes `25G` / `2.5G`.
 * Profiles write them upper-case; breakout ids in the catalog are the lower-cased form.
 */

export interface ProfileMode {
  /** Logical ports the mode yields: N for `NxS`, 1 for a plain speed. */
  readonly lanes: number;
  /** Speed of each logical port, Gbps (may be fractional: `2.5G`). */
  readonly speedGbps: number;
  /** True for `NxS` breakout modes. */
  readonly breakout: boolean;
}

const MODE = /^(?:(\d+)x)?(\d+(?:\.\d+)?)g$/i;

export function parseProfileMode(mode: string): ProfileMode | undefined {
  const m = MODE.exec(mode.trim());
  if (!m) return undefined;
  const lanes = m[1] === undefined ? 1 : Number(m[1]);
  const speedGbps = Number(m[2]);
  if (lanes < 1 || !(speedGbps > 0)) return undefined;
  return { lanes, speedGbps, breakout: m[1] !== undefined };
}
