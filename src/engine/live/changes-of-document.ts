import type { PlanDocument } from '../../plan/plan-document.js';
import type { DesiredResource, ResourceChange } from '../../resource/resource.js';

/** The document's changes as ResourceChange values, in the document's (apply) order. */
export function changesOfDocument(doc: PlanDocument): ResourceChange[] {
  return doc.resource_changes.map((c) => ({
    address: c.address,
    target: c.target,
    type: c.type,
    key: c.key,
    action: c.action,
    ...(c.before ? { before: c.before } : {}),
    ...(c.after ? { after: c.after } : {}),
    attrChanges: c.attr_changes,
    dependsOn: c.depends_on,
    ...(c.origin ? { origin: c.origin } : {}),
    ...(c.ownership ? { ownership: c.ownership } : {}),
  }));
}

/** What the plan wants to exist, as desired resources (a target looks their keys up to find collisions). */
export function desiredOfChanges(changes: readonly ResourceChange[]): DesiredResource[] {
  return changes.flatMap((c) => (c.after ? [{ address: c.address, target: c.target, type: c.type, key: c.key, attrs: c.after, dependsOn: c.dependsOn }] : []));
}
