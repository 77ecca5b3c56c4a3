import { diffLines } from 'diff';
import type { AttrChangeDocument } from '../plan/plan-document.js';
import { formatAttrPath } from '../plan/attr-path.js';
import type { AttrValue, Attrs } from '../resource/resource.js';
import { formatValue } from './format-value.js';
import type { Palette } from './palette.js';

const INDENT = '      ';

/**
 * Attribute lines under a resource, Terraform style, with values aligned:
 *
 *       ~ status:      "planned" -> "active"
 *       + description: "rack 1"
 *
 * A multi-line string that changed is shown as a line diff below its path instead.
 */
export function attrChangeLines(changes: readonly AttrChangeDocument[], palette: Palette): string[] {
  const width = Math.max(0, ...changes.map((c) => c.path.length));
  const lines: string[] = [];
  for (const change of changes) {
    const { before, after } = change;
    const label = `${change.path}:`.padEnd(width + 1);
    if (before === undefined) lines.push(`${INDENT}${palette.create('+')} ${label} ${formatValue(after!)}`);
    else if (after === undefined) lines.push(`${INDENT}${palette.destroy('-')} ${label} ${formatValue(before)}`);
    else if (typeof before === 'string' && typeof after === 'string' && (before.includes('\n') || after.includes('\n'))) {
      lines.push(`${INDENT}${palette.update('~')} ${change.path}:`, ...textDiffLines(before, after, palette));
    }
    else lines.push(`${INDENT}${palette.update('~')} ${label} ${formatValue(before)} -> ${formatValue(after)}`);
  }
  return lines;
}

/** Every attribute of a created (`+`) or destroyed (`-`) resource, nested objects as paths. */
export function wholeAttrLines(attrs: Attrs, symbol: '+' | '-', palette: Palette): string[] {
  const leaves: [string, AttrValue][] = [];
  flatten(attrs, [], leaves);
  const width = Math.max(0, ...leaves.map(([path]) => path.length));
  const mark = symbol === '+' ? palette.create('+') : palette.destroy('-');
  return leaves.map(([path, value]) => `${INDENT}${mark} ${`${path}:`.padEnd(width + 1)} ${formatValue(value)}`);
}

function flatten(value: AttrValue, prefix: string[], out: [string, AttrValue][]): void {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && (Object.keys(value).length > 0 || prefix.length === 0)) {
    const record = value as { readonly [key: string]: AttrValue };
    for (const key of Object.keys(record).sort()) flatten(record[key], [...prefix, key], out);
  } else {
    out.push([formatAttrPath(prefix), value]);
  }
}

/** A changed multi-line text (a description, a config snippet) as a line diff, not two long literals. */
function textDiffLines(before: string, after: string, palette: Palette): string[] {
  const lines: string[] = [];
  for (const part of diffLines(before, after)) {
    const mark = part.added ? palette.create('+') : part.removed ? palette.destroy('-') : ' ';
    const text = part.value.endsWith('\n') ? part.value.slice(0, -1) : part.value;
    for (const line of text.split('\n')) lines.push(`${INDENT}    ${mark} ${line}`);
  }
  return lines;
}
