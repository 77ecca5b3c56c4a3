import { countOf } from './format-value.js';

/** The headline figures a plan shows when the planner provides them, in this order. */
const FIGURES: readonly { keys: readonly string[]; singular: string; plural: string }[] = [
  { keys: ['switches'], singular: 'switch', plural: 'switches' },
  { keys: ['servers'], singular: 'server', plural: 'servers' },
  { keys: ['cables'], singular: 'cable', plural: 'cables' },
  { keys: ['switch_interfaces', 'switchInterfaces'], singular: 'switch interface', plural: 'switch interfaces' },
  { keys: ['devices'], singular: 'device', plural: 'devices' },
];

/**
 * One line of fabric size, e.g. `Topology: 16 switches, 128 servers, 512 cables`. Only
 * whole, non-negative numbers under the known keys are shown; anything else the topology
 * holds is for `--json` readers. Undefined when there is nothing to show.
 */
export function topologyLine(topology: Readonly<Record<string, unknown>>): string | undefined {
  const parts: string[] = [];
  for (const figure of FIGURES) {
    const key = figure.keys.find((k) => Object.hasOwn(topology, k));
    const value = key === undefined ? undefined : topology[key];
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0) parts.push(countOf(value, figure.singular, figure.plural));
  }
  return parts.length > 0 ? `Topology: ${parts.join(', ')}` : undefined;
}
