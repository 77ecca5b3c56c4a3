/**
 * Which of the plugin's two plan formats a parsed file is. The plugin itself dispatches
 * on `apiVersion: diet/v2` alone and treats everything else as v1; diet is stricter
 * about "everything else" so that an unrelated YAML file gets a clear message instead
 * of a cascade of missing-section errors.
 */
import { isMapping } from './hnp-record.js';
import { SPEC_API_VERSION } from './spec-document.js';

export type HnpFormat = 'v1' | 'v2';

export const V2_API_VERSION = 'diet/v2';
export const V2_KIND = 'TopologyPlan';

/** Top-level keys only a v1 plan has; one of them is enough to call a file v1. */
const V1_MARKERS = ['meta', 'plan', 'switch_classes', 'server_classes', 'reference_data'];

export type Detection = { readonly format: HnpFormat } | { readonly problem: string; readonly hint?: string };

export function detectHnpFormat(data: unknown): Detection {
  if (!isMapping(data)) {
    return { problem: 'the file is not a plugin plan: its top level is not a mapping' };
  }
  const apiVersion = data['apiVersion'];
  if (apiVersion === V2_API_VERSION) return { format: 'v2' };
  if (apiVersion === SPEC_API_VERSION) {
    return { problem: 'the file is already a diet spec', hint: 'use it directly: `diet validate -f <file>`' };
  }
  if (apiVersion !== undefined) {
    return {
      problem: `apiVersion '${String(apiVersion)}' is not a plugin plan format`,
      hint: `v2 plans have \`apiVersion: ${V2_API_VERSION}\`; v1 plans have no apiVersion`,
    };
  }
  if (V1_MARKERS.some((key) => key in data)) return { format: 'v1' };
  return {
    problem: 'the file is neither a v1 plan (meta, plan, switch_classes, …) nor a v2 plan (apiVersion: diet/v2)',
  };
}
