/**
 * Finds one concrete dependency cycle per strongly connected component that has one.
 * `deps[i]` lists the nodes node `i` depends on. Each cycle is returned as the path
 * `[a, b, …]` meaning a depends on b depends on … depends on a, starting at the smallest
 * node of its component so that reports are deterministic.
 *
 * Tarjan's algorithm, written iteratively: a 100k-long dependency chain would overflow
 * the call stack of a recursive version.
 */
export function findCycles(deps: readonly (readonly number[])[]): number[][] {
  const n = deps.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const cycles: number[][] = [];
  let counter = 0;
  let components = 0;

  const frames: number[] = []; // pairs: node, next edge position
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push(root, 0);
    while (frames.length > 0) {
      const top = frames.length - 2;
      const v = frames[top];
      let edge = frames[top + 1];
      if (edge === 0 && index[v] === -1) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      const out = deps[v];
      let descended = false;
      while (edge < out.length) {
        const w = out[edge++];
        if (index[w] === -1) {
          frames[top + 1] = edge;
          frames.push(w, 0);
          descended = true;
          break;
        }
        if (onStack[w]) low[v] = Math.min(low[v], index[w]);
      }
      if (descended) continue;
      frames.length = top;
      if (frames.length > 0) {
        const parent = frames[frames.length - 2];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] !== index[v]) continue;
      const members: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component[w] = components;
        members.push(w);
      } while (w !== v);
      if (members.length > 1 || deps[v].includes(v)) {
        cycles.push(cycleThrough(members.reduce((a, b) => (b < a ? b : a)), component, deps));
      }
      components++;
    }
  }
  return cycles.sort((a, b) => a[0] - b[0]);
}

/** Shortest path from `start` back to itself inside its component (breadth-first). */
function cycleThrough(start: number, component: Int32Array, deps: readonly (readonly number[])[]): number[] {
  const scc = component[start];
  const cameFrom = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of deps[v]) {
      if (component[w] !== scc) continue;
      if (w === start) return pathTo(v, start, cameFrom);
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start]; // unreachable for a real component; keeps the type total
}

function pathTo(last: number, start: number, cameFrom: Map<number, number>): number[] {
  const path = [last];
  while (path[path.length - 1] !== start) path.push(cameFrom.get(path[path.length - 1])!);
  return path.reverse();
}
