import type { PlanDocument } from '../plan/plan-document.js';
import { groupChanges } from './change-groups.js';
import { groupLines, ownershipLine } from './change-lines.js';
import { createPalette } from './palette.js';

export interface RenderDiffOptions {
  readonly color: boolean;
  readonly detail?: 'full' | 'summary';
  readonly listLimit?: number;
  /** What was compared, e.g. `netbox` or `netbox, kubernetes/frontend`. */
  readonly scopes: readonly string[];
  /** One line per desired object that exists live without diet's ownership marker. */
  readonly collisions?: readonly string[];
}

/**
 * The human form of `diet diff`: the same grouped `+ ~ -` lines as a plan, computed against
 * the live objects instead of state, so hand edits to attributes diet owns show up as `~`
 * (drift) and objects diet owns but no longer wants as `-`:
 *
 *     Differences between the spec and the live objects (netbox), drift included:
 *
 *     netbox dcim.device: 1 to update
 *       ~ netbox.dcim.device[leaf-01]
 *           ~ status: "active" -> "planned"
 *
 *     Diff: 0 to add, 1 to change, 0 to destroy.
 */
export function renderDiffText(doc: PlanDocument, options: RenderDiffOptions): string {
  const palette = createPalette(options.color);
  const lineOptions = { full: options.detail === 'full', listLimit: options.listLimit ?? 10 };
  const scope = options.scopes.length > 0 ? options.scopes.join(', ') : 'no targets';
  const blocks: string[][] = [];
  if (doc.resource_changes.length > 0) {
    blocks.push([`Differences between the spec and the live objects (${scope}), drift included:`]);
    for (const group of groupChanges(doc.resource_changes)) blocks.push(groupLines(group, palette, lineOptions));
  }
  if (options.collisions && options.collisions.length > 0) blocks.push(options.collisions.map((line) => palette.warning(line)));
  const { add, change, destroy } = doc.summary;
  const ownership = ownershipLine(doc.resource_changes);
  blocks.push([
    add + change + destroy === 0
      ? palette.create(`No differences. The live objects (${scope}) match the spec.`)
      : palette.heading(`Diff: ${add} to add, ${change} to change, ${destroy} to destroy.`),
    ...(ownership ? [palette.heading(ownership)] : []),
  ]);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
