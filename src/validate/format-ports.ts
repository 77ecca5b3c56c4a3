/** Port lists in messages, compact and bounded: `[1,2,3,5,9,10]` → `1-3, 5, 9-10`. */

export function formatPorts(ports: readonly number[], maxRuns = 8): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  if (runs.length <= maxRuns) return runs.join(', ');
  return `${runs.slice(0, maxRuns).join(', ')} and ${runs.length - maxRuns} more`;
}

/** `port 5` or `ports 1-3, 5`. */
export function describePorts(ports: readonly number[]): string {
  return `${ports.length === 1 ? 'port' : 'ports'} ${formatPorts(ports)}`;
}
