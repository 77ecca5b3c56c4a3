import { PlanDocumentError } from '../diag/errors.js';
import { computePlanDigest } from './to-plan-document.js';
import type { PlanDocument } from './plan-document.js';
import { PLAN_FORMAT_VERSION } from './plan-format-version.js';
import { findPlanDocumentProblem } from './plan-document-shape.js';

const RECREATE = 'create the plan again with `diet plan -o FILE`; a plan file must not be edited by hand';

/**
 * Parses and checks a plan file: JSON, then `format_version`, then the shape, then the digest.
 * Every failure is a PlanDocumentError with a one-line message and a hint, never a stack
 * trace. Whitespace and key order may differ from what diet wrote (the digest is computed on
 * the canonical form), but any change to a value is detected.
 */
export function readPlanDocument(text: string): PlanDocument {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new PlanDocumentError(`plan file is not valid JSON (${reason})`, 'pass a file written by `diet plan -o FILE`; it may be truncated or not a plan');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new PlanDocumentError('plan file does not contain a JSON object', 'pass a file written by `diet plan -o FILE`');
  }
  const record = parsed as Record<string, unknown>;
  if (!Object.hasOwn(record, 'format_version')) {
    throw new PlanDocumentError('plan file has no format_version: it is not a diet plan document', 'pass a file written by `diet plan -o FILE`');
  }
  if (record.format_version !== PLAN_FORMAT_VERSION) {
    throw new PlanDocumentError(
      `plan format_version ${JSON.stringify(record.format_version)} is not supported (this diet reads format_version "${PLAN_FORMAT_VERSION}")`,
      'create the plan with the same diet version that applies it',
    );
  }
  const problem = findPlanDocumentProblem(record);
  if (problem) throw new PlanDocumentError(`plan file is not a valid plan document: ${problem}`, RECREATE);

  const { digest, ...body } = record;
  if (digestOf(body) !== digest) {
    throw new PlanDocumentError('plan file digest does not match its contents: the file was changed after diet wrote it', RECREATE);
  }
  return record as unknown as PlanDocument;
}

/** Parsed JSON can still hold values canonical JSON refuses (1e999 parses as Infinity). */
function digestOf(body: Record<string, unknown>): string {
  try {
    return computePlanDigest(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PlanDocumentError(`plan file holds a value that cannot be part of a plan (${reason})`, RECREATE);
  }
}
