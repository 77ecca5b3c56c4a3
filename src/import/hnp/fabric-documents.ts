/**
 * Switch classes and port zones → one Fabric document per fabric name. In the plugin
 * fabric class and topology mode are per switch class; diet states them once per
 * fabric, so classes that disagree are reported rather than silently merged.
 */
import { HnpRecord } from './hnp-record.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import type { PlanReferences } from './plan-references.js';
import { readSwitchClass, type SwitchClassEntry } from './switch-class-entry.js';
import { readZone, type ZoneEntry } from './zone-entry.js';
import { specDocument, type FabricDocument, type ZoneDoc } from './spec-document.js';

/** The plugin's legacy rule when `fabric_class` is absent (services/_fabric_utils.py). */
const LEGACY_MANAGED_FABRICS = ['frontend', 'backend'];

export interface FabricsResult {
  readonly fabrics: FabricDocument[];
  /** Every `switchClass/zone` defined, for checking connection targets. */
  readonly zones: ReadonlySet<string>;
}

function records(report: ImportReport, root: HnpRecord, key: string): HnpRecord[] {
  return root.list(key).flatMap((raw, i) => HnpRecord.of(report, [...root.at(key), i], raw) ?? []);
}

export function readFabrics(report: ImportReport, root: HnpRecord, refs: PlanReferences): FabricsResult {
  const classes: SwitchClassEntry[] = [];
  for (const rec of records(report, root, 'switch_classes')) {
    const entry = readSwitchClass(rec, refs);
    if (!entry) continue;
    if (classes.some((c) => c.doc.id === entry.doc.id)) {
      report.error(IMPORT_CODES.duplicateId, `switch class '${entry.doc.id}' is defined twice`, entry.path);
      continue;
    }
    classes.push(entry);
  }
  const zonesByClass = new Map<string, ZoneDoc[]>(classes.map((c) => [c.doc.id, []]));
  const entries: ZoneEntry[] = [];
  for (const rec of records(report, root, 'switch_port_zones')) {
    const zone = readZone(rec, refs);
    if (!zone) continue;
    const list = zonesByClass.get(zone.switchClass);
    if (!list) {
      report.error(IMPORT_CODES.unknownReference, `zone '${zone.doc.name}' names unknown switch class '${zone.switchClass}'`, [...zone.path, 'switch_class']);
    } else if (list.some((z) => z.name === zone.doc.name)) {
      report.error(IMPORT_CODES.duplicateId, `zone '${zone.doc.name}' is defined twice on '${zone.switchClass}'`, zone.path);
    } else {
      list.push(zone.doc);
      entries.push(zone);
    }
  }
  const zones = new Set(entries.map((z) => `${z.switchClass}/${z.doc.name}`));
  for (const zone of entries) {
    if (zone.doc.peer !== undefined && !zones.has(zone.doc.peer)) {
      report.error(IMPORT_CODES.unknownReference, `unknown peer_zone '${zone.doc.peer}'`, zone.peerPath);
    }
  }
  const fabricNames = [...new Set(classes.map((c) => c.fabric))];
  const fabrics = fabricNames.map((name) => {
    const members = classes.filter((c) => c.fabric === name);
    return specDocument('Fabric', name, {
      class: fabricClass(report, name, members),
      topology: topology(report, name, members),
      switchClasses: members.map((c) => {
        const zoneDocs = zonesByClass.get(c.doc.id) ?? [];
        return zoneDocs.length > 0 ? { ...c.doc, zones: zoneDocs } : c.doc;
      }),
    });
  });
  return { fabrics, zones };
}

function fabricClass(report: ImportReport, fabric: string, members: readonly SwitchClassEntry[]): string {
  const stated = members.filter((c) => c.fabricClass !== undefined);
  const values = [...new Set(stated.map((c) => c.fabricClass as string))];
  if (values.length > 1) {
    const list = stated.map((c) => `${c.doc.id}: ${c.fabricClass}`).join(', ');
    report.error(IMPORT_CODES.fabricConflict, `switch classes of fabric '${fabric}' disagree on fabric_class (${list})`, stated[1].path, {
      hint: 'diet has one class per fabric: split the fabric or make the classes agree',
    });
  }
  if (values.length > 0) return values[0];
  const derived = LEGACY_MANAGED_FABRICS.includes(fabric) ? 'managed' : 'unmanaged';
  report.info(IMPORT_CODES.legacyRuleApplied, `fabric '${fabric}' has no fabric_class; '${derived}' by the plugin's fabric-name rule`, members[0].path);
  return derived;
}

/** Spine classes do not take part: the plugin requires agreement among the others only. */
function topology(report: ImportReport, fabric: string, members: readonly SwitchClassEntry[]): string {
  const others = members.filter((c) => c.doc.role !== 'spine');
  const modes = others.map((c) => (c.topologyMode === 'mesh' ? 'mesh' : 'spine-leaf'));
  if (new Set(modes).size > 1) {
    const list = others.map((c, i) => `${c.doc.id}: ${modes[i]}`).join(', ');
    report.error(IMPORT_CODES.fabricConflict, `non-spine switch classes of fabric '${fabric}' disagree on topology_mode (${list})`, others[modes.indexOf('mesh')].path);
  }
  return modes.includes('mesh') ? 'mesh' : 'spine-leaf';
}
