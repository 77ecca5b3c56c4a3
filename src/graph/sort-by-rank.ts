/**
 * Sorts items by a numeric rank, then by a name in UTF-16 code-unit order (the same on every
 * machine, unlike `localeCompare`). Used to number graph nodes so that node numbers are the
 * tie-break priorities of `topologicalOrder`. Ranks and names are computed once per item,
 * not once per comparison.
 */
export function sortByRank<T>(items: readonly T[], rank: (item: T) => number, name: (item: T) => string): T[] {
  const ranks = items.map(rank);
  const names = items.map(name);
  const indices = items.map((_, i) => i);
  indices.sort((a, b) => {
    const byRank = ranks[a] - ranks[b];
    if (byRank !== 0) return byRank;
    return names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : a - b;
  });
  return indices.map((i) => items[i]);
}
