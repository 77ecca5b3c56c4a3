import { hasErrors, type Diagnostic } from '../diag/diagnostic.js';
import type { FabricModel } from '../model/fabric-model.js';
import { canonicalJson, sha256Hex } from '../resource/canonical-json.js';
import { loadSpec } from '../spec/load-spec.js';
import type { LoadedSpec } from '../spec/loaded-spec.js';
import { validateSpec } from '../validate/validate-spec.js';

export interface LoadedModel {
  readonly loaded: LoadedSpec;
  readonly model?: FabricModel;
  readonly diagnostics: readonly Diagnostic[];
  /** sha256 of the documents' content (not their formatting or comments). */
  readonly specDigest: string;
}

/** Files → validated FabricModel, with every diagnostic of loading and validation. */
export async function loadModel(paths: readonly string[]): Promise<LoadedModel> {
  const loaded = await loadSpec(paths);
  const specDigest = sha256Hex(canonicalJson(loaded.documents.map((d) => d.value ?? null)));
  if (hasErrors(loaded.diagnostics)) return { loaded, diagnostics: loaded.diagnostics, specDigest };
  const { model, diagnostics } = validateSpec(loaded);
  return { loaded, model, diagnostics: [...loaded.diagnostics, ...diagnostics], specDigest };
}
