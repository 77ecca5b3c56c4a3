/** Server classes of the model: defaults applied, connection targets resolved to ZoneRefs. */
import type { ServerClass, ServerConnection } from '../model/fabric-model.js';
import { omitUndefined } from './omit-undefined.js';
import { child, rangeOf, type Located } from './rule-context.js';
import type { ConnectionDocument, ServerClassDocument } from './spec-documents.js';
import { parseZoneRef } from './zone-ref.js';

export function buildServerClass(entry: Located<ServerClassDocument>): ServerClass {
  const value = entry.value;
  return omitUndefined({
    id: value.id,
    description: value.description,
    category: value.category ?? '',
    quantity: value.quantity,
    gpusPerServer: value.gpusPerServer ?? 0,
    deviceType: value.deviceType,
    nics: (value.nics ?? []).map((nic, i) =>
      omitUndefined({ id: nic.id, type: nic.type, description: nic.description, origin: rangeOf(entry, 'nics', i) }),
    ),
    connections: (value.connections ?? []).map((connection, i) => buildConnection(child(entry, connection, 'connections', i))),
    origin: rangeOf(entry),
  });
}

function buildConnection(entry: Located<ConnectionDocument>): ServerConnection {
  const value = entry.value;
  return omitUndefined({
    id: value.id,
    name: value.name,
    nic: value.nic,
    portIndex: value.portIndex ?? 0,
    ports: value.ports,
    speed: value.speed,
    distribution: value.distribution ?? '',
    type: value.type ?? 'unbundled',
    target: parseZoneRef(value.target),
    rail: value.rail,
    portType: value.portType ?? '',
    transceiver: value.transceiver,
    origin: rangeOf(entry),
  });
}
