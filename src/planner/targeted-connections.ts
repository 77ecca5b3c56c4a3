import type { FabricModel, ServerClass, ServerConnection } from '../model/fabric-model.js';
import { compareStrings } from './ordering.js';

export interface TargetedConnection {
  readonly serverClass: ServerClass;
  readonly connection: ServerConnection;
}

/** Demand of one connection: every server of the class uses `ports` switch ports. */
export function demandOf(tc: TargetedConnection): number {
  return tc.serverClass.quantity * tc.connection.ports;
}

/**
 * Connections grouped by target switch class, in (server class id, connection id)
 * order so "the first connection of a zone" is the same on every run.
 */
export function connectionsBySwitchClass(model: FabricModel): Map<string, TargetedConnection[]> {
  const result = new Map<string, TargetedConnection[]>();
  const serverClasses = [...model.serverClasses].sort((a, b) => compareStrings(a.id, b.id));
  for (const serverClass of serverClasses) {
    const connections = [...serverClass.connections].sort((a, b) => compareStrings(a.id, b.id));
    for (const connection of connections) {
      const list = result.get(connection.target.switchClass) ?? [];
      list.push({ serverClass, connection });
      result.set(connection.target.switchClass, list);
    }
  }
  return result;
}
