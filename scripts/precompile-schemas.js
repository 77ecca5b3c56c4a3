// Build step: compiles the spec JSON Schemas into standalone ajv validators in
// dist/validate/precompiled-schemas.cjs (CommonJS: the generated code requires ajv's
// runtime helpers), so `diet` does not pay ajv's compile time
// (about a third of planning the canonical case) on every run. The options must match
// src/validate/schema-validators.ts; without this file diet compiles at run time.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = new URL('..', import.meta.url);
const files = { envelope: 'envelope.v1alpha1.json', Cluster: 'cluster.v1alpha1.json', Fabric: 'fabric.v1alpha1.json', Catalog: 'catalog.v1alpha1.json' };
const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, strict: true, code: { source: true } });
const refs = {};
for (const [name, file] of Object.entries(files)) {
  const schema = JSON.parse(readFileSync(new URL(`schemas/${file}`, root), 'utf8'));
  const id = `diet:${name}`;
  ajv.addSchema(schema, id);
  refs[name] = id;
}
const out = new URL('dist/validate/', root);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('precompiled-schemas.cjs', out), standaloneCode.default(ajv, refs));
