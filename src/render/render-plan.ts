import type { PlanDocument } from '../plan/plan-document.js';
import { groupChanges } from './change-groups.js';
import { groupLines, ownershipLine } from './change-lines.js';
import { createPalette } from './palette.js';
import { topologyLine } from './topology-figures.js';

export interface RenderPlanOptions {
  /** Decided once by the caller (`--no-color`, `NO_COLOR`, TTY). */
  readonly color: boolean;
  /**
   * `summary` (default): creates and destroys without attributes, and a type with more than
   * `listLimit` creates or destroys condensed to one counted line. `full`: every resource,
   * creates and destroys with all their attributes.
   */
  readonly detail?: 'full' | 'summary';
  /** Resources of one type and action listed in summary detail before condensing; default 10. */
  readonly listLimit?: number;
}

const NO_CHANGES = 'No changes. Your infrastructure matches the configuration.';

/**
 * The human form of a plan, rendered from the same document that `--json` prints, so the two
 * never disagree and `diet show` prints exactly what `diet plan` printed:
 *
 *     netbox dcim.device: 1 to create, 1 to update
 *       + netbox.dcim.device[leaf-02]  # from examples/lab/cluster.yaml:13:5
 *       ~ netbox.dcim.device[leaf-01]  # from examples/lab/cluster.yaml:12:5
 *           ~ status: "planned" -> "active"
 *
 *     Topology: 3 switches, 8 servers, 24 cables
 *
 *     Plan: 1 to add, 1 to change, 0 to destroy.
 */
export function renderPlanText(doc: PlanDocument, options: RenderPlanOptions): string {
  const palette = createPalette(options.color);
  const lineOptions = { full: options.detail === 'full', listLimit: options.listLimit ?? 10 };
  const blocks: string[][] = [];
  if (doc.resource_changes.length > 0) {
    blocks.push(['diet will perform the following actions:']);
    for (const group of groupChanges(doc.resource_changes)) blocks.push(groupLines(group, palette, lineOptions));
  }
  const topology = topologyLine(doc.topology);
  if (topology) blocks.push([palette.muted(topology)]);
  const { add, change, destroy } = doc.summary;
  const last = add + change + destroy === 0 ? palette.create(NO_CHANGES) : palette.heading(`Plan: ${add} to add, ${change} to change, ${destroy} to destroy.`);
  const ownership = ownershipLine(doc.resource_changes);
  blocks.push(ownership ? [last, palette.heading(ownership)] : [last]);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
