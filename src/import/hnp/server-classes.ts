/**
 * Server classes, their NICs and their connections → diet server classes. The plugin
 * lists NICs and connections flat, each naming its server class; diet nests them, so
 * every cross-reference (class, NIC, target zone) is checked here while nesting.
 */
import { SERVER_CATEGORIES } from '../../model/enums.js';
import { readConnection } from './connection-entry.js';
import { HnpRecord } from './hnp-record.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import type { PlanReferences } from './plan-references.js';
import type { ConnectionDoc, NicDoc, ServerClassDoc } from './spec-document.js';

interface Building {
  readonly doc: ServerClassDoc;
  readonly nics: NicDoc[];
  readonly connections: ConnectionDoc[];
}

function records(report: ImportReport, root: HnpRecord, key: string): HnpRecord[] {
  return root.list(key).flatMap((raw, i) => HnpRecord.of(report, [...root.at(key), i], raw) ?? []);
}

export function readServerClasses(
  report: ImportReport,
  root: HnpRecord,
  refs: PlanReferences,
  zones: ReadonlySet<string>,
): ServerClassDoc[] {
  const classes = new Map<string, Building>();
  for (const rec of records(report, root, 'server_classes')) {
    const doc = readServerClass(rec, refs);
    if (!doc) continue;
    if (classes.has(doc.id)) report.error(IMPORT_CODES.duplicateId, `server class '${doc.id}' is defined twice`, rec.path);
    else classes.set(doc.id, { doc, nics: [], connections: [] });
  }

  for (const rec of records(report, root, 'server_nics')) {
    const serverClass = rec.str('server_class', true);
    const id = rec.str('nic_id', true);
    const moduleType = rec.value('module_type');
    if (moduleType === undefined) report.error(IMPORT_CODES.missingField, 'module_type is required', rec.at('module_type'));
    const type = moduleType === undefined ? undefined : refs.nicType(moduleType, rec.at('module_type'));
    const description = rec.str('description');
    rec.finish();
    if (serverClass === undefined || id === undefined || type === undefined) continue;
    const owner = classes.get(serverClass);
    if (!owner) report.error(IMPORT_CODES.unknownReference, `NIC '${id}' names unknown server class '${serverClass}'`, rec.at('server_class'));
    else if (owner.nics.some((n) => n.id === id)) report.error(IMPORT_CODES.duplicateId, `NIC '${id}' is defined twice on '${serverClass}'`, rec.at('nic_id'));
    else owner.nics.push({ id, type, ...(description !== undefined ? { description } : {}) });
  }

  for (const rec of records(report, root, 'server_connections')) {
    const entry = readConnection(rec, refs);
    if (!entry) continue;
    const { serverClass, doc } = entry;
    const owner = classes.get(serverClass);
    if (!owner) {
      report.error(IMPORT_CODES.unknownReference, `connection '${doc.id}' names unknown server class '${serverClass}'`, rec.at('server_class'));
      continue;
    }
    if (owner.connections.some((c) => c.id === doc.id)) {
      report.error(IMPORT_CODES.duplicateId, `connection '${doc.id}' is defined twice on '${serverClass}'`, rec.at('connection_id'));
      continue;
    }
    if (!owner.nics.some((n) => n.id === doc.nic)) {
      report.error(IMPORT_CODES.unknownReference, `unknown nic '${doc.nic}' for server class '${serverClass}'`, rec.at('nic'), {
        hint: 'declare it under server_nics',
      });
    }
    if (!zones.has(doc.target)) {
      report.error(IMPORT_CODES.unknownReference, `unknown target_zone '${doc.target}'`, rec.at('target_zone'), {
        hint: "write it as 'switch_class_id/zone_name'",
      });
    }
    owner.connections.push(doc);
  }

  return [...classes.values()].map(({ doc, nics, connections }) => ({
    ...doc,
    ...(nics.length > 0 ? { nics } : {}),
    ...(connections.length > 0 ? { connections } : {}),
  }));
}

function readServerClass(rec: HnpRecord, refs: PlanReferences): ServerClassDoc | undefined {
  const id = rec.str('server_class_id') ?? rec.str('id');
  if (rec.has('server_class_id')) rec.value('id'); // an alias shadowed by the real key
  if (id === undefined) rec.report.error(IMPORT_CODES.missingField, 'server_class_id is required', rec.at('server_class_id'));
  const description = rec.str('description');
  const category = rec.choice('category', SERVER_CATEGORIES);
  const quantity = rec.int('quantity', true);
  const gpus = rec.int('gpus_per_server');
  const typeRef = rec.str('server_device_type', true);
  const deviceType = typeRef === undefined ? undefined : refs.serverType(typeRef, rec.at('server_device_type'));
  rec.finish({ notes: 'free text; diet server classes have no notes' });
  if (id === undefined || quantity === undefined || deviceType === undefined) return undefined;
  return {
    id,
    ...(description !== undefined ? { description } : {}),
    ...(category !== undefined ? { category } : {}),
    quantity,
    ...(gpus !== undefined && gpus !== 0 ? { gpusPerServer: gpus } : {}),
    deviceType,
  };
}
