import type { DocumentAction, ResourceChangeDocument } from '../plan/plan-document.js';
import { attrChangeLines, wholeAttrLines } from './attr-lines.js';
import type { ChangeGroup } from './change-groups.js';
import { formatCount } from './format-value.js';
import type { Palette } from './palette.js';

export interface ChangeLineOptions {
  readonly full: boolean;
  /** In summary detail: how many resources of one type and action to list before condensing. */
  readonly listLimit: number;
}

const VERB: Record<DocumentAction, string> = { create: 'create', update: 'update', replace: 'replace', delete: 'destroy' };
const ACTIONS: readonly DocumentAction[] = ['create', 'update', 'replace', 'delete'];

/**
 * The lines of one target/type group: a heading with counts, then one line per resource
 * (plus attribute lines). In summary detail a large group stays short: more than `listLimit`
 * creates (or destroys) of a type become one counted line naming the first and last, and
 * updates and replaces past the limit are counted on a closing line. Full detail lists every
 * resource, with every attribute of creates and destroys.
 */
export function groupLines(group: ChangeGroup, palette: Palette, options: ChangeLineOptions): string[] {
  const counts = countActions(group.changes);
  const heading = ACTIONS.filter((a) => counts[a] > 0).map((a) => `${formatCount(counts[a])} to ${VERB[a]}`);
  const lines = [palette.heading(`${group.target} ${group.type}: ${heading.join(', ')}`)];
  const seen: Record<DocumentAction, number> = { create: 0, update: 0, replace: 0, delete: 0 };
  const lastOf = lastByAction(group.changes);
  for (const change of group.changes) {
    const action = change.action;
    const n = ++seen[action];
    if (options.full || counts[action] <= options.listLimit) {
      lines.push(...changeLines(change, palette, options.full));
    } else if (action === 'create' || action === 'delete') {
      if (n === 1) lines.push(`${symbol(action, palette)} ${formatCount(counts[action])} ${group.target}.${group.type} to ${VERB[action]} ([${change.key}] ... [${lastOf[action]!.key}])`);
    } else if (n <= options.listLimit) {
      lines.push(...changeLines(change, palette, false));
    } else if (n === counts[action]) {
      lines.push(`${symbol(action, palette)} ${formatCount(n - options.listLimit)} more ${group.target}.${group.type} to ${VERB[action]} (full detail lists them)`);
    }
  }
  return lines;
}

/** One resource: its action and address, where in the spec it came from, its attributes. */
export function changeLines(change: ResourceChangeDocument, palette: Palette, full: boolean): string[] {
  const origin = change.origin ? palette.muted(`  # from ${change.origin.file}:${change.origin.line}:${change.origin.col}`) : '';
  const lines = [`${symbol(change.action, palette)} ${change.address}${origin}`];
  if (change.action === 'update' || change.action === 'replace') lines.push(...attrChangeLines(change.attr_changes, palette));
  else if (full && change.action === 'create' && change.after) lines.push(...wholeAttrLines(change.after, '+', palette));
  else if (full && change.action === 'delete' && change.before) lines.push(...wholeAttrLines(change.before, '-', palette));
  return lines;
}

/** Right-aligned in four columns so that addresses line up, as Terraform does: `  +`, `-/+`. */
function symbol(action: DocumentAction, palette: Palette): string {
  if (action === 'create') return `  ${palette.create('+')}`;
  if (action === 'update') return `  ${palette.update('~')}`;
  if (action === 'delete') return `  ${palette.destroy('-')}`;
  return `${palette.destroy('-')}/${palette.create('+')}`;
}

function countActions(changes: readonly ResourceChangeDocument[]): Record<DocumentAction, number> {
  const counts: Record<DocumentAction, number> = { create: 0, update: 0, replace: 0, delete: 0 };
  for (const change of changes) counts[change.action]++;
  return counts;
}

function lastByAction(changes: readonly ResourceChangeDocument[]): Partial<Record<DocumentAction, ResourceChangeDocument>> {
  const last: Partial<Record<DocumentAction, ResourceChangeDocument>> = {};
  for (const change of changes) last[change.action] = change;
  return last;
}
