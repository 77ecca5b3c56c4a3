import { IntMinHeap } from './int-min-heap.js';

/** Node numbers in emission order, plus the nodes that had to be placed despite a cycle. */
export interface TopologicalOrder {
  readonly order: readonly number[];
  /** Nodes emitted while some of their dependencies were still unplaced (cycles only). */
  readonly forced: readonly number[];
}

/**
 * Kahn's algorithm with a priority queue. `deps[i]` lists the nodes that must come before
 * node `i`; node numbers double as priorities, so callers number nodes in their tie-break
 * order (e.g. type rank, then address) and the result is independent of input order.
 *
 * Duplicate and self edges are tolerated. When a cycle blocks progress, the smallest
 * unplaced node is emitted anyway and recorded in `forced`: the caller still gets a
 * complete order (every edge outside the cycle respected) and reports the cycle itself.
 *
 * O((V + E) log V): edges are stored once in flat typed arrays, no per-node allocations.
 */
export function topologicalOrder(deps: readonly (readonly number[])[]): TopologicalOrder {
  const n = deps.length;
  const { offsets, targets, indegree } = dependentsOf(deps);
  const placed = new Uint8Array(n);
  const heap = new IntMinHeap(Math.min(n, 1024));
  for (let i = 0; i < n; i++) if (indegree[i] === 0) heap.push(i);

  const order: number[] = [];
  const forced: number[] = [];
  let scan = 0; // every node below `scan` is placed: finding the next forced node stays linear
  while (order.length < n) {
    let next = heap.pop();
    if (next === -1) {
      while (placed[scan]) scan++;
      next = scan;
      forced.push(next);
    }
    if (placed[next]) continue;
    placed[next] = 1;
    order.push(next);
    for (let e = offsets[next]; e < offsets[next + 1]; e++) {
      const dependent = targets[e];
      if (--indegree[dependent] === 0 && !placed[dependent]) heap.push(dependent);
    }
  }
  return { order, forced };
}

/** Compressed adjacency (node → nodes that depend on it), with duplicate edges dropped. */
function dependentsOf(deps: readonly (readonly number[])[]) {
  const n = deps.length;
  const counts = new Int32Array(n + 1);
  const indegree = new Int32Array(n);
  const seen = new Int32Array(n).fill(-1); // seen[d] === i: edge d→i already counted
  for (let i = 0; i < n; i++) {
    for (const d of deps[i]) {
      if (seen[d] === i) continue;
      seen[d] = i;
      counts[d + 1]++;
      indegree[i]++;
    }
  }
  for (let i = 0; i < n; i++) counts[i + 1] += counts[i];
  const offsets = counts.slice();
  const targets = new Int32Array(counts[n]);
  const cursor = counts.subarray(0, n).slice();
  seen.fill(-1);
  for (let i = 0; i < n; i++) {
    for (const d of deps[i]) {
      if (seen[d] === i) continue;
      seen[d] = i;
      targets[cursor[d]++] = i;
    }
  }
  return { offsets, targets, indegree };
}
