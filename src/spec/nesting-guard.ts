/**
 * A cheap pre-scan for absurdly deep YAML. The yaml parser recurses per nesting level; at
 * a few hundred levels it runs out of stack, and after such an overflow V8 has been seen
 * to abort the whole process on the next large input. Real specs nest about ten levels,
 * so refusing deep text before parsing costs nothing and keeps the process alive.
 */

/** Deepest flow nesting (`[` / `{`) accepted. */
export const MAX_FLOW_DEPTH = 128;
/** Widest leading indentation accepted, in columns (block nesting grows it). */
export const MAX_INDENT = 256;

export interface NestingProblem {
  readonly line: number;
  readonly col: number;
  readonly summary: string;
}

/**
 * Finds the first place where the text nests too deeply. Quoted strings and comments on
 * a line are skipped; the count is otherwise naive, which only matters for text that is
 * pathological anyway.
 */
export function findExcessiveNesting(text: string): NestingProblem | undefined {
  let depth = 0;
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const indent = line.length - line.trimStart().length;
    if (indent > MAX_INDENT) {
      return { line: l + 1, col: 1, summary: `indentation of ${indent} columns is deeper than the limit of ${MAX_INDENT}` };
    }
    let quote: string | undefined;
    for (let c = 0; c < line.length; c++) {
      const ch = line[c];
      if (quote) {
        if (ch === quote) quote = undefined;
        continue;
      }
      if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '#' && (c === 0 || line[c - 1] === ' ')) break;
      else if (ch === '[' || ch === '{') {
        depth++;
        if (depth > MAX_FLOW_DEPTH) {
          return { line: l + 1, col: c + 1, summary: `flow collections nest deeper than the limit of ${MAX_FLOW_DEPTH}` };
        }
      } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    }
  }
  return undefined;
}
