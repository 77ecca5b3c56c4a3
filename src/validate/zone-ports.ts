/** The physical ports of a zone as rules and the model see them. */
import { parsePortSpec, type PortSpecResult } from '../model/port-spec.js';
import type { ZoneDocument } from './spec-documents.js';

/** The port spec as text: YAML reads `ports: 64` as a number. */
export function portSpecText(zone: ZoneDocument): string {
  return String(zone.ports);
}

export function parseZonePorts(zone: ZoneDocument): PortSpecResult {
  return parsePortSpec(portSpecText(zone));
}

/** Parsed ports, or undefined when the spec is invalid (the port-spec rule reports it). */
export function zonePorts(zone: ZoneDocument): readonly number[] | undefined {
  const result = parseZonePorts(zone);
  return 'ports' in result ? result.ports : undefined;
}
