import type { SnapshotHeaderDocument } from '../engine/snapshot/snapshot-document.js';
import type { PlanDocument } from '../plan/plan-document.js';
import { groupChanges } from './change-groups.js';
import { groupLines } from './change-lines.js';
import { createPalette } from './palette.js';

/**
 * `diet snapshot list`, newest first, in aligned columns:
 *
 *     ID  CLUSTER  KIND     CREATED                   RESOURCES  PLAN          NOTE
 *      7  lab      applied  2025-06-01T12:00:00.000Z       1234  3f2a9c1d0b7e
 */
export function renderSnapshotListText(snapshots: readonly SnapshotHeaderDocument[]): string {
  if (snapshots.length === 0) return 'No snapshots.\n';
  const rows = [
    ['ID', 'CLUSTER', 'KIND', 'CREATED', 'RESOURCES', 'PLAN', 'NOTE'],
    ...snapshots.map((s) => [String(s.id), s.cluster, s.kind, s.created_at, String(s.resource_count), s.plan_id ?? '', oneLine(s.note ?? '')]),
  ];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const rightAligned = new Set([0, 4]);
  return `${rows.map((r) => r.map((cell, c) => (rightAligned.has(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()).join('\n')}\n`;
}

/** `diet snapshot show ID`: the header, then one address per line. */
export function renderSnapshotText(header: SnapshotHeaderDocument, addresses: readonly string[]): string {
  const lines = [
    `Snapshot ${header.id} (cluster ${header.cluster}, ${header.kind})`,
    `  created:   ${header.created_at}`,
    ...(header.plan_id ? [`  plan:      ${header.plan_id}`] : []),
    ...(header.note ? [`  note:      ${oneLine(header.note)}`] : []),
    `  checksum:  ${header.checksum}`,
    `  resources: ${header.resource_count}`,
  ];
  if (addresses.length > 0) lines.push('', ...addresses);
  return `${lines.join('\n')}\n`;
}

export interface RenderSnapshotDiffOptions {
  readonly color: boolean;
  readonly detail?: 'full' | 'summary';
  readonly listLimit?: number;
  /** e.g. `snapshot 3 (lab, applied, 2025-06-01T12:00:00Z)` */
  readonly from: string;
  /** e.g. `snapshot 7 (…)` or `the live objects (netbox)` */
  readonly to: string;
  /** Extra lines after the changes (e.g. objects that exist live but are not diet's). */
  readonly notes?: readonly string[];
}

/**
 * `diet snapshot diff A B`: the plan's grouped `+ ~ - -/+` lines between two recorded sets
 * of objects — `+` only in B, `-` only in A, `~` changed from A to B:
 *
 *     Changes from snapshot 3 (…) to snapshot 7 (…):
 *
 *     netbox dcim.device: 1 to update
 *       ~ netbox.dcim.device[leaf-01]
 *           ~ status: "planned" -> "active"
 *
 *     Diff: 0 to add, 1 to change, 0 to destroy.
 */
export function renderSnapshotDiffText(doc: PlanDocument, options: RenderSnapshotDiffOptions): string {
  const palette = createPalette(options.color);
  const lineOptions = { full: options.detail === 'full', listLimit: options.listLimit ?? 10 };
  const blocks: string[][] = [];
  if (doc.resource_changes.length > 0) {
    blocks.push([`Changes from ${options.from} to ${options.to}:`]);
    for (const group of groupChanges(doc.resource_changes)) blocks.push(groupLines(group, palette, lineOptions));
  }
  if (options.notes && options.notes.length > 0) blocks.push(options.notes.map((line) => palette.warning(line)));
  const { add, change, destroy } = doc.summary;
  blocks.push([
    add + change + destroy === 0
      ? palette.create(`No differences between ${options.from} and ${options.to}.`)
      : palette.heading(`Diff: ${add} to add, ${change} to change, ${destroy} to destroy.`),
  ]);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
