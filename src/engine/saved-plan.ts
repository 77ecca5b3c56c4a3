import { existsSync, readFileSync } from 'node:fs';
import { PlanDocumentError } from '../diag/errors.js';
import type { PlanDocument } from '../plan/plan-document.js';
import { readPlanDocument } from '../plan/read-plan-document.js';
import type { StateStore } from '../state/index.js';

/**
 * A saved plan by file path or by plan id (prefix) in state. The document is
 * checked (format version, digest) before anything uses it.
 */
export function loadSavedPlan(ref: string, openStore: () => StateStore): { document: PlanDocument; text: string } {
  if (existsSync(ref)) {
    const text = readFileSync(ref, 'utf8');
    return { document: readPlanDocument(text), text };
  }
  if (!/^[0-9a-f]{4,64}$/.test(ref)) {
    throw new PlanDocumentError(`no plan file '${ref}'`, 'pass a plan file written by `diet plan -o FILE`, or a plan id from `diet plan`');
  }
  const store = openStore();
  try {
    const record = store.getPlan(ref);
    if (!record) throw new PlanDocumentError(`no plan with id '${ref}' in ${store.path}`, 'list plans with `diet state history`, or pass a plan file');
    return { document: readPlanDocument(record.document), text: record.document };
  } finally {
    store.close();
  }
}
