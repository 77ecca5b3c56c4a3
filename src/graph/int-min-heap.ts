/**
 * A binary min-heap of non-negative integers. The topological sort keeps its ready set
 * here; callers number nodes in priority order first, so comparing two plain integers is
 * all the heap ever does (no string comparisons on the hot path of a 100k-node sort).
 */
export class IntMinHeap {
  private items: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(Math.max(capacity, 1));
  }

  get size(): number {
    return this.length;
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const items = this.items;
    let i = this.length++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent] <= value) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = value;
  }

  /** Removes and returns the smallest value; -1 when empty. */
  pop(): number {
    if (this.length === 0) return -1;
    const items = this.items;
    const top = items[0];
    const last = items[--this.length];
    let i = 0;
    const half = this.length >> 1;
    while (i < half) {
      let child = 2 * i + 1;
      if (child + 1 < this.length && items[child + 1] < items[child]) child++;
      if (items[child] >= last) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}
