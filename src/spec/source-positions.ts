/**
 * Records where every node of a parsed YAML document starts, keyed by JSON pointer.
 * Aliases are not followed: content reached through `*alias` has no entry of its own and
 * is located at the alias (see locateInDocument), which also keeps this walk linear in
 * the size of the text however the aliases would expand.
 */
import { isAlias, isMap, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { escapePointerSegment, type NodePosition } from './loaded-spec.js';

/** YAML merge key; its entries are spread into the parent, so it has no path of its own. */
const MERGE_KEY = '<<';

export interface SourcePositions {
  readonly values: Record<string, NodePosition>;
  readonly keys: Record<string, NodePosition>;
}

export function collectSourcePositions(root: unknown, lineCounter: LineCounter): SourcePositions {
  const positions: SourcePositions = { values: {}, keys: {} };
  const at = (offset: number): NodePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, col };
  };
  const visit = (node: unknown, pointer: string): void => {
    if (!isNodeLike(node)) return;
    if (node.range) positions.values[pointer] = at(node.range[0]);
    if (isAlias(node)) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyText(pair.key);
        if (key === undefined || key === MERGE_KEY) continue;
        const child = `${pointer}/${escapePointerSegment(key)}`;
        const keyNode = pair.key as Node;
        if (keyNode?.range) positions.keys[child] = at(keyNode.range[0]);
        // `key:` with nothing after it still has a location: its key.
        if (pair.value === null || pair.value === undefined) {
          if (keyNode?.range) positions.values[child] = at(keyNode.range[0]);
          continue;
        }
        visit(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, `${pointer}/${index}`));
    }
  };
  visit(root, '');
  return positions;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}

/** The key as toJS would spell it; undefined for keys that are not scalars. */
function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}
