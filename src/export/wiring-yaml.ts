import { stringify } from 'yaml';
import type { KubeObject } from '../targets/kubernetes/kube-object.js';

/**
 * hhfab wiring YAML: every document preceded by `---`, no comments (hhfab rejects
 * comments before documents), block style, keys in the order the objects carry.
 */
export function renderWiringYaml(objects: readonly KubeObject[]): string {
  return objects.map((o) => `---\n${stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })}`).join('');
}
