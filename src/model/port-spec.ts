/**
 * Port-spec grammar of switch port zones: comma-separated parts, each `N`, `A-B` or
 * `A-B:S` (every S-th port from A to B). Whitespace around parts, `-` and `:` is
 * tolerated. The result is the sorted set of physical port numbers.
 */

/** Highest physical port number a spec may name (the reference planner's limit). */
export const MAX_PORT_NUMBER = 1024;

export type PortSpecResult = { readonly ports: readonly number[] } | { readonly error: string };

export function parsePortSpec(spec: string): PortSpecResult {
  if (spec.trim() === '') return { error: 'port spec is empty' };
  const ports = new Set<number>();
  for (const rawPart of spec.split(',')) {
    const part = rawPart.trim();
    const result = parsePart(part);
    if ('error' in result) return result;
    for (const port of result.ports) ports.add(port);
  }
  return { ports: [...ports].sort((a, b) => a - b) };
}

function parsePart(part: string): PortSpecResult {
  if (part === '') return { error: 'empty part in port spec (check for a stray comma)' };
  const colonParts = part.split(':');
  if (colonParts.length > 2) return { error: `'${part}' has more than one ':'` };
  const [rangeText, stepText] = colonParts;
  // A leading '-' is not a range separator: '-5' is read as the number -5 and rejected.
  const dash = rangeText.indexOf('-', 1);
  if (dash < 0) {
    if (stepText !== undefined) return { error: `'${part}': a step needs a range, write A-B:S` };
    const port = parsePort(rangeText);
    return typeof port === 'string' ? { error: port } : { ports: [port] };
  }
  const startText = rangeText.slice(0, dash);
  const endText = rangeText.slice(dash + 1);
  if (startText.trim() === '' || endText.trim() === '' || endText.includes('-')) {
    return { error: `'${part}' is not a valid range, write A-B` };
  }
  const start = parsePort(startText);
  if (typeof start === 'string') return { error: start };
  const end = parsePort(endText);
  if (typeof end === 'string') return { error: end };
  if (start > end) return { error: `range '${rangeText.trim()}' starts after it ends` };
  const step = stepText === undefined ? 1 : parseStep(stepText);
  if (typeof step === 'string') return { error: step };
  const ports: number[] = [];
  for (let port = start; port <= end; port += step) ports.push(port);
  return { ports };
}

/** Returns the port number, or an error message. */
function parsePort(text: string): number | string {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return `'${trimmed}' is not a port number`;
  const port = Number(trimmed);
  if (port <= 0) return `port ${port} must be positive`;
  if (port > MAX_PORT_NUMBER) return `port ${port} exceeds maximum port number (${MAX_PORT_NUMBER})`;
  return port;
}

function parseStep(text: string): number | string {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return `step '${trimmed}' is not an integer`;
  const step = Number(trimmed);
  if (step <= 0) return `step must be a positive integer, got ${step}`;
  return step;
}
