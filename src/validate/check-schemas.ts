/**
 * Structural validation: every document first against the shared envelope, then (if
 * that holds) against the schema of its kind. Only documents that pass both go on to the
 * rules, typed as the spec documents they now are known to be.
 */
import type { Diagnostic } from '../diag/diagnostic.js';
import type { LoadedSpec, SpecDocument } from '../spec/loaded-spec.js';
import { schemaDiagnostics } from './schema-errors.js';
import { schemaValidators, type SpecKind } from './schema-validators.js';
import type { AnySpecDocument } from './spec-documents.js';

/** A document that passed its schema, with the source it came from. */
export interface CheckedDocument<T extends AnySpecDocument = AnySpecDocument> {
  readonly source: SpecDocument;
  readonly value: T;
}

export interface SchemaCheckResult {
  readonly documents: readonly CheckedDocument[];
  readonly diagnostics: readonly Diagnostic[];
}

export function checkSchemas(loaded: LoadedSpec): SchemaCheckResult {
  const validators = schemaValidators();
  const documents: CheckedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of loaded.documents) {
    if (!validators.envelope(source.value)) {
      diagnostics.push(...schemaDiagnostics(validators.envelope.errors ?? [], source));
      continue;
    }
    const kind = (source.value as { kind: SpecKind }).kind;
    const validate = validators.kinds[kind];
    if (!validate(source.value)) {
      diagnostics.push(...schemaDiagnostics(validate.errors ?? [], source));
      continue;
    }
    documents.push({ source, value: source.value as AnySpecDocument });
  }
  return { documents, diagnostics };
}
