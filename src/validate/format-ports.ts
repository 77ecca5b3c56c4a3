/**
 * Port lists in messages, compact and bounded, in port-spec notation so they can be
 * pasted back into a spec: `[1,2,3,5,9,11,13]` → `1-3, 5, 9-13:2`.
 */

export function formatPorts(ports: readonly number[], maxParts = 8): string {
  const sorted = [...new Set(ports)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const step = sorted[i + 1] - sorted[i];
    let j = i + 1;
    while (j + 1 < sorted.length && sorted[j + 1] - sorted[j] === step) j++;
    // A run is consecutive ports (two or more) or an even stride of at least three.
    if (j < sorted.length && (step === 1 || j - i >= 2)) {
      parts.push(step === 1 ? `${sorted[i]}-${sorted[j]}` : `${sorted[i]}-${sorted[j]}:${step}`);
      i = j + 1;
    } else {
      parts.push(`${sorted[i]}`);
      i += 1;
    }
  }
  if (parts.length <= maxParts) return parts.join(', ');
  return `${parts.slice(0, maxParts).join(', ')} and ${parts.length - maxParts} more`;
}

/** `port 5` or `ports 1-3, 5`. */
export function describePorts(ports: readonly number[]): string {
  return `${ports.length === 1 ? 'port' : 'ports'} ${formatPorts(ports)}`;
}
