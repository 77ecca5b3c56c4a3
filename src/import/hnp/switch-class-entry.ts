/**
 * One plugin switch class (`switch_classes[]`) → a diet switch class, plus the
 * fabric-level facts it carries (fabric name, class, topology mode) that diet keeps on
 * the Fabric document instead.
 */
import { FABRIC_CLASSES, REDUNDANCY_TYPES, SWITCH_ROLES } from '../../model/enums.js';
import type { HnpRecord } from './hnp-record.js';
import type { YamlPath } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import { legacyMclagGroup, toDnsLabel } from './name-rules.js';
import type { PlanReferences } from './plan-references.js';
import type { SwitchClassDoc } from './spec-document.js';

export interface SwitchClassEntry {
  readonly doc: SwitchClassDoc;
  readonly fabric: string;
  readonly fabricClass?: string;
  /** As written; undefined when absent (the plugin stores "" and means spine-leaf). */
  readonly topologyMode?: string;
  readonly path: YamlPath;
}

const TOPOLOGY_MODES = ['spine-leaf', 'mesh'];

const DROPPED = {
  notes: 'free text; diet switch classes have no notes',
  calculated_quantity: 'diet calculates switch counts itself',
};

export function readSwitchClass(rec: HnpRecord, refs: PlanReferences): SwitchClassEntry | undefined {
  const report = rec.report;
  const id = rec.str('switch_class_id') ?? rec.str('id');
  if (rec.has('switch_class_id')) rec.value('id'); // an alias shadowed by the real key
  const fabricName = rec.str('fabric_name');
  const legacyFabric = rec.str('fabric');
  if (fabricName !== undefined && legacyFabric !== undefined && fabricName !== legacyFabric) {
    report.error(IMPORT_CODES.invalidValue, 'fabric and fabric_name must match when both are given', rec.at('fabric'));
  }
  const fabric = fabricName ?? legacyFabric;
  if (id === undefined) report.error(IMPORT_CODES.missingField, 'switch_class_id is required', rec.at('switch_class_id'));
  if (fabric === undefined) report.error(IMPORT_CODES.missingField, 'fabric_name must be a non-blank string', rec.at('fabric_name'));
  const fabricClass = rec.choice('fabric_class', FABRIC_CLASSES);
  const role = rec.choice('hedgehog_role', SWITCH_ROLES);
  const typeRef = rec.str(refs.switchTypeKey, true);
  const deviceType = typeRef === undefined ? '' : refs.switchType(typeRef, rec.at(refs.switchTypeKey));
  const quantity = rec.int('override_quantity');
  const uplinks = rec.int('uplink_ports_per_switch');
  const mclagPair = rec.bool('mclag_pair') ?? false;
  const groups = rec.strings('groups');
  const topologyMode = rec.str('topology_mode');
  if (topologyMode === 'prefer-mesh') {
    report.error(IMPORT_CODES.invalidValue, "topology_mode 'prefer-mesh' is no longer supported", rec.at('topology_mode'), {
      hint: "the plugin renamed it; use 'mesh' for an explicit mesh fabric",
    });
  } else if (topologyMode !== undefined && !TOPOLOGY_MODES.includes(topologyMode)) {
    report.error(IMPORT_CODES.invalidValue, `topology_mode '${topologyMode}' is not one of ${TOPOLOGY_MODES.join(', ')}`, rec.at('topology_mode'));
  }
  const redundancy = readRedundancy(rec, id ?? '', mclagPair);
  rec.finish(DROPPED);
  if (id === undefined || fabric === undefined) return undefined;
  const doc: SwitchClassDoc = {
    id,
    ...(role !== undefined ? { role } : {}),
    deviceType,
    ...(quantity !== undefined ? { quantity } : {}),
    ...(uplinks !== undefined ? { uplinksPerSwitch: uplinks } : {}),
    ...(redundancy ? { redundancy } : {}),
    ...(groups && groups.length > 0 ? { groups } : {}),
    ...(mclagPair ? { mclagPair } : {}),
  };
  return { doc, fabric, ...(fabricClass ? { fabricClass } : {}), ...(topologyMode ? { topologyMode } : {}), path: rec.path };
}

/**
 * `redundancy_type` + `redundancy_group` → `redundancy`. The plugin's model fills in
 * what a legacy `mclag_pair: true` implies (type mclag, group `mclag-<id>`) when it
 * saves the class; diet writes that out so the converted spec states it.
 */
function readRedundancy(rec: HnpRecord, id: string, mclagPair: boolean): SwitchClassDoc['redundancy'] {
  const type = rec.choice('redundancy_type', REDUNDANCY_TYPES);
  const group = rec.str('redundancy_group');
  if (type !== undefined && group !== undefined) return { type, group };
  if (type !== undefined) {
    const derived = `${type}-${toDnsLabel(id.replace(/_/g, '-'), 57) || 'switch'}`;
    rec.report.warning(IMPORT_CODES.legacyRuleApplied, `redundancy_type without redundancy_group; group '${derived}' used`, rec.at('redundancy_type'));
    return { type, group: derived };
  }
  if (group !== undefined) {
    rec.report.warning(IMPORT_CODES.invalidValue, `redundancy_group '${group}' without redundancy_type is not imported`, rec.at('redundancy_group'), {
      hint: 'set redundancy on the switch class, or list the group under groups',
    });
    return undefined;
  }
  if (!mclagPair) return undefined;
  const legacy = legacyMclagGroup(id);
  rec.report.info(IMPORT_CODES.legacyRuleApplied, `mclag_pair: true implies redundancy mclag with group '${legacy}'`, rec.at('mclag_pair'));
  return { type: 'mclag', group: legacy };
}
