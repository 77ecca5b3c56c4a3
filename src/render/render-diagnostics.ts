import type { Diagnostic } from '../diag/diagnostic.js';
import { countOf } from './format-value.js';
import { createPalette, type Palette } from './palette.js';

/**
 * Diagnostics as compilers print them, one per problem, then a count:
 *
 *     examples/lab/cluster.yaml:12:7: error DIET-S001: unknown switch profile "ds9000"
 *       hint: use one of the profiles listed by `diet catalog list`
 *     1 error
 *
 * `file:line:col` first so editors and CI annotators can jump to it; a diagnostic without a
 * location starts at its severity. Printed in the order given: the producer decides order.
 */
export function renderDiagnosticsText(diagnostics: readonly Diagnostic[], options: { readonly color: boolean }): string {
  const palette = createPalette(options.color);
  const lines: string[] = [];
  for (const d of diagnostics) {
    const where = d.range ? `${d.range.file}:${d.range.line}:${d.range.col}: ` : '';
    lines.push(`${palette.heading(where)}${severity(d, palette)} ${palette.muted(d.code)}: ${d.summary}`);
    if (d.detail) for (const line of d.detail.split('\n')) lines.push(`  ${line}`);
    if (d.hint) lines.push(`  ${palette.info('hint:')} ${d.hint}`);
  }
  lines.push(countLine(diagnostics));
  return `${lines.join('\n')}\n`;
}

function severity(d: Diagnostic, palette: Palette): string {
  if (d.severity === 'error') return palette.error('error');
  if (d.severity === 'warning') return palette.warning('warning');
  return palette.info('info');
}

function countLine(diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return 'No problems found.';
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  const infos = diagnostics.length - errors - warnings;
  const parts = [countOf(errors, 'error'), countOf(warnings, 'warning')];
  if (infos > 0) parts.push(countOf(infos, 'note'));
  return parts.join(', ');
}
