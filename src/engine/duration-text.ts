import { ConfigError } from '../diag/errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * A duration as users type it on the command line: a whole number with a unit — `500ms`,
 * `30s`, `5m`, `2h`, `30d` — or several such parts (`1h30m`), or a plain `0`. Returns
 * milliseconds; anything else is a ConfigError naming the option.
 */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.trim();
  if (trimmed === '0') return 0;
  const parts = [...trimmed.matchAll(/(\d+)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new ConfigError(`${option} must be a duration such as 30s, 5m, 2h or 30d, got ${JSON.stringify(text)}`, 'units: ms, s, m, h, d; combine them as in 1h30m; 0 means none');
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]], 0);
  if (!Number.isSafeInteger(ms)) throw new ConfigError(`${option} is too long: ${JSON.stringify(text)}`);
  return ms;
}

/** A short human duration, the two largest units: `45s`, `2m13s`, `1h05m`, `3d04h`; `0s` for less than a second or a negative value (clock skew). */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${pad(s % 60)}s`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h${pad(m % 60)}m`;
  return `${Math.floor(h / 24)}d${pad(h % 24)}h`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
