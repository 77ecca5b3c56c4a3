import { describe, expect, it } from 'vitest';
import {
  ALLOCATION_STRATEGIES,
  CONNECTION_TYPES,
  DISTRIBUTIONS,
  FABRIC_CLASSES,
  PORT_TYPES,
  REDUNDANCY_TYPES,
  SERVER_CATEGORIES,
  SWITCH_ROLES,
  TOPOLOGY_MODES,
  ZONE_TYPES,
} from '../../../src/model/enums.js';
import { readSchema, schemaValidators, type SpecKind } from '../../../src/validate/schema-validators.js';

type Json = Record<string, unknown>;
const KINDS: SpecKind[] = ['Cluster', 'Fabric', 'Catalog'];

/** Every subschema with its JSON path inside the schema file. */
function* subschemas(schema: Json, path = '#'): Generator<[string, Json]> {
  yield [path, schema];
  for (const [key, value] of Object.entries((schema.properties as Json | undefined) ?? {})) {
    yield* subschemas(value as Json, `${path}/properties/${key}`);
  }
  if (schema.items) yield* subschemas(schema.items as Json, `${path}/items`);
}

const at = (schema: Json, ...keys: string[]): Json =>
  keys.reduce<Json>((node, key) => (key === '[]' ? (node.items as Json) : ((node.properties as Json)[key] as Json)), schema);

const withoutBlank = (values: readonly string[]) => values.filter((v) => v !== '').sort();

describe('schemas/*.json', () => {
  it('compile with ajv', () => {
    expect(Object.keys(schemaValidators().kinds).sort()).toEqual(['Catalog', 'Cluster', 'Fabric']);
  });

  it.each(KINDS)('%s: closed objects and size limits everywhere', (kind) => {
    const problems: string[] = [];
    for (const [path, node] of subschemas(readSchema(kind))) {
      const types = ([] as unknown[]).concat(node.type ?? []);
      if (types.includes('object') && (node.additionalProperties !== false || node.maxProperties === undefined)) problems.push(`${path}: open object`);
      if (types.includes('array') && node.maxItems === undefined) problems.push(`${path}: array without maxItems`);
      if (types.includes('string') && node.maxLength === undefined && node.enum === undefined) problems.push(`${path}: string without maxLength`);
      if (types.includes('integer') && node.minimum === undefined) problems.push(`${path}: integer without minimum`);
    }
    expect(problems).toEqual([]);
  });

  it('enums match src/model/enums.ts (blank values are the schema’s "absent")', () => {
    const cluster = readSchema('Cluster');
    const fabric = readSchema('Fabric');
    const connection = at(cluster, 'spec', 'serverClasses', '[]', 'connections', '[]');
    const switchClass = at(fabric, 'spec', 'switchClasses', '[]');
    const zone = at(switchClass, 'zones', '[]');
    const enumOf = (node: Json) => [...(node.enum as string[])].sort();
    expect(enumOf(at(fabric, 'spec', 'class'))).toEqual(withoutBlank(FABRIC_CLASSES));
    expect(enumOf(at(fabric, 'spec', 'topology'))).toEqual(withoutBlank(TOPOLOGY_MODES));
    expect(enumOf(at(switchClass, 'role'))).toEqual(withoutBlank(SWITCH_ROLES));
    expect(enumOf(at(switchClass, 'redundancy', 'type'))).toEqual(withoutBlank(REDUNDANCY_TYPES));
    expect(enumOf(at(zone, 'type'))).toEqual(withoutBlank(ZONE_TYPES));
    expect(enumOf(at(zone, 'strategy'))).toEqual(withoutBlank(ALLOCATION_STRATEGIES));
    expect(enumOf(at(connection, 'distribution'))).toEqual(withoutBlank(DISTRIBUTIONS));
    expect(enumOf(at(connection, 'type'))).toEqual(withoutBlank(CONNECTION_TYPES));
    expect(enumOf(at(connection, 'portType'))).toEqual(withoutBlank(PORT_TYPES));
    expect(enumOf(at(cluster, 'spec', 'serverClasses', '[]', 'category'))).toEqual(withoutBlank(SERVER_CATEGORIES));
  });

  it('id patterns are the documented ones', () => {
    const cluster = readSchema('Cluster');
    const serverClass = at(cluster, 'spec', 'serverClasses', '[]');
    expect(at(serverClass, 'nics', '[]', 'id').pattern).toBe('^[a-zA-Z0-9][a-zA-Z0-9_-]*$');
    expect(at(serverClass, 'connections', '[]', 'id').pattern).toBe('^[a-zA-Z0-9_-]+$');
    expect(at(cluster, 'metadata', 'name').pattern).toBe('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$');
  });
});
