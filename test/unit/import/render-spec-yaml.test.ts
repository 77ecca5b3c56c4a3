import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderSpecYaml } from '../../../src/import/hnp/render-spec-yaml.js';
import { specDocument, type SpecDocument } from '../../../src/import/hnp/spec-document.js';
import { convertFixture, FIXTURES } from './hnp-fixtures.js';

function reparse(text: string): unknown[] {
  const docs = parseAllDocuments(text);
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS());
}

describe('renderSpecYaml', () => {
  it.each(Object.values(FIXTURES))('re-parses to the same documents: %s', (path) => {
    const { documents } = convertFixture(path);
    expect(documents.length).toBeGreaterThan(1);
    expect(reparse(renderSpecYaml(documents))).toEqual(documents);
  });

  it('heads the file with a comment naming the source file and format', () => {
    const v2 = convertFixture(FIXTURES.canonicalV2);
    const lines = renderSpecYaml(v2.documents).split('\n');
    expect(lines[0]).toBe(`# Converted by \`diet import hnp\` from ${FIXTURES.canonicalV2}`);
    expect(lines[1]).toContain('format v2');
    const explicit = renderSpecYaml([...v2.documents], { file: 'plan.yaml', format: 'v1' }).split('\n');
    expect(explicit[0]).toContain('from plan.yaml');
    expect(explicit[1]).toContain('format v1');
  });

  it('separates documents with --- and writes keys in spec-reference order', () => {
    const text = renderSpecYaml(convertFixture(FIXTURES.canonicalV1).documents);
    expect(text.match(/^---$/gm)).toHaveLength(4);
    const spine = text.slice(text.indexOf('- id: fe-spine'));
    const keys = spine.split('\n').slice(0, 6).map((l) => l.trim().replace(/^- /, '').split(':')[0]);
    expect(keys).toEqual(['id', 'role', 'deviceType', 'quantity', 'uplinksPerSwitch', 'zones']);
  });

  it('writes zones, NICs and connections as one-line flow mappings, as the examples do', () => {
    const text = renderSpecYaml(convertFixture(FIXTURES.canonicalV1).documents);
    expect(text).toContain(
      '        - {name: fe-border-uplinks, type: uplink, ports: "17-32", breakout: 1x100g, priority: 200, peer: fe-spine/fe-spine-100G-downlinks, transceiver: QSFP28-100G-SR4}\n',
    );
    expect(text).toContain('        - {id: be-rail-0, type: connectx-7-single-port}\n');
    expect(text).toContain('      supportedBreakouts: [1x800g, 2x400g, 4x200g, 8x100g]\n');
  });

  it('is deterministic', () => {
    const once = renderSpecYaml(convertFixture(FIXTURES.labV1).documents);
    expect(renderSpecYaml(convertFixture(FIXTURES.labV1).documents)).toBe(once);
  });

  it('round-trips arbitrary strings in names, descriptions and port specs', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (description, zone, ports) => {
        const docs: SpecDocument[] = [
          specDocument('Cluster', 'c', { description, serverClasses: [] }),
          specDocument('Fabric', 'f', {
            class: 'managed',
            topology: 'spine-leaf',
            switchClasses: [{ id: 'leaf', deviceType: 'x', zones: [{ name: zone, type: 'server', ports }] }],
          }),
        ];
        expect(reparse(renderSpecYaml(docs))).toEqual(docs);
      }),
      { numRuns: 200 },
    );
  });
});
