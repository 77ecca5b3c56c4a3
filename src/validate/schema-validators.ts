/**
 * The JSON Schemas of schemas/ compiled once with ajv. The schema files ship with the
 * package, beside src/ and dist/, so `../../schemas` resolves from either.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';

export type SpecKind = 'Cluster' | 'Fabric' | 'Catalog';

const SCHEMA_FILES: Readonly<Record<SpecKind | 'envelope', string>> = {
  envelope: 'envelope.v1alpha1.json',
  Cluster: 'cluster.v1alpha1.json',
  Fabric: 'fabric.v1alpha1.json',
  Catalog: 'catalog.v1alpha1.json',
};

export interface SchemaValidators {
  readonly envelope: ValidateFunction;
  readonly kinds: Readonly<Record<SpecKind, ValidateFunction>>;
}

/** Standalone validators written by the build (scripts/precompile-schemas.js), if present. */
type Precompiled = Record<SpecKind | 'envelope', ValidateFunction>;
const precompiled = loadPrecompiled();

function loadPrecompiled(): Precompiled | undefined {
  try {
    return createRequire(import.meta.url)('./precompiled-schemas.cjs') as Precompiled;
  } catch {
    return undefined;
  }
}

let compiled: SchemaValidators | undefined;

/** Reads the schema of a kind (or the envelope) as JSON; exported for tests and docs. */
export function readSchema(kind: SpecKind | 'envelope'): Record<string, unknown> {
  const url = new URL(`../../schemas/${SCHEMA_FILES[kind]}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>;
}

export function schemaValidators(): SchemaValidators {
  if (compiled) return compiled;
  if (precompiled) {
    compiled = { envelope: precompiled.envelope, kinds: { Cluster: precompiled.Cluster, Fabric: precompiled.Fabric, Catalog: precompiled.Catalog } };
    return compiled;
  }
  // verbose: errors carry the failing value and its schema, which the messages use
  // (titles of objects, allowed keys for typo hints, descriptions of patterns).
  // ajv itself is loaded only when the build's precompiled validators are absent.
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true });
  compiled = {
    envelope: ajv.compile(readSchema('envelope')),
    kinds: {
      Cluster: ajv.compile(readSchema('Cluster')),
      Fabric: ajv.compile(readSchema('Fabric')),
      Catalog: ajv.compile(readSchema('Catalog')),
    },
  };
  return compiled;
}
