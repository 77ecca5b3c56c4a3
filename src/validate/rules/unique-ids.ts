/**
 * Identity: switch class ids and server class ids are unique in the spec set, zone names
 * in their switch class, NIC ids and connection ids in their server class. The first
 * definition is kept; each later one is reported where it is written.
 */
import { formatRange, type Diagnostic } from '../../diag/diagnostic.js';
import { createDiagnostic, type DiagnosticCode } from '../../spec/load-codes.js';
import { REFERENCE_CODES } from '../diagnostic-codes.js';
import { child, rangeOf, type Located, type RuleContext } from '../rule-context.js';

export function checkUniqueIds(ctx: RuleContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = <T>(entries: readonly Located<T>[], idOf: (value: T) => string, field: string, code: DiagnosticCode, what: string) => {
    const first = new Map<string, Located<T>>();
    for (const entry of entries) {
      const id = idOf(entry.value);
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, entry);
        continue;
      }
      const summary = `${what} '${id}' is already defined at ${formatRange(rangeOf(earlier, field))}`;
      out.push(createDiagnostic(code, summary, rangeOf(entry, field)));
    }
  };
  report(ctx.switchClasses, (v) => v.id, 'id', REFERENCE_CODES.duplicateSwitchClass, 'switch class');
  report(ctx.serverClasses, (v) => v.id, 'id', REFERENCE_CODES.duplicateServerClass, 'server class');
  for (const switchClass of ctx.switchClasses) {
    const zones = (switchClass.value.zones ?? []).map((zone, i) => child(switchClass, zone, 'zones', i));
    report(zones, (v) => v.name, 'name', REFERENCE_CODES.duplicateZone, `zone of switch class '${switchClass.value.id}'`);
  }
  for (const serverClass of ctx.serverClasses) {
    const id = serverClass.value.id;
    const nics = (serverClass.value.nics ?? []).map((nic, i) => child(serverClass, nic, 'nics', i));
    report(nics, (v) => v.id, 'id', REFERENCE_CODES.duplicateNic, `NIC of server class '${id}'`);
    const connections = (serverClass.value.connections ?? []).map((c, i) => child(serverClass, c, 'connections', i));
    report(connections, (v) => v.id, 'id', REFERENCE_CODES.duplicateConnection, `connection of server class '${id}'`);
  }
  return out;
}
