/**
 * A zone's breakout is a mode each of its ports supports: breakout ports must list it
 * (`4x200g` ~ `4x200G`), speed ports (direct/group) take only a one-lane breakout at one
 * of their speeds (`1x25g` on a `25G` port). Only profile ports are known well enough.
 */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { parseProfileMode } from '../../catalog/profile-modes.js';
import type { Breakout, ProfilePort } from '../../model/catalog-types.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { describePorts } from '../format-ports.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { zonePorts } from '../zone-ports.js';

export function portSupportsBreakout(port: ProfilePort, breakout: Breakout): boolean {
  if (port.kind === 'breakout') return port.supportedModes.some((mode) => mode.toLowerCase() === breakout.id);
  if (breakout.logicalPorts !== 1) return false;
  return port.supportedModes.some((mode) => {
    const parsed = parseProfileMode(mode);
    return parsed !== undefined && !parsed.breakout && parsed.speedGbps === breakout.logicalSpeed;
  });
}

export function checkBreakoutSupport(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const zone of ctx.zones) {
    const id = zone.value.breakout?.toLowerCase();
    const breakout = id === undefined ? undefined : ctx.catalog.breakouts.get(id);
    const type = ctx.catalog.switchTypes.get(zone.switchClass.value.deviceType);
    const ports = zonePorts(zone.value);
    if (!breakout || !type || !ports || type.ports.length === 0) continue;
    const byNumber = new Map(type.ports.map((port) => [port.port, port]));
    // Ports missing from the profile are reported by the ports-on-device rule.
    const failing = ports.flatMap((number) => {
      const port = byNumber.get(number);
      return port && !portSupportsBreakout(port, breakout) ? [port] : [];
    });
    if (failing.length === 0) continue;
    const first = failing[0];
    const summary = `${zoneLabel(zone)}: breakout ${breakout.id} is not supported on ${describePorts(failing.map((p) => p.port))} of ${type.slug}`;
    const hint = `port ${first.port} (${first.profile}) supports ${first.supportedModes.join(', ')}`;
    out.push(createDiagnostic(RULE_CODES.breakoutNotSupported, summary, rangeOf(zone, 'breakout'), hint));
  }
  return out;
}
