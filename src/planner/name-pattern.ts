/**
 * Python str.format-style name patterns: `{class}-{index:02d}`. Supports `{name}`,
 * `{name:0Nd}`, `{name:Nd}` and `{name:s}`; `{{`/`}}` are literal braces.
 */
export type PatternValues = Readonly<Record<string, string | number>>;

const FIELD = /\{\{|\}\}|\{([a-z_]+)(?::([^}]*))?\}/g;

export class NamePatternError extends Error {}

export function formatNamePattern(pattern: string, values: PatternValues): string {
  const unmatched = pattern.replace(FIELD, '').match(/[{}]/);
  if (unmatched) throw new NamePatternError(`unbalanced '${unmatched[0]}' in pattern '${pattern}'`);
  return pattern.replace(FIELD, (whole, name: string | undefined, spec: string | undefined) => {
    if (whole === '{{') return '{';
    if (whole === '}}') return '}';
    if (!name || !(name in values)) throw new NamePatternError(`unknown field '{${name}}' in pattern '${pattern}'`);
    return applyFormatSpec(values[name], spec ?? '', pattern);
  });
}

function applyFormatSpec(value: string | number, spec: string, pattern: string): string {
  if (spec === '' || spec === 's') return String(value);
  const m = /^(0?)(\d*)d$/.exec(spec);
  if (!m || typeof value !== 'number') throw new NamePatternError(`unsupported format '${spec}' in pattern '${pattern}'`);
  const width = m[2] ? Number(m[2]) : 0;
  return String(value).padStart(width, m[1] === '0' ? '0' : ' ');
}
