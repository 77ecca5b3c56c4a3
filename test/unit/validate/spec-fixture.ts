/**
 * A small valid spec (one Cluster, a frontend and an oob fabric) as YAML text, and
 * helpers to validate variants of it. Variants are made by exact text replacement so
 * every position in a test is the position in the text the test shows.
 */
import type { Catalog } from '../../../src/model/catalog-types.js';
import type { LoadedSpec } from '../../../src/spec/loaded-spec.js';
import { parseSpecText } from '../../../src/spec/parse-spec-text.js';
import { validateSpec, type ValidationResult } from '../../../src/validate/validate-spec.js';

export const CLUSTER_YAML = `apiVersion: diet.githedgehog.com/v1alpha1
kind: Cluster
metadata:
  name: lab
spec:
  serverClasses:
    - id: gpu
      quantity: 4
      deviceType: gpu-server-fe
      nics:
        - {id: fe, type: bluefield-3-bf3220}
        - {id: bmc, type: bmc-management-port}
      connections:
        - {id: fe, nic: fe, ports: 2, speed: 200, distribution: alternating, target: leaf/down, portType: data}
        - {id: bmc, nic: bmc, ports: 1, speed: 1, distribution: same-switch, target: oob/oob-down, portType: ipmi}
`;

export const FABRIC_YAML = `apiVersion: diet.githedgehog.com/v1alpha1
kind: Fabric
metadata:
  name: frontend
spec:
  switchClasses:
    - id: leaf
      role: server-leaf
      deviceType: celestica-ds5000
      zones:
        - {name: down, type: server, ports: "1-31:2", breakout: 4x200g}
        - {name: up, type: uplink, ports: "2-32:2", breakout: 1x800g}
    - id: spine
      role: spine
      deviceType: celestica-ds5000
      zones:
        - {name: fabric, type: fabric, ports: "1-64", breakout: 1x800g}
`;

export const OOB_YAML = `apiVersion: diet.githedgehog.com/v1alpha1
kind: Fabric
metadata:
  name: oob-mgmt
spec:
  switchClasses:
    - id: oob
      deviceType: celestica-es1000
      zones:
        - {name: oob-down, type: oob, ports: "1-48", breakout: 1x1g}
`;

export type SpecFiles = Readonly<Record<string, string>>;

export const BASE_FILES: SpecFiles = {
  'cluster.yaml': CLUSTER_YAML,
  'fabric.yaml': FABRIC_YAML,
  'oob.yaml': OOB_YAML,
};

/** Replaces exactly one occurrence of `from`; fails loudly if it is not there once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) {
    throw new Error(`fixture text must contain ${JSON.stringify(from)} exactly once`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The base files with one file's text changed. */
export function withEdit(file: string, from: string, to: string, files: SpecFiles = BASE_FILES): SpecFiles {
  return { ...files, [file]: replaceOnce(files[file], from, to) };
}

export function loadTexts(files: SpecFiles): LoadedSpec {
  const parts = Object.entries(files).map(([file, text]) => parseSpecText(text, file));
  return { documents: parts.flatMap((p) => p.documents), diagnostics: parts.flatMap((p) => p.diagnostics) };
}

export function validateTexts(files: SpecFiles, options: { catalog?: Catalog } = {}): ValidationResult {
  return validateSpec(loadTexts(files), options);
}

/** The diagnostics with a given code (tests assert there is exactly the expected one). */
export function withCode(result: ValidationResult, code: string) {
  return result.diagnostics.filter((d) => d.code === code);
}
