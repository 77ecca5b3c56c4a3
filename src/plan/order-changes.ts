import { sortByRank } from '../graph/sort-by-rank.js';
import { topologicalOrder } from '../graph/topological-order.js';
import type { ResourceChange } from '../resource/resource.js';

export interface ChangeLookups {
  /** Position in the change list of the change for an address, if there is one. */
  readonly indexOf: (address: string) => number | undefined;
  /** What the resource of the change at this position depended on when it was observed. */
  readonly observedDependsOn: (index: number) => readonly string[] | undefined;
  /** Tie-break rank of a type: lower ranks are created first and deleted last. */
  readonly typeRank: (type: string) => number;
}

/**
 * Puts changes in the order they can be applied, as one dependency-ordered list:
 *
 * - creates, updates and replaces after what they depend on (desired `dependsOn`);
 * - deletes before what they depended on (observed `dependsOn`, i.e. reverse order);
 * - a delete after every surviving resource that used to depend on it, so a cable is
 *   moved to its new interface before the old interface goes;
 * - otherwise deletes first (freeing names, ports and IPs that creates may reuse), then by
 *   type rank (deletes: highest rank first) and address.
 *
 * Noops keep their place in the list so a caller that wants them sees them in order too.
 * Edges to addresses that are not in the list are ignored (the graph stage reports them).
 * The caller supplies the address lookup so that no second address Map is built.
 */
export function orderChanges(changes: readonly ResourceChange[], lookups: ChangeLookups): ResourceChange[] {
  const { indexOf, observedDependsOn, typeRank } = lookups;
  const all = changes.map((_, i) => i);
  const deletes = all.filter((i) => changes[i].action === 'delete');
  const others = all.filter((i) => changes[i].action !== 'delete');
  const nodes = [
    ...sortByRank(deletes, (i) => -typeRank(changes[i].type), (i) => changes[i].address),
    ...sortByRank(others, (i) => typeRank(changes[i].type), (i) => changes[i].address),
  ];
  const nodeOf = new Int32Array(changes.length); // change index → node number (priority)
  nodes.forEach((c, n) => (nodeOf[c] = n));
  const node = (address: string): number => {
    const c = indexOf(address);
    return c === undefined ? -1 : nodeOf[c];
  };
  const isDelete = (n: number) => n >= 0 && n < deletes.length;

  // deps[n]: nodes that must be applied before node n.
  const deps: number[][] = nodes.map(() => []);
  nodes.forEach((c, n) => {
    const change = changes[c];
    if (isDelete(n)) {
      for (const dependency of change.dependsOn) {
        const m = node(dependency);
        if (isDelete(m)) deps[m].push(n);
      }
      return;
    }
    for (const dependency of change.dependsOn) {
      const m = node(dependency);
      if (m >= 0 && !isDelete(m)) deps[n].push(m);
    }
    for (const former of observedDependsOn(c) ?? []) {
      const m = node(former);
      if (isDelete(m)) deps[m].push(n);
    }
  });
  return topologicalOrder(deps).order.map((n) => changes[nodes[n]]);
}
