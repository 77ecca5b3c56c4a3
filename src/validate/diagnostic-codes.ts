/**
 * Diagnostic codes of validation: schema (DIET-S0xx), references and identity
 * (DIET-R1xx), domain rules (DIET-R2xx). Codes are stable: a code keeps its meaning
 * forever, retired codes are not reused. docs/diagnostics.md lists every code here.
 */
import type { DiagnosticCode } from '../spec/load-codes.js';

export const SCHEMA_CODES = {
  apiVersion: { code: 'DIET-S001', severity: 'error', meaning: 'unsupported apiVersion', hint: 'use apiVersion: diet.githedgehog.com/v1alpha1' },
  kind: { code: 'DIET-S002', severity: 'error', meaning: 'unknown document kind', hint: 'kind is one of Cluster, Fabric, Catalog' },
  unknownField: { code: 'DIET-S003', severity: 'error', meaning: 'unknown field', hint: 'remove the field or fix its spelling; docs/spec-reference.md lists every field' },
  missingField: { code: 'DIET-S004', severity: 'error', meaning: 'a required field is missing', hint: 'add the field; docs/spec-reference.md lists the required ones' },
  wrongType: { code: 'DIET-S005', severity: 'error', meaning: 'a value has the wrong type', hint: 'quote strings that look like numbers; write numbers without quotes' },
  notAllowed: { code: 'DIET-S006', severity: 'error', meaning: 'a value is not one of the allowed values', hint: 'use one of the listed values' },
  outOfRange: { code: 'DIET-S007', severity: 'error', meaning: 'a number is outside its allowed range', hint: 'use a value within the given bounds' },
  pattern: { code: 'DIET-S008', severity: 'error', meaning: 'a string does not have the required form', hint: 'see the field in docs/spec-reference.md' },
  size: { code: 'DIET-S009', severity: 'error', meaning: 'a string, list or map is empty or larger than its limit', hint: 'shorten the value or split the list' },
  duplicateItem: { code: 'DIET-S010', severity: 'error', meaning: 'a list that must hold unique items repeats one', hint: 'remove the repeated item' },
  other: { code: 'DIET-S099', severity: 'error', meaning: 'other schema violation', hint: 'compare the document with the JSON Schema in schemas/' },
} as const satisfies Record<string, DiagnosticCode>;

export const REFERENCE_CODES = {
  clusterCount: { code: 'DIET-R101', severity: 'error', meaning: 'the spec set does not hold exactly one Cluster document', hint: 'keep exactly one kind: Cluster document across all spec files' },
  fabricCount: { code: 'DIET-R102', severity: 'error', meaning: 'the spec set holds no Fabric document', hint: 'add at least one kind: Fabric document' },
  duplicateFabric: { code: 'DIET-R103', severity: 'error', meaning: 'two Fabric documents have the same name', hint: 'give each Fabric a unique metadata.name' },
  duplicateSwitchClass: { code: 'DIET-R110', severity: 'error', meaning: 'a switch class id is used twice in the spec set', hint: 'switch class ids are unique across all fabrics' },
  duplicateServerClass: { code: 'DIET-R111', severity: 'error', meaning: 'a server class id is used twice', hint: 'give each server class a unique id' },
  duplicateZone: { code: 'DIET-R112', severity: 'error', meaning: 'a zone name is used twice in one switch class', hint: 'zone names are unique within their switch class' },
  duplicateNic: { code: 'DIET-R113', severity: 'error', meaning: 'a NIC id is used twice in one server class', hint: 'NIC ids are unique within their server class' },
  duplicateConnection: { code: 'DIET-R114', severity: 'error', meaning: 'a connection id is used twice in one server class', hint: 'connection ids are unique within their server class' },
  unknownSwitchType: { code: 'DIET-R120', severity: 'error', meaning: 'unknown switch device type', hint: 'use a built-in switch type (`diet catalog list`) or add it in a Catalog document' },
  unknownServerType: { code: 'DIET-R121', severity: 'error', meaning: 'unknown server device type', hint: 'use a built-in server type (`diet catalog list`) or add it in a Catalog document' },
  unknownNicType: { code: 'DIET-R122', severity: 'error', meaning: 'unknown NIC type', hint: 'use a built-in NIC type (`diet catalog list`) or add it in a Catalog document' },
  unknownZone: { code: 'DIET-R123', severity: 'error', meaning: 'a zone reference names no existing switch class or zone', hint: "write '<switchClassId>/<zoneName>' with an existing class and zone" },
  unknownNic: { code: 'DIET-R124', severity: 'error', meaning: 'a connection names a NIC its server class does not have', hint: 'use the id of one of the server class nics' },
  unknownBreakout: { code: 'DIET-R125', severity: 'error', meaning: 'unknown breakout id', hint: 'use a built-in breakout (`diet catalog list`) or add it in a Catalog document' },
  unknownProfile: { code: 'DIET-R126', severity: 'warning', meaning: 'a catalog switch type names a Hedgehog profile diet does not know', hint: 'diet cannot check ports of unknown profiles; use a built-in profile name if one fits' },
  catalogOverride: { code: 'DIET-R130', severity: 'info', meaning: 'a Catalog entry replaces a built-in entry with the same slug', hint: 'rename the entry if you meant to add a new one' },
  catalogDuplicate: { code: 'DIET-R131', severity: 'warning', meaning: 'two Catalog entries of the spec have the same slug; the later one wins', hint: 'keep one definition per slug' },
} as const satisfies Record<string, DiagnosticCode>;

