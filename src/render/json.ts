import { stableJson } from './stable-json.js';

/**
 * Machine output (`--json`): two-space indentation, keys sorted at every level so that the
 * same value always prints the same, a final newline. Properties set to `undefined` are left
 * out as JSON.stringify would; values JSON cannot hold (NaN, functions) are a bug and throw.
 */
export function renderJson(value: unknown): string {
  return `${stableJson(value, 2)}\n`;
}
