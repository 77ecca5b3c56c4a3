/**
 * One plugin server connection (`server_connections[]`) → a diet connection. Like
 * zones, connections are listed flat in the plugin and nested under their server class
 * in diet; the caller attaches the result by `serverClass`.
 */
import { CONNECTION_TYPES, DISTRIBUTIONS, PORT_TYPES } from '../../model/enums.js';
import type { HnpRecord } from './hnp-record.js';
import type { YamlPath } from './hnp-source.js';
import type { PlanReferences } from './plan-references.js';
import type { ConnectionDoc } from './spec-document.js';

export interface ConnectionEntry {
  readonly serverClass: string;
  readonly doc: ConnectionDoc;
  readonly path: YamlPath;
}

const REMOVED = 'removed from the plugin model (migration 0051); optics are described by transceiver_module_type';

const DROPPED = {
  cage_type: REMOVED,
  medium: REMOVED,
  connector: REMOVED,
  standard: REMOVED,
  notes: 'free text; diet connections have no notes',
};

/** Keys the plugin's ingest rejects outright (a "clean break"), with its advice. */
const DEPRECATED = {
  target_switch_class: "no longer supported by the plugin; use target_zone: 'switch_class_id/zone_name'",
  nic_module_type: 'no longer supported by the plugin (DIET-294); declare the NIC under server_nics and name it with nic',
};

/** The plugin's defaults, which diet shares; they are not written out. */
const DEFAULT_PORT_INDEX = 0;
const DEFAULT_TYPE = 'unbundled';

export function readConnection(rec: HnpRecord, refs: PlanReferences): ConnectionEntry | undefined {
  const serverClass = rec.str('server_class', true);
  const id = rec.str('connection_id', true);
  const name = rec.str('connection_name');
  const nic = rec.str('nic', true);
  const portIndex = rec.int('port_index');
  const ports = rec.int('ports_per_connection', true);
  const speed = rec.int('speed', true);
  const distribution = rec.choice('distribution', DISTRIBUTIONS);
  const rail = rec.int('rail');
  const type = rec.choice('hedgehog_conn_type', CONNECTION_TYPES);
  const target = rec.str('target_zone', true);
  const portType = rec.choice('port_type', PORT_TYPES);
  const transceiverRef = rec.value('transceiver_module_type');
  const transceiver = transceiverRef === undefined ? undefined : refs.transceiver(transceiverRef, rec.at('transceiver_module_type'));
  rec.finish(DROPPED, DEPRECATED);
  if (serverClass === undefined || id === undefined || nic === undefined) return undefined;
  if (ports === undefined || speed === undefined || target === undefined) return undefined;
  const doc: ConnectionDoc = {
    id,
    ...(name !== undefined ? { name } : {}),
    nic,
    ...(portIndex !== undefined && portIndex !== DEFAULT_PORT_INDEX ? { portIndex } : {}),
    ports,
    speed,
    ...(distribution !== undefined ? { distribution } : {}),
    ...(rail !== undefined ? { rail } : {}),
    ...(type !== undefined && type !== DEFAULT_TYPE ? { type } : {}),
    target,
    ...(portType !== undefined ? { portType } : {}),
    ...(transceiver !== undefined ? { transceiver } : {}),
  };
  return { serverClass, doc, path: rec.path };
}
