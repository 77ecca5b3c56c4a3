import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { PlanDocumentError } from '../../../src/diag/errors.js';
import { createPlan, planHasChanges } from '../../../src/plan/create-plan.js';
import { readPlanDocument } from '../../../src/plan/read-plan-document.js';
import { serializePlanDocument } from '../../../src/plan/serialize-plan-document.js';
import { computePlanDigest, toPlanDocument } from '../../../src/plan/to-plan-document.js';
import { canonicalJson } from '../../../src/resource/canonical-json.js';
import type { ResourceChange } from '../../../src/resource/resource.js';
import { smallPlan } from '../../support/small-plan.js';

const fixture = new URL('../../fixtures/plan/small-plan.json', import.meta.url);
const schema = JSON.parse(readFileSync(new URL('../../../schemas/plan-document.v1.json', import.meta.url), 'utf8'));
const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);

function change(action: ResourceChange['action'], key: string, extra: Partial<ResourceChange> = {}): ResourceChange {
  return { address: `netbox.t[${key}]`, target: 'netbox', type: 't', key, action, attrChanges: [], dependsOn: [], ...extra };
}

function readError(text: string): PlanDocumentError {
  try {
    readPlanDocument(text);
  } catch (error) {
    if (error instanceof PlanDocumentError) return error;
    throw error;
  }
  throw new Error('expected a PlanDocumentError');
}

