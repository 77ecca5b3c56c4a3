import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOAD_CODES } from '../../../src/spec/load-codes.js';
import { REFERENCE_CODES, RULE_CODES, SCHEMA_CODES } from '../../../src/validate/diagnostic-codes.js';

const doc = readFileSync(new URL('../../../docs/diagnostics.md', import.meta.url), 'utf8');
const documented = new Map([...doc.matchAll(/^\| `(DIET-[A-Z]\d{3})` \| (error|warning|info) \|/gm)].map((m) => [m[1], m[2]]));
const registered = [LOAD_CODES, SCHEMA_CODES, REFERENCE_CODES, RULE_CODES].flatMap((group) => Object.values(group));

describe('docs/diagnostics.md', () => {
  it('documents every code with its severity, and nothing else', () => {
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(registered.map((c) => [c.code, c.severity])));
  });

  it('codes are unique and follow the DIET-<letter><3 digits> scheme', () => {
    const codes = registered.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^DIET-(F0|Y0|S0|R1|R2)\d\d$/);
  });
});