export const RULE_CODES = {
  portSpec: { code: 'DIET-R201', severity: 'error', meaning: 'a zone port spec is not valid', hint: 'write N, A-B or A-B:S, comma-separated, ports 1-1024' },
  portNotOnDevice: { code: 'DIET-R202', severity: 'error', meaning: 'a zone names a port the switch type does not have', hint: 'use data ports of the switch type (`diet catalog list` shows the port counts)' },
  breakoutNotSupported: { code: 'DIET-R203', severity: 'error', meaning: "a zone's breakout is not a mode its ports support", hint: 'choose a breakout the port supports or move the zone to other ports' },
  zoneOverlap: { code: 'DIET-R204', severity: 'warning', meaning: 'two zones of a switch class share ports (an error with planner.zoneOverlap: error)', hint: 'give each zone its own ports' },
  customOrder: { code: 'DIET-R205', severity: 'error', meaning: 'a custom-strategy zone has no order, or the order is not a permutation of its ports', hint: 'list every port of the zone exactly once in order' },
  orderIgnored: { code: 'DIET-R206', severity: 'warning', meaning: 'a zone has an order but its strategy is not custom; the order is ignored', hint: 'set strategy: custom or remove order' },
  peerZoneType: { code: 'DIET-R207', severity: 'error', meaning: 'a peer is set on a zone that is not an uplink or oob zone', hint: 'peer zones describe switch-to-switch uplinks; set them on uplink or oob zones' },
  ipmiTarget: { code: 'DIET-R210', severity: 'error', meaning: 'an IPMI connection does not target an oob zone', hint: 'point portType: ipmi connections at an oob zone' },
  oobTarget: { code: 'DIET-R211', severity: 'error', meaning: 'a non-IPMI connection targets an oob zone', hint: 'set portType: ipmi or target a server zone' },
  targetZoneType: { code: 'DIET-R212', severity: 'error', meaning: 'a connection targets a zone that is neither server nor oob', hint: 'servers attach to server or oob zones' },
  railMissing: { code: 'DIET-R213', severity: 'error', meaning: 'a rail-optimized connection has no rail', hint: 'add rail: <n> (zero-based)' },
  railIgnored: { code: 'DIET-R214', severity: 'warning', meaning: 'a rail is set on a connection that is not rail-optimized; it is ignored', hint: 'set distribution: rail-optimized or remove rail' },
  bundledNeedsRedundancy: { code: 'DIET-R215', severity: 'error', meaning: 'an alternating bundled/mclag/eslag connection targets a class without redundancy', hint: 'set redundancy on the target switch class (e.g. eslag or mclag)' },
  nicPorts: { code: 'DIET-R216', severity: 'error', meaning: 'a connection uses NIC ports the NIC type does not have', hint: 'lower portIndex or ports, or use a NIC type with more ports' },
  meshQuantity: { code: 'DIET-R220', severity: 'error', meaning: 'a mesh switch class has a fixed quantity other than 2 or 3', hint: 'a mesh fabric has 2 or 3 switches' },
  meshWithSpine: { code: 'DIET-R221', severity: 'error', meaning: 'a mesh fabric has a spine switch class', hint: 'mesh fabrics have no spines; use topology: spine-leaf or remove the spine class' },
  redundancyCapability: { code: 'DIET-R222', severity: 'error', meaning: 'the switch type does not support the redundancy type', hint: 'use a switch type that supports it or another redundancy type' },
  redundancyQuantity: { code: 'DIET-R223', severity: 'error', meaning: 'a fixed quantity does not fit the redundancy type (mclag: even, at least 2; eslag: 2 to 4)', hint: 'change quantity or remove it to let the planner size the class' },
  groupName: { code: 'DIET-R224', severity: 'error', meaning: 'a switch group name is not a DNS-1123 label of at most 63 characters', hint: "use lower-case letters, digits and '-', starting and ending with a letter or digit" },
  nameTooLong: { code: 'DIET-R230', severity: 'warning', meaning: 'device names derived from a class id exceed 63 characters', hint: 'Kubernetes names and label values hold at most 63 characters; shorten the id' },
  adoptUnknown: { code: 'DIET-R240', severity: 'warning', meaning: 'spec.adopt names an object the spec does not want; nothing is adopted for it', hint: 'adopt lists slugs (sites, manufacturers, deviceRoles, deviceTypes) and device names the spec plans; fix the name or remove it' },
  nameCollision: { code: 'DIET-R231', severity: 'error', meaning: 'two class ids give the same device names once lower-cased and sanitized', hint: "ids differing only in case or in '_' versus '-' name the same devices; rename one" },
} as const satisfies Record<string, DiagnosticCode>;
