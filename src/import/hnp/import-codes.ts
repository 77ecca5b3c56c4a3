/**
 * Diagnostic codes of `diet import hnp`, documented in docs/import-hnp.md. Codes are
 * stable: tests and users match on them, so a code is never reused for another meaning.
 */
export const IMPORT_CODES = {
  /** The file is not valid YAML. */
  yamlSyntax: 'DIET-I001',
  /** The YAML is neither a v1 nor a v2 plugin plan. */
  notAPlan: 'DIET-I002',
  /** The file holds more than one YAML document; only the first is a plan. */
  extraDocuments: 'DIET-I003',
  /** A required key is missing or empty. */
  missingField: 'DIET-I010',
  /** A value has the wrong type (string, integer, boolean, list, mapping). */
  invalidType: 'DIET-I011',
  /** A value is not one the plugin (and diet) accepts. */
  invalidValue: 'DIET-I012',
  /** A reference names nothing defined in the case. */
  unknownReference: 'DIET-I020',
  /** An id is defined twice where it must be unique. */
  duplicateId: 'DIET-I021',
  /** A v2 reference is not in test_fixtures nor in diet's built-in catalog. */
  notInCatalog: 'DIET-I022',
  /** A v2 reference was mapped to a built-in catalog entry with another name. */
  mappedToBuiltin: 'DIET-I023',
  /** Switch classes of one fabric disagree on fabric class or topology mode. */
  fabricConflict: 'DIET-I030',
  /** A key the plugin rejects as deprecated or removed. */
  deprecatedKey: 'DIET-I040',
  /** A plugin key diet does not model; it is dropped (the reason is given). */
  droppedKey: 'DIET-I050',
  /** Transceiver module types are not catalog entries in diet; only their model is kept. */
  transceiverDropped: 'DIET-I051',
  /** A key that is not part of the plugin's format at all; it is ignored. */
  unknownKey: 'DIET-I052',
  /** diet imports something the plugin's own ingest would have ignored. */
  ingestDifference: 'DIET-I053',
  /** A plugin default or legacy rule was written out explicitly. */
  legacyRuleApplied: 'DIET-I060',
} as const;

export type ImportCode = (typeof IMPORT_CODES)[keyof typeof IMPORT_CODES];
