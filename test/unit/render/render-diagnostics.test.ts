import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/diag/diagnostic.js';
import { renderDiagnosticsText } from '../../../src/render/render-diagnostics.js';

describe('renderDiagnosticsText', () => {
  const diagnostics: Diagnostic[] = [
    { severity: 'error', code: 'DIET-S001', summary: 'unknown switch profile "ds9000"', hint: 'use a profile from the catalog', range: { file: 'examples/x.yaml', line: 12, col: 7 } },
    { severity: 'warning', code: 'DIET-G003', summary: 'something odd', detail: 'first line\nsecond line' },
    { severity: 'info', code: 'DIET-I001', summary: 'fyi', range: { file: 'a.yaml', line: 1, col: 1 } },
  ];

  it('prints location, severity, code and summary on one line, then detail and hint indented, then a count', () => {
    expect(renderDiagnosticsText(diagnostics, { color: false })).toBe(
      [
        'examples/x.yaml:12:7: error DIET-S001: unknown switch profile "ds9000"',
        '  hint: use a profile from the catalog',
        'warning DIET-G003: something odd',
        '  first line',
        '  second line',
        'a.yaml:1:1: info DIET-I001: fyi',
        '1 error, 1 warning, 1 note',
        '',
      ].join('\n'),
    );
  });

  it('pluralizes the count and reports a clean result', () => {
    const two = [diagnostics[0], diagnostics[0]];
    expect(renderDiagnosticsText(two, { color: false }).trimEnd().split('\n').at(-1)).toBe('2 errors, 0 warnings');
    expect(renderDiagnosticsText([], { color: false })).toBe('No problems found.\n');
  });

  it('colours severities only when asked', () => {
    expect(renderDiagnosticsText(diagnostics, { color: true })).toContain('\u001b[31m\u001b[1merror');
    expect(renderDiagnosticsText(diagnostics, { color: false })).not.toContain('\u001b[');
  });
});
