/**
 * One plugin port zone (`switch_port_zones[]`) → a diet zone. Zones are listed flat in
 * the plugin, each naming its switch class; diet nests them in their class, so the
 * caller attaches the result by `switchClass`.
 */
import { ALLOCATION_STRATEGIES, ZONE_TYPES } from '../../model/enums.js';
import type { HnpRecord } from './hnp-record.js';
import type { YamlPath } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import type { PlanReferences } from './plan-references.js';
import type { ZoneDoc } from './spec-document.js';

export interface ZoneEntry {
  readonly switchClass: string;
  readonly doc: ZoneDoc;
  /** Where `peer_zone` was written, for reporting an unknown peer later. */
  readonly peerPath: YamlPath;
  readonly path: YamlPath;
}

/** The plugin's defaults; diet has the same ones, so they are not written out. */
const DEFAULT_STRATEGY = 'sequential';
const DEFAULT_PRIORITY = 100;

export function readZone(rec: HnpRecord, refs: PlanReferences): ZoneEntry | undefined {
  const switchClass = rec.str('switch_class', true);
  const name = rec.str('zone_name', true);
  const type = rec.choice('zone_type', ZONE_TYPES, true);
  const ports = rec.str('port_spec', true);
  const breakoutRef = rec.str('breakout_option');
  const breakout = breakoutRef === undefined ? undefined : refs.breakout(breakoutRef, rec.at('breakout_option'));
  const strategy = rec.choice('allocation_strategy', ALLOCATION_STRATEGIES);
  const order = readOrder(rec);
  const priority = rec.int('priority');
  if (priority !== undefined && priority < 1) {
    rec.report.error(IMPORT_CODES.invalidValue, `priority must be at least 1, found ${priority}`, rec.at('priority'));
  }
  const peer = rec.str('peer_zone');
  if (peer !== undefined && !peer.includes('/')) {
    rec.report.error(IMPORT_CODES.invalidValue, `peer_zone '${peer}' must be written 'switch_class_id/zone_name'`, rec.at('peer_zone'));
  }
  const transceiverRef = rec.value('transceiver_module_type');
  const transceiver = transceiverRef === undefined ? undefined : refs.transceiver(transceiverRef, rec.at('transceiver_module_type'));
  rec.finish();
  if (switchClass === undefined || name === undefined || type === undefined || ports === undefined) return undefined;
  const doc: ZoneDoc = {
    name,
    type,
    ports,
    ...(breakout !== undefined ? { breakout } : {}),
    ...(strategy !== undefined && strategy !== DEFAULT_STRATEGY ? { strategy } : {}),
    ...(order !== undefined ? { order } : {}),
    ...(priority !== undefined && priority !== DEFAULT_PRIORITY ? { priority } : {}),
    ...(peer !== undefined ? { peer } : {}),
    ...(transceiver !== undefined ? { transceiver } : {}),
  };
  return { switchClass, doc, peerPath: rec.at('peer_zone'), path: rec.path };
}

/** `allocation_order`: the physical ports of a `custom` zone, in allocation order. */
function readOrder(rec: HnpRecord): number[] | undefined {
  if (!rec.has('allocation_order')) return undefined;
  const order: number[] = [];
  rec.list('allocation_order').forEach((port, i) => {
    if (typeof port === 'number' && Number.isInteger(port)) order.push(port);
    else rec.report.error(IMPORT_CODES.invalidType, 'allocation_order entries must be port numbers', [...rec.at('allocation_order'), i]);
  });
  return order;
}
