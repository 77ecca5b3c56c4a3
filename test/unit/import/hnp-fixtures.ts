/** Shared helpers for the `diet import hnp` tests: fixture loading and document lookup. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { convertHnpCase, type HnpConversion } from '../../../src/import/hnp/convert-hnp-case.js';
import type {
  CatalogDocument,
  ClusterDocument,
  FabricDocument,
  SpecDocument,
  SwitchClassDoc,
} from '../../../src/import/hnp/spec-document.js';

export const FIXTURES = {
  canonicalV1: 'test/fixtures/hnp/ux_case_128gpu_odd_ports.v1.yaml',
  canonicalV2: 'test/fixtures/hnp/ux_case_128gpu_odd_ports.v2.yaml',
  labV1: 'test/fixtures/hnp/lab_mclag_pair.v1.yaml',
} as const;

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export function readRepoFile(path: string): string {
  return readFileSync(repoRoot + path, 'utf8');
}

export function convertFixture(path: string): HnpConversion {
  return convertHnpCase(readRepoFile(path), path);
}

export function clusterOf(docs: readonly SpecDocument[]): ClusterDocument {
  const found = docs.filter((d): d is ClusterDocument => d.kind === 'Cluster');
  if (found.length !== 1) throw new Error(`expected one Cluster, found ${found.length}`);
  return found[0];
}

export function fabricsOf(docs: readonly SpecDocument[]): FabricDocument[] {
  return docs.filter((d): d is FabricDocument => d.kind === 'Fabric');
}

export function catalogOf(docs: readonly SpecDocument[]): CatalogDocument | undefined {
  return docs.find((d): d is CatalogDocument => d.kind === 'Catalog');
}

export function switchClass(docs: readonly SpecDocument[], id: string): SwitchClassDoc {
  const found = fabricsOf(docs)
    .flatMap((f) => f.spec.switchClasses)
    .find((c) => c.id === id);
  if (!found) throw new Error(`no switch class ${id}`);
  return found;
}

export function codesOf(result: HnpConversion, severity?: string): string[] {
  return result.diagnostics.filter((d) => severity === undefined || d.severity === severity).map((d) => d.code);
}
