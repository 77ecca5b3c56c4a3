/**
 * `diet import hnp`: a hh-netbox-plugin DIET topology plan (YAML format v1 or v2) →
 * diet spec documents (one Cluster, one Fabric per fabric name, a Catalog for the
 * reference data the file defines). Pure: the caller reads the file and writes the
 * result; problems come back as diagnostics, never as exceptions.
 */
import { builtinCatalog } from '../../catalog/builtin-catalog.js';
import type { Diagnostic } from '../../diag/diagnostic.js';
import type { Catalog } from '../../model/catalog-types.js';
import { convertV1Plan } from './convert-v1-plan.js';
import { convertV2Plan } from './convert-v2-plan.js';
import type { ConvertedPlan } from './converted-plan.js';
import { detectHnpFormat, type HnpFormat } from './detect-hnp-format.js';
import { HnpRecord } from './hnp-record.js';
import { parseHnpSource } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import { ImportReport } from './import-report.js';
import { recordImportSource } from './import-source.js';
import { toDnsLabel } from './name-rules.js';
import { isEmptyCatalog } from './plan-references.js';
import { specDocument, type SpecDocument } from './spec-document.js';

export interface HnpConversion {
  /** Cluster first, then the Fabrics in order of first appearance, then the Catalog. */
  readonly documents: SpecDocument[];
  readonly diagnostics: Diagnostic[];
  /** The detected format; undefined when the file is not a plugin plan. */
  readonly format?: HnpFormat;
}

export interface ConvertOptions {
  /** The catalog v2 references resolve against; diet's built-in catalog by default. */
  readonly catalog?: Catalog;
}

export function convertHnpCase(text: string, file: string, options: ConvertOptions = {}): HnpConversion {
  const source = parseHnpSource(text, file);
  const report = new ImportReport(source);
  if (source.syntaxErrors.length > 0) {
    const diagnostics = source.syntaxErrors.map(
      (e): Diagnostic => ({ severity: 'error', code: IMPORT_CODES.yamlSyntax, summary: `not valid YAML: ${e.message}`, range: e.range }),
    );
    return { documents: [], diagnostics };
  }
  if (source.documentCount > 1) {
    report.warning(IMPORT_CODES.extraDocuments, `${file} holds ${source.documentCount} YAML documents; only the first is converted`, []);
  }
  const detection = detectHnpFormat(source.data);
  if (!('format' in detection)) {
    report.error(IMPORT_CODES.notAPlan, detection.problem, [], detection.hint ? { hint: detection.hint } : {});
    return { documents: [], diagnostics: report.diagnostics() };
  }
  const root = HnpRecord.of(report, [], source.data);
  if (!root) return { documents: [], diagnostics: report.diagnostics(), format: detection.format };
  const plan =
    detection.format === 'v1' ? convertV1Plan(report, root) : convertV2Plan(report, root, options.catalog ?? builtinCatalog());
  const documents = assembleDocuments(plan);
  recordImportSource(documents, { file, format: detection.format });
  return { documents, diagnostics: report.diagnostics(), format: detection.format };
}

function assembleDocuments(plan: ConvertedPlan): SpecDocument[] {
  const { identity, fabrics, serverClasses, catalog } = plan;
  const cluster = specDocument('Cluster', identity.name, {
    ...(identity.description !== undefined ? { description: identity.description } : {}),
    serverClasses,
  });
  const documents: SpecDocument[] = [cluster, ...fabrics];
  if (!isEmptyCatalog(catalog)) documents.push(specDocument('Catalog', toDnsLabel(`${identity.name}-catalog`), catalog));
  return documents;
}
