/**
 * The version of the plan document format. Changing any field's meaning or shape means a new
 * version, a new schema file (schemas/plan-document.vN.json) and a reader that says clearly
 * which versions it accepts. Kept in its own module so that the document's types and its
 * writer can both use it without importing each other.
 */
export const PLAN_FORMAT_VERSION = '1';
