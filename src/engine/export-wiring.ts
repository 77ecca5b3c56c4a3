import { join } from 'node:path';
import { renderWiringYaml } from '../export/wiring-yaml.js';
import { ensureDirectory, writeFileAtomic } from './output-files.js';
import { buildWiringObjects, managedFabrics } from '../targets/kubernetes/wiring-objects.js';
import type { ExpandedSpec } from './expand-spec.js';

export interface WiringFile {
  readonly fabric: string;
  readonly path: string;
  /** Documents per kind, e.g. { Switch: 10, Server: 159, Connection: 342 }. */
  readonly kinds: Readonly<Record<string, number>>;
}

/** Writes `<dir>/<fabric>.yaml` for every managed fabric (atomically: temp file + rename). */
export function exportWiring(spec: ExpandedSpec, dir: string): WiringFile[] {
  ensureDirectory(dir);
  return managedFabrics(spec.topology).map((fabric) => {
    const objects = buildWiringObjects(spec.model, spec.topology, fabric);
    const path = join(dir, `${fabric}.yaml`);
    writeFileAtomic(path, renderWiringYaml(objects));
    const kinds: Record<string, number> = {};
    for (const o of objects) kinds[o.kind] = (kinds[o.kind] ?? 0) + 1;
    return { fabric, path, kinds };
  });
}
