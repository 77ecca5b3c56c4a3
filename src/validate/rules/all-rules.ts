/**
 * Every validation rule, in one list. Rules are independent of each other and
 * validateSpec sorts their findings by location, so the order here is only for reading:
 * spec-set structure, references, zones, connections, switch classes, names.
 */
import { checkBreakoutReferences } from './breakout-references.js';
import { checkBreakoutSupport } from './breakout-support.js';
import { checkBundledRedundancy } from './bundled-redundancy.js';
import { checkConnectionTargets } from './connection-targets.js';
import { checkCustomOrder } from './custom-order.js';
import { checkDeviceTypes } from './device-types.js';
import { checkDocumentCounts } from './document-counts.js';
import { checkGroupNames } from './group-names.js';
import { checkKubernetesNames } from './kubernetes-names.js';
import { checkMeshTopology } from './mesh-topology.js';
import { checkNicPortRange } from './nic-port-range.js';
import { checkNicReferences } from './nic-references.js';
import { checkPeerZones } from './peer-zones.js';
import { checkPortSpecs } from './port-specs.js';
import { checkPortsOnDevice } from './ports-on-device.js';
import { checkRails } from './rail-optimized.js';
import { checkRedundancyCapability } from './redundancy-capability.js';
import { checkRedundancyQuantity } from './redundancy-quantity.js';
import type { Rule } from './rule.js';
import { checkUniqueIds } from './unique-ids.js';
import { checkZoneOverlaps } from './zone-overlaps.js';
import { checkZoneReferences } from './zone-references.js';

export const RULES: readonly Rule[] = [
  checkDocumentCounts,
  checkUniqueIds,
  checkDeviceTypes,
  checkNicReferences,
  checkZoneReferences,
  checkBreakoutReferences,
  checkPortSpecs,
  checkPortsOnDevice,
  checkBreakoutSupport,
  checkZoneOverlaps,
  checkCustomOrder,
  checkPeerZones,
  checkConnectionTargets,
  checkRails,
  checkBundledRedundancy,
  checkNicPortRange,
  checkMeshTopology,
  checkRedundancyCapability,
  checkRedundancyQuantity,
  checkGroupNames,
  checkKubernetesNames,
];
