import { describe, expect, it } from 'vitest';
import { locateInDocument, pointerOf } from '../../../src/spec/loaded-spec.js';
import { parseSpecText } from '../../../src/spec/parse-spec-text.js';

const text = [
  'apiVersion: diet.githedgehog.com/v1alpha1', // 1
  'kind: Fabric', // 2
  'metadata:', // 3
  '  name: frontend', // 4
  'spec:', // 5
  '  switchClasses:', // 6
  '    - id: leaf', // 7
  '      deviceType: celestica-ds5000', // 8
  '      zones:', // 9
  '        - {name: down, type: server, ports: "1-63:2"}', // 10
  '---', // 11
  'kind: Catalog', // 12
  'spec: {nicTypes: []}', // 13
].join('\n');

describe('parseSpecText', () => {
  const loaded = parseSpecText(text, 'fabric.yaml');

  it('returns every document with its plain value', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.documents.map((d) => d.index)).toEqual([0, 1]);
    expect(loaded.documents[0].value).toMatchObject({ kind: 'Fabric', spec: { switchClasses: [{ id: 'leaf' }] } });
    expect(loaded.documents[1].value).toEqual({ kind: 'Catalog', spec: { nicTypes: [] } });
  });

  it('maps JSON pointers to 1-based positions, in block and flow style', () => {
    const doc = loaded.documents[0];
    expect(locateInDocument(doc, '/spec/switchClasses/0/deviceType')).toEqual({ file: 'fabric.yaml', line: 8, col: 19 });
    expect(locateInDocument(doc, '/spec/switchClasses/0/zones/0/ports')).toEqual({ file: 'fabric.yaml', line: 10, col: 45 });
    expect(locateInDocument(doc, '/spec/switchClasses/0/zones/0/type', { key: true })).toEqual({ file: 'fabric.yaml', line: 10, col: 24 });
    expect(locateInDocument(doc, '/spec/switchClasses/0')).toEqual({ file: 'fabric.yaml', line: 7, col: 7 });
  });

  it('positions of the second document count lines from the start of the file', () => {
    expect(locateInDocument(loaded.documents[1], '/spec/nicTypes')).toEqual({ file: 'fabric.yaml', line: 13, col: 18 });
  });

  it('falls back to the nearest ancestor for paths without a node', () => {
    const doc = loaded.documents[0];
    expect(locateInDocument(doc, '/spec/switchClasses/0/quantity')).toEqual({ file: 'fabric.yaml', line: 7, col: 7 });
    expect(locateInDocument(doc, '/nothing/here')).toEqual({ file: 'fabric.yaml', line: 1, col: 1 });
  });

  it('escapes pointer segments', () => {
    expect(pointerOf('spec', 'a/b', 'c~d', 3)).toBe('/spec/a~1b/c~0d/3');
    const loadedKeys = parseSpecText('"a/b": {"c~d": 1}\n', 'k.yaml');
    expect(locateInDocument(loadedKeys.documents[0], '/a~1b/c~0d')).toEqual({ file: 'k.yaml', line: 1, col: 16 });
  });
});

describe('parseSpecText — anchors and aliases', () => {
  const yaml = [
    'a:', // 1
    '  nics: &nics', // 2
    '    - {id: fe, type: x}', // 3
    'b:', // 4
    '  nics: *nics', // 5
    'c:', // 6
    '  <<: {id: m}', // 7
    '  extra: 1', // 8
  ].join('\n');
  const loaded = parseSpecText(yaml, 'a.yaml');

  it('expands aliases and merge keys into the plain value', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.documents[0].value).toEqual({
      a: { nics: [{ id: 'fe', type: 'x' }] },
      b: { nics: [{ id: 'fe', type: 'x' }] },
      c: { id: 'm', extra: 1 },
    });
  });

  it('locates aliased content at the alias', () => {
    const doc = loaded.documents[0];
    expect(locateInDocument(doc, '/b/nics/0/type')).toEqual({ file: 'a.yaml', line: 5, col: 9 });
    expect(locateInDocument(doc, '/a/nics/0/type')).toEqual({ file: 'a.yaml', line: 3, col: 22 });
  });

  it('rejects an alias expansion bomb with a located diagnostic instead of hanging', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bomb = parseSpecText(lines.join('\n'), 'bomb.yaml');
    expect(bomb.documents).toEqual([]);
    expect(bomb.diagnostics).toHaveLength(1);
    expect(bomb.diagnostics[0]).toMatchObject({ code: 'DIET-Y004', severity: 'error', range: { file: 'bomb.yaml', line: 2 } });
    expect(bomb.diagnostics[0].summary).toMatch(/aliases expand beyond the limit/);
  });

  it('reports an unresolved alias', () => {
    const result = parseSpecText('a: 1\nb: *missing\n', 'u.yaml');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'DIET-Y004', range: { file: 'u.yaml', line: 2, col: 4 } });
  });
});

