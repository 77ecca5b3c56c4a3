/**
 * Where a converted spec came from, for the comment at the top of the rendered YAML.
 *
 * `renderSpecYaml(documents)` is the agreed API, so the provenance travels with the
 * documents array itself: `convertHnpCase` records it here and the renderer looks it
 * up. A caller that builds or copies documents can pass the source explicitly instead.
 */
import type { HnpFormat } from './detect-hnp-format.js';
import type { SpecDocument } from './spec-document.js';

export interface ImportSource {
  readonly file: string;
  readonly format: HnpFormat;
}

const sources = new WeakMap<readonly SpecDocument[], ImportSource>();

export function recordImportSource(documents: readonly SpecDocument[], source: ImportSource): void {
  sources.set(documents, source);
}

export function importSourceOf(documents: readonly SpecDocument[]): ImportSource | undefined {
  return sources.get(documents);
}

/** Comment lines (without `# `) describing the source. */
export function describeImportSource(source: ImportSource | undefined): string[] {
  if (!source) return ['diet spec converted from a hh-netbox-plugin DIET plan by `diet import hnp`.'];
  const format = source.format === 'v2' ? 'v2: apiVersion diet/v2, kind TopologyPlan' : 'v1: meta, plan, reference_data';
  return [
    `Converted by \`diet import hnp\` from ${source.file}`,
    `(a hh-netbox-plugin DIET topology plan in format ${format}).`,
    'Review the import diagnostics for keys that were not carried over.',
  ];
}
