/** NICs name known NIC types; connections name NICs of their own server class. */
import type { Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic } from '../../spec/load-codes.js';
import { REFERENCE_CODES } from '../diagnostic-codes.js';
import { connectionLabel } from '../entry-labels.js';
import { rangeOf, type RuleContext } from '../rule-context.js';
import { didYouMean } from '../suggest-name.js';

export function checkNicReferences(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const nicTypes = ctx.catalog.nicTypes;
  for (const serverClass of ctx.serverClasses) {
    (serverClass.value.nics ?? []).forEach((nic, i) => {
      if (nicTypes.has(nic.type)) return;
      const summary = `NIC '${nic.id}' of server class '${serverClass.value.id}': unknown NIC type '${nic.type}'`;
      out.push(createDiagnostic(REFERENCE_CODES.unknownNicType, summary, rangeOf(serverClass, 'nics', i, 'type'), didYouMean(nic.type, nicTypes.keys())));
    });
  }
  for (const connection of ctx.connections) {
    const nicIds = (connection.serverClass.value.nics ?? []).map((nic) => nic.id);
    const nic = connection.value.nic;
    if (nicIds.includes(nic)) continue;
    const summary = `${connectionLabel(connection)}: no NIC '${nic}' in the class`;
    const hint = didYouMean(nic, nicIds) ?? (nicIds.length > 0 ? `the class has NICs ${nicIds.join(', ')}` : 'the class has no nics; add one');
    out.push(createDiagnostic(REFERENCE_CODES.unknownNic, summary, rangeOf(connection, 'nic'), hint));
  }
  return out;
}
