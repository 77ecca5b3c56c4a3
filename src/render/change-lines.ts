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

/** What a reader sees one change as: adopting and releasing are updates, but listed apart. */
type Shown = DocumentAction | 'adopt' | 'release';

const VERB: Record<Shown, string> = { create: 'create', update: 'update', adopt: 'adopt', release: 'release', replace: 'replace', delete: 'destroy' };
const ACTIONS: readonly Shown[] = ['create', 'adopt', 'update', 'release', 'replace', 'delete'];

function shownAs(change: ResourceChangeDocument): Shown {
  return change.ownership ?? change.action;
}

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
  const seen: Record<Shown, number> = { create: 0, update: 0, adopt: 0, release: 0, replace: 0, delete: 0 };
  const lastOf = lastByAction(group.changes);
  for (const change of group.changes) {
    const action = shownAs(change);
    const n = ++seen[action];
    if (options.full || counts[action] <= options.listLimit) {
      lines.push(...changeLines(change, palette, options.full));
    } else if (action === 'create' || action === 'delete') {
      if (n === 1) lines.push(`${symbol(change.action, palette)} ${formatCount(counts[action])} ${group.target}.${group.type} to ${VERB[action]} ([${change.key}] ... [${lastOf[action]!.key}])`);
    } else if (n <= options.listLimit) {
      lines.push(...changeLines(change, palette, false));
    } else if (n === counts[action]) {
      lines.push(`${symbol(change.action, palette)} ${formatCount(n - options.listLimit)} more ${group.target}.${group.type} to ${VERB[action]} (full detail lists them)`);
    }
  }
  return lines;
}

/** One resource: its action and address, where in the spec it came from, its attributes. */
export function changeLines(change: ResourceChangeDocument, palette: Palette, full: boolean): string[] {
  const origin = change.origin ? palette.muted(`  # from ${change.origin.file}:${change.origin.line}:${change.origin.col}`) : '';
  // Ownership changes are named on the line: an update alone would hide that diet takes over
  // (or hands back) an object it did not create.
  const ownership = change.ownership === 'adopt' ? palette.update(' (adopt existing object)') : change.ownership === 'release' ? palette.update(' (release: diet\'s tag removed, object kept)') : '';
  const lines = [`${symbol(change.action, palette)} ${change.address}${ownership}${origin}`];
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

function countActions(changes: readonly ResourceChangeDocument[]): Record<Shown, number> {
  const counts: Record<Shown, number> = { create: 0, update: 0, adopt: 0, release: 0, replace: 0, delete: 0 };
  for (const change of changes) counts[shownAs(change)]++;
  return counts;
}

function lastByAction(changes: readonly ResourceChangeDocument[]): Partial<Record<Shown, ResourceChangeDocument>> {
  const last: Partial<Record<Shown, ResourceChangeDocument>> = {};
  for (const change of changes) last[shownAs(change)] = change;
  return last;
}

/** `Ownership: 1 to adopt, 1 to release.` when the plan changes who owns objects; nothing otherwise. */
export function ownershipLine(changes: readonly ResourceChangeDocument[]): string | undefined {
  const counts = countActions(changes);
  if (counts.adopt + counts.release === 0) return undefined;
  return `Ownership: ${counts.adopt} to adopt, ${counts.release} to release (adopted objects are never destroyed).`;
}
