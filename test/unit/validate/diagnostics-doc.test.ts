import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOAD_CODES } from '../../../src/spec/load-codes.js';
import { REFERENCE_CODES, RULE_CODES, SCHEMA_CODES } from '../../../src/validate/diagnostic-codes.js';

const doc = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
const documented = new Map([...doc.matchAll(/^\| `(DIET-[A-Z]\d{3})` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]));
const registered = [LOAD_CODES, SCHEMA_CODES, REFERENCE_CODES, RULE_CODES].flatMap((group) => Object.values(group));

/** Codes raised in a source directory: every `'DIET-X000'` literal in its files. */
function codesUsedIn(dir: string, letter: string): string[] {
  const root = new URL(`../../../src/${dir}/`, import.meta.url);
  const texts = readdirSync(root).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(new URL(f, root), 'utf8'));
  return [...new Set(texts.flatMap((t) => [...t.matchAll(new RegExp(`'(DIET-${letter}\\d{3})'`, 'g'))].map((m) => m[1])))].sort();
}
const documentedWith = (letter: string) => [...documented.keys()].filter((c) => c.startsWith(`DIET-${letter}`)).sort();

describe('docs/diagnostics.md', () => {
  it('documents every code with its severity, and nothing else', () => {
    const rules = [...documented].filter(([code]) => /^DIET-[FYSR]/.test(code));
    expect(Object.fromEntries(rules)).toEqual(Object.fromEntries(registered.map((c) => [c.code, c.severity])));
  });

  it('documents every planner and graph code the code raises, and nothing else', () => {
    expect(documentedWith('P')).toEqual(codesUsedIn('planner', 'P'));
    expect(documentedWith('G')).toEqual(codesUsedIn('graph', 'G'));
  });

  it('codes are unique and follow the DIET-<letter><3 digits> scheme', () => {
    const codes = registered.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^DIET-(F0|Y0|S0|R1|R2)\d\d$/);
  });
});