describe('parseSpecText — malformed YAML', () => {
  it.each([
    ['duplicate key', 'kind: Fabric\nkind: Cluster\n', 'DIET-Y002', 2, 1],
    ['tab indentation', 'spec:\n\tname: x\n', 'DIET-Y003', 2, 1],
    ['unclosed flow sequence', 'a: [1, 2\nb: 3\n', 'DIET-Y001', 2, 1],
    ['bad indentation', 'a:\n  b: 1\n c: 2\n', 'DIET-Y001', 3, 1],
  ])('%s → located diagnostic, document dropped', (_name, yaml, code, line, col) => {
    const result = parseSpecText(yaml, 'bad.yaml');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ code, severity: 'error', range: { file: 'bad.yaml', line, col } });
    expect(result.diagnostics[0].summary).not.toMatch(/at line/);
    expect(result.diagnostics[0].hint).toBeTruthy();
  });

  it('keeps the good documents of a file when another one is broken', () => {
    const result = parseSpecText('a: 1\n---\nb: [\n---\nc: 3\n', 'mixed.yaml');
    expect(result.documents.map((d) => d.value)).toEqual([{ a: 1 }, { c: 3 }]);
    expect(result.diagnostics.every((d) => d.code === 'DIET-Y001' && d.range?.line === 4)).toBe(true);
  });

  it('warns about unknown tags but keeps the document', () => {
    const result = parseSpecText('a: !custom 1\n', 't.yaml');
    expect(result.documents).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'DIET-Y005', severity: 'warning', range: { line: 1, col: 4 } });
  });

  it('warns about a file without documents and ignores a trailing ---', () => {
    expect(parseSpecText('# only a comment\n', 'c.yaml').diagnostics[0]).toMatchObject({ code: 'DIET-F004' });
    const trailing = parseSpecText('a: 1\n---\n', 'd.yaml');
    expect(trailing.documents).toHaveLength(1);
    expect(trailing.diagnostics).toEqual([]);
  });

  it('refuses text beyond the size limit without parsing it', () => {
    const result = parseSpecText('a'.repeat(16 * 1024 * 1024 + 1), 'big.yaml');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'DIET-F003' });
  });
});

describe('parseSpecText — nesting limits', () => {
  it('refuses deep flow nesting before parsing, at the offending bracket', () => {
    const result = parseSpecText(`a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`, 'deep.yaml');
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'DIET-Y006', severity: 'error', range: { file: 'deep.yaml', line: 1, col: 4 + 128 } }),
    ]);
  });

  it('refuses deep block nesting', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${' '.repeat(i)}- `);
    const result = parseSpecText(`a:\n${lines.join('\n')}x\n`, 'deep.yaml');
    expect(result.diagnostics[0]).toMatchObject({ code: 'DIET-Y006', range: { line: 2 + 257, col: 1 } });
  });

  it('ignores brackets inside quotes and comments', () => {
    const text = `a: "${'['.repeat(300)}"\nb: 1 # ${'{'.repeat(300)}\nc: '${'['.repeat(300)}'\n`;
    const result = parseSpecText(text, 'ok.yaml');
    expect(result.diagnostics).toEqual([]);
    expect(result.documents[0].value).toMatchObject({ b: 1 });
  });

  it('keeps working on large input after refusing deep input', () => {
    parseSpecText(`a: ${'['.repeat(5000)}`, 'deep.yaml');
    const big = Array.from({ length: 20000 }, (_, i) => `k${i}: {x: [${i}, ${i + 1}]}`).join('\n');
    expect(parseSpecText(big, 'big.yaml').documents).toHaveLength(1);
  });
});
