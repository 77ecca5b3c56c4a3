import type { Diagnostic } from '../diag/diagnostic.js';
import type { FabricModel } from '../model/fabric-model.js';
import { calculateQuantities } from './calculate-quantities.js';
import { wireFabrics } from './fabric-wiring.js';
import { wireMeshes } from './mesh-wiring.js';
import { NamePatternError } from './name-pattern.js';
import { bootMac, deviceCategoryOf, serverName, switchName } from './naming.js';
import { compareStrings } from './ordering.js';
import { wirePeerZoneUplinks } from './peer-zone-wiring.js';
import { PlannerError } from './planner-error.js';
import { wireServerClass } from './server-wiring.js';
import { wireSurrogateUplinks } from './surrogate-wiring.js';
import type { ServerDevice, ServerInterface, SwitchDevice, Topology } from './topology.js';
import { WiringContext } from './wiring-context.js';

export interface TopologyResult {
  readonly topology?: Topology;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * FabricModel → Topology, reproducing the reference planner: quantities, then
 * devices, then server cables, fabric, surrogate, peer-zone and mesh links, in
 * that order (the order decides port assignments). Pure; impossible fabrics come
 * back as located diagnostics.
 */
export function planTopology(model: FabricModel): TopologyResult {
  const { quantities, errors } = calculateQuantities(model);
  if (errors.length > 0) return { diagnostics: errors.map(toDiagnostic) };
  try {
    const switches = buildSwitches(model, (id) => quantities.get(id)?.effective ?? 0);
    const servers = buildServers(model);
    const devicesByClass = new Map<string, SwitchDevice[]>();
    for (const s of switches) {
      const list = devicesByClass.get(s.classId) ?? [];
      list.push(s);
      devicesByClass.set(s.classId, list);
    }
    const duplicate = firstDuplicate([...switches, ...servers].map((d) => d.name));
    if (duplicate) {
      return { diagnostics: [{ severity: 'error', code: 'DIET-P181', summary: `two devices would both be named '${duplicate}'`, hint: 'rename a class or change the naming pattern so every device name is unique', range: model.origin }] };
    }
    const ctx = new WiringContext(model, devicesByClass);
    const serverInterfaces: ServerInterface[] = [];
    for (const cls of [...model.serverClasses].sort((a, b) => compareStrings(a.id, b.id))) {
      wireServerClass(ctx, cls, servers.filter((s) => s.classId === cls.id), serverInterfaces);
    }
    wireFabrics(ctx, switches);
    wireSurrogateUplinks(ctx);
    wirePeerZoneUplinks(ctx, switches);
    wireMeshes(ctx, switches);
    return {
      topology: { quantities, switches, servers, serverInterfaces, switchInterfaces: ctx.switchInterfaces(), cables: ctx.cables },
      diagnostics: [],
    };
  } catch (e) {
    if (e instanceof PlannerError) return { diagnostics: [toDiagnostic(e)] };
    if (e instanceof NamePatternError) return { diagnostics: [{ severity: 'error', code: 'DIET-P180', summary: e.message, hint: 'fix the naming pattern in Cluster.spec.naming', range: model.origin }] };
    throw e;
  }
}

function buildSwitches(model: FabricModel, effective: (id: string) => number): SwitchDevice[] {
  const classes = [...model.switchClasses].sort((a, b) => compareStrings(a.fabric, b.fabric) || compareStrings(a.id, b.id));
  const result: SwitchDevice[] = [];
  for (const cls of classes) {
    for (let index = 1; index <= effective(cls.id); index++) {
      const name = switchName(model.naming, { site: model.site.slug, classId: cls.id, category: deviceCategoryOf(cls.role), fabric: cls.fabric, role: cls.role, index });
      result.push({ name, classId: cls.id, index, fabric: cls.fabric, fabricClass: cls.fabricClass, role: cls.role, deviceType: cls.deviceType, bootMac: bootMac(name) });
    }
  }
  return result;
}

function buildServers(model: FabricModel): ServerDevice[] {
  const result: ServerDevice[] = [];
  for (const cls of [...model.serverClasses].sort((a, b) => compareStrings(a.id, b.id))) {
    for (let index = 1; index <= cls.quantity; index++) {
      result.push({ name: serverName(model.naming, model.site.slug, cls.id, index), classId: cls.id, index, deviceType: cls.deviceType });
    }
  }
  return result;
}

function firstDuplicate(names: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

function toDiagnostic(e: PlannerError): Diagnostic {
  return { severity: 'error', code: e.code, summary: e.message, hint: e.hint, range: e.range };
}
