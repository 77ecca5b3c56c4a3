import type { ResourceChangeDocument } from '../plan/plan-document.js';

export interface ChangeGroup {
  readonly target: string;
  readonly type: string;
  /** In document (apply) order. */
  readonly changes: readonly ResourceChangeDocument[];
}

/**
 * Groups changes by target, then by type. Targets and types appear in the order their first
 * change appears in the document, which is apply order: a reader meets sites before devices
 * before interfaces, the way the fabric is built.
 */
export function groupChanges(changes: readonly ResourceChangeDocument[]): ChangeGroup[] {
  const byTarget = new Map<string, Map<string, ResourceChangeDocument[]>>();
  for (const change of changes) {
    let byType = byTarget.get(change.target);
    if (!byType) byTarget.set(change.target, (byType = new Map()));
    let list = byType.get(change.type);
    if (!list) byType.set(change.type, (list = []));
    list.push(change);
  }
  const groups: ChangeGroup[] = [];
  for (const [target, byType] of byTarget) for (const [type, list] of byType) groups.push({ target, type, changes: list });
  return groups;
}
