/** Peers describe switch-to-switch uplinks, so only uplink and oob zones may have one. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { RULE_CODES } from '../diagnostic-codes.js';
import { zoneLabel } from '../entry-labels.js';
import { keyRangeOf, type RuleContext } from '../rule-context.js';

const PEER_ZONE_TYPES: ReadonlySet<string> = new Set(['uplink', 'oob']);

export function checkPeerZones(ctx: RuleContext): Diagnostic[] {
  return ctx.zones
    .filter((zone) => zone.value.peer !== undefined && !PEER_ZONE_TYPES.has(zone.value.type))
    .map((zone) =>
      createDiagnostic(RULE_CODES.peerZoneType, `${zoneLabel(zone)} is a ${zone.value.type} zone and cannot have a peer`, keyRangeOf(zone, 'peer')),
    );
}
