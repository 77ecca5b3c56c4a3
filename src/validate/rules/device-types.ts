/** Every class names a device type the catalog knows, of the right kind. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { REFERENCE_CODES } from '../diagnostic-codes.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { didYouMean } from '../suggest-name.js';

export function checkDeviceTypes(ctx: RuleContext): Diagnostic[] {
  const { switchTypes, serverTypes } = ctx.catalog;
  const out: Diagnostic[] = [];
  for (const entry of ctx.switchClasses) {
    const slug = entry.value.deviceType;
    if (switchTypes.has(slug)) continue;
    const summary = serverTypes.has(slug)
      ? `switch class '${entry.value.id}': '${slug}' is a server type, not a switch type`
      : `switch class '${entry.value.id}': unknown switch type '${slug}'`;
    out.push(createDiagnostic(REFERENCE_CODES.unknownSwitchType, summary, rangeOf(entry, 'deviceType'), didYouMean(slug, switchTypes.keys())));
  }
  for (const entry of ctx.serverClasses) {
    const slug = entry.value.deviceType;
    if (serverTypes.has(slug)) continue;
    const summary = switchTypes.has(slug)
      ? `server class '${entry.value.id}': '${slug}' is a switch type, not a server type`
      : `server class '${entry.value.id}': unknown server type '${slug}'`;
    out.push(createDiagnostic(REFERENCE_CODES.unknownServerType, summary, rangeOf(entry, 'deviceType'), didYouMean(slug, serverTypes.keys())));
  }
  return out;
}
