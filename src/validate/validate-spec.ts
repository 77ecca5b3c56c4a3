/**
 * The validate stage: LoadedSpec → FabricModel. Structure first (YAML, then JSON
 * Schemas); if any document is broken the rules are skipped, because they would only add
 * noise about fields or documents that are missing or mistyped. Then the Catalog documents extend the
 * base catalog, the rules run, and a model is built only when nothing is an error.
 */
import { builtinCatalog } from '../catalog/builtin-catalog.js';
import { hasErrors, type Diagnostic } from '../diag/diagnostic.js';
import type { Catalog } from '../model/catalog-types.js';
import type { FabricModel } from '../model/fabric-model.js';
import type { LoadedSpec } from '../spec/loaded-spec.js';
import { buildModel } from './build-model.js';
import { checkSchemas } from './check-schemas.js';
import { createRuleContext } from './rule-context.js';
import { RULES } from './rules/all-rules.js';
import { sortDiagnostics } from './sort-diagnostics.js';
import { buildSpecCatalog } from './spec-catalog.js';

export interface ValidateOptions {
  /** Base catalog to extend; the built-in catalog when absent. */
  readonly catalog?: Catalog;
}

export interface ValidationResult {
  readonly model?: FabricModel;
  /** Sorted by file, line, column, code (see sort-diagnostics.ts). */
  readonly diagnostics: Diagnostic[];
}

export function validateSpec(loaded: LoadedSpec, options: ValidateOptions = {}): ValidationResult {
  const schema = checkSchemas(loaded);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...schema.diagnostics];
  // A document dropped for broken YAML would make the rules report its classes as missing.
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics) };
  const base = options.catalog ?? builtinCatalog();
  const draft = createRuleContext(schema.documents, base);
  const specCatalog = buildSpecCatalog(base, draft.catalogs);
  const ctx = { ...draft, catalog: specCatalog.catalog };
  diagnostics.push(...specCatalog.diagnostics);
  for (const rule of RULES) diagnostics.push(...rule(ctx));
  const sorted = sortDiagnostics(diagnostics);
  if (hasErrors(sorted)) return { diagnostics: sorted };
  return { model: buildModel(ctx), diagnostics: sorted };
}