describe('plan document', () => {
  it('serializes the small plan to exactly the golden canonical text', () => {
    expect(serializePlanDocument(toPlanDocument(smallPlan()))).toBe(readFileSync(fixture, 'utf8'));
  });

  it('serializes a copy of a document to the same bytes as the document it was made from', () => {
    const doc = toPlanDocument(smallPlan());
    const copy = JSON.parse(JSON.stringify(doc));
    expect(serializePlanDocument(copy)).toBe(serializePlanDocument(doc));
    expect(serializePlanDocument(doc)).toBe(`${canonicalJson(doc)}\n`);
    const { digest, ...body } = copy;
    expect(computePlanDigest(body)).toBe(digest);
  });

  it('matches its JSON Schema', () => {
    const doc = toPlanDocument(smallPlan());
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('reads back what it wrote, also when re-indented with other key order', () => {
    const doc = toPlanDocument(smallPlan());
    expect(readPlanDocument(serializePlanDocument(doc))).toEqual(doc);
    const reordered = { digest: doc.digest, ...doc };
    expect(readPlanDocument(JSON.stringify(reordered, null, 4))).toEqual(doc);
  });

  it('counts a replace as an add and a destroy, and lists no noops', () => {
    const plan = createPlan({
      cluster: 'c',
      changes: [change('create', 'a'), change('update', 'b'), change('delete', 'c'), change('replace', 'd'), change('noop', 'e'), change('noop', 'f')],
      topology: {},
      baseline: { kind: 'empty' },
      dietVersion: '0.0.0',
      specDigest: 'x',
    });
    expect(plan.summary).toEqual({ add: 2, change: 1, destroy: 2, replace: 1, noop: 2 });
    expect(planHasChanges(plan.summary)).toBe(true);
    const doc = toPlanDocument(plan);
    expect(doc.resource_changes.map((c) => c.action)).toEqual(['create', 'update', 'delete', 'replace']);
    expect(doc.baseline).toEqual({ kind: 'empty', snapshot_id: null, fingerprints: {} });
    expect(planHasChanges({ add: 0, change: 0, destroy: 0, replace: 0, noop: 5 })).toBe(false);
  });

  it('writes depends_on sorted and without repeats, and origin as null when unknown', () => {
    const plan = createPlan({ cluster: 'c', changes: [change('create', 'a', { dependsOn: ['z', 'b', 'z'] })], topology: {}, baseline: { kind: 'live' }, dietVersion: '0', specDigest: 'x' });
    expect(toPlanDocument(plan).resource_changes[0]).toMatchObject({ depends_on: ['b', 'z'], origin: null, before: null });
  });

  it('writes ownership only on changes that adopt or release, and reads it back; the JSON Schema agrees', () => {
    const adopt = change('update', 'a', { ownership: 'adopt', attrChanges: [{ path: 'tags', before: [], after: ['diet-c'] }] });
    const doc = toPlanDocument(createPlan({ cluster: 'c', changes: [adopt, change('update', 'b')], topology: {}, baseline: { kind: 'live' }, dietVersion: '0', specDigest: 'x' }));
    expect(doc.resource_changes[0].ownership).toBe('adopt');
    expect(Object.hasOwn(doc.resource_changes[1], 'ownership')).toBe(false);
    expect(readPlanDocument(serializePlanDocument(doc))).toEqual(doc);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const bad = JSON.parse(serializePlanDocument(doc));
    bad.resource_changes[0].ownership = 'steal';
    expect(validate(bad)).toBe(false);
    expect(() => readPlanDocument(JSON.stringify(bad))).toThrow(/ownership must be one of "adopt", "release"/);
  });

  it('refuses a topology that is not plain JSON', () => {
    const plan = createPlan({ cluster: 'c', changes: [], topology: { when: new Date(0) }, baseline: { kind: 'empty' }, dietVersion: '0', specDigest: 'x' });
    expect(() => toPlanDocument(plan)).toThrow(TypeError);
  });
});

describe('readPlanDocument errors', () => {
  const text = () => readFileSync(fixture, 'utf8');
  const edit = (fn: (doc: Record<string, any>) => void) => {
    const doc = JSON.parse(text());
    fn(doc);
    return JSON.stringify(doc);
  };

  it.each([
    ['not JSON', () => text().slice(0, 100), /^plan file is not valid JSON \(/],
    ['not an object', () => '[1,2]', /does not contain a JSON object/],
    ['no format_version', () => edit((d) => delete d.format_version), /has no format_version/],
    ['a newer format_version', () => edit((d) => (d.format_version = '2')), /format_version "2" is not supported \(this diet reads format_version "1"\)/],
    ['a numeric format_version', () => edit((d) => (d.format_version = 1)), /format_version 1 is not supported/],
    ['a missing field', () => edit((d) => delete d.resource_changes[1].action), /missing field \$\.resource_changes\[1\]\.action$/],
    ['a wrong type', () => edit((d) => (d.summary.add = -1)), /\$\.summary\.add must be a non-negative integer$/],
    ['a bad digest', () => edit((d) => (d.digest = 'abc')), /\$\.digest must be 64 lower-case hex digits/],
    ['a changed value', () => edit((d) => (d.resource_changes[2].after.status = 'offline')), /digest does not match its contents/],
    ['an added field', () => edit((d) => (d.topology.extra = 1)), /digest does not match its contents/],
    ['a number JSON cannot hold', () => text().replace('"switches":3', '"switches":1e999'), /cannot be part of a plan/],
  ])('rejects %s with a one-line message and a hint', (_name, make, message) => {
    const error = readError(make());
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    expect(error.hint).toBeTruthy();
    expect(error.code).toBe('PLAN_DOCUMENT');
  });

  it('agrees with the JSON Schema about the documents it rejects for their shape', () => {
    const broken = [
      (d: Record<string, any>) => delete d.summary,
      (d: Record<string, any>) => (d.resource_changes[0].action = 'noop'),
      (d: Record<string, any>) => (d.resource_changes[0].origin = { file: 'x', line: 0, col: 1 }),
      (d: Record<string, any>) => (d.baseline.fingerprints.x = 1),
      (d: Record<string, any>) => (d.resource_changes[0].attr_changes = [{ before: 1 }]),
    ];
    for (const fn of broken) {
      const doc = JSON.parse(text());
      fn(doc);
      expect(validate(doc)).toBe(false);
      expect(readError(JSON.stringify(doc)).message).toMatch(/not a valid plan document/);
    }
  });
});
