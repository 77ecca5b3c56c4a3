import { describe, expect, it } from 'vitest';
import { findCycles } from '../../../src/graph/find-cycles.js';
import { topologicalOrder } from '../../../src/graph/topological-order.js';

describe('topologicalOrder', () => {
  it('picks the smallest free node first', () => {
    // 0 depends on 3; 1 and 2 are free.
    expect(topologicalOrder([[3], [], [], []]).order).toEqual([1, 2, 3, 0]);
  });

  it('tolerates duplicate edges', () => {
    expect(topologicalOrder([[1, 1, 1], []]).order).toEqual([1, 0]);
  });

  it('forces the smallest blocked node when a cycle stops progress', () => {
    // 0 → 1 → 0 is a cycle; 2 depends on 0.
    const { order, forced } = topologicalOrder([[1], [0], [0]]);
    expect(forced).toEqual([0]);
    expect(order).toEqual([0, 1, 2]);
  });

  it('is linear enough for a 200k-long chain', () => {
    const n = 200_000;
    const deps = Array.from({ length: n }, (_, i) => (i === 0 ? [] : [i - 1]));
    const { order } = topologicalOrder(deps);
    expect(order[0]).toBe(0);
    expect(order[n - 1]).toBe(n - 1);
  });
});

describe('findCycles', () => {
  it('returns one shortest cycle per component, starting at its smallest node', () => {
    // 0→1→2→0 plus a chord 2→1; 3 self-loop; 4 free.
    expect(findCycles([[1], [2], [0, 1], [3], []])).toEqual([[0, 1, 2], [3]]);
  });

  it('finds nothing in an acyclic graph', () => {
    expect(findCycles([[], [0], [0, 1]])).toEqual([]);
  });

  it('survives a 100k-node cycle without overflowing the stack', () => {
    const n = 100_000;
    const deps = Array.from({ length: n }, (_, i) => [(i + 1) % n]);
    const cycles = findCycles(deps);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(n);
  });
});
