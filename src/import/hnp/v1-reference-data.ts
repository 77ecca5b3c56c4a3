/**
 * v1 `reference_data`: case-local ids for manufacturers, device types, their Hedgehog
 * extensions, breakout options and module types. Device types with an extension become
 * catalog switch types, the others server types; module types with interface templates
 * become NIC types. Module types without templates are transceivers, which diet does
 * not catalogue: a reference to one keeps only its model name.
 */
import { HnpRecord } from './hnp-record.js';
import type { YamlPath } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import { readBreakout, readInterfaces, readSwitchType, type DeviceTypeBase } from './catalog-entries.js';
import { defaultDeviceTypeSlug, slugify } from './name-rules.js';
import type { PlanReferences, ReferenceData } from './plan-references.js';
import type { BreakoutDoc, NicTypeDoc, ServerTypeDoc, SwitchTypeDoc } from './spec-document.js';

interface ModuleType {
  readonly slug: string;
  readonly model: string;
  readonly nic?: NicTypeDoc;
}

const DROPPED = {
  slug: 'diet names manufacturers by name',
  is_full_depth: 'rack depth is not modelled by diet',
  attribute_data: 'NetBox module attributes are not modelled by diet',
};

/** Reads the list at `key`, one record per entry, remembering each entry's case-local id. */
function entries(report: ImportReport, root: HnpRecord, key: string, each: (rec: HnpRecord, id: string) => void): void {
  const seen = new Set<string>();
  root.list(key).forEach((raw, i) => {
    const rec = HnpRecord.of(report, [...root.at(key), i], raw);
    const id = rec?.str('id', true);
    if (!rec || id === undefined) return;
    if (seen.has(id)) report.error(IMPORT_CODES.duplicateId, `${key} id '${id}' is defined twice`, rec.at('id'));
    seen.add(id);
    each(rec, id);
  });
}

export function readV1ReferenceData(report: ImportReport, root: HnpRecord | undefined): ReferenceData {
  const manufacturers = new Map<string, string>();
  const deviceTypes = new Map<string, DeviceTypeBase>();
  const switchTypes = new Map<string, SwitchTypeDoc>(); // extension id → switch type
  const breakouts = new Map<string, BreakoutDoc>();
  const modules = new Map<string, ModuleType>();
  const usedSlugs = new Set<string>();

  if (root) {
    const manufacturerName = (rec: HnpRecord): string => {
      const ref = rec.str('manufacturer', true) ?? '';
      const name = manufacturers.get(ref);
      if (name === undefined && ref) unknown(report, 'manufacturer', ref, rec.at('manufacturer'));
      return name ?? ref;
    };
    entries(report, root, 'manufacturers', (rec, id) => {
      manufacturers.set(id, rec.str('name', true) ?? id);
      rec.finish(DROPPED);
    });
    entries(report, root, 'device_types', (rec, id) => {
      const manufacturer = manufacturerName(rec);
      const model = rec.str('model', true) ?? id;
      const slug = rec.str('slug') ?? defaultDeviceTypeSlug(model);
      const uHeight = rec.int('u_height');
      deviceTypes.set(id, { slug, manufacturer, model, ...(uHeight !== undefined ? { uHeight } : {}), interfaces: readInterfaces(rec) });
      rec.finish(DROPPED);
    });
    entries(report, root, 'device_type_extensions', (rec, id) => {
      const ref = rec.str('device_type', true) ?? '';
      const deviceType = deviceTypes.get(ref);
      if (!deviceType && ref) unknown(report, 'device_type', ref, rec.at('device_type'));
      // Read even when the device type is unknown, so its own keys are still checked.
      const switchType = readSwitchType(deviceType ?? { slug: ref, manufacturer: '', model: ref, interfaces: [] }, rec);
      if (deviceType) switchTypes.set(id, switchType);
    });
    entries(report, root, 'breakout_options', (rec, id) => {
      const breakout = readBreakout(rec);
      if (breakout) breakouts.set(id, breakout);
    });
    entries(report, root, 'module_types', (rec, id) => {
      const manufacturer = manufacturerName(rec);
      const model = rec.str('model', true) ?? id;
      const ports = readInterfaces(rec);
      rec.finish(DROPPED);
      // Two NIC module types may share a model under different manufacturers.
      let slug = slugify(model) || slugify(id);
      if (ports.length > 0 && usedSlugs.has(slug)) slug = slugify(`${manufacturer} ${model}`);
      if (ports.length > 0) usedSlugs.add(slug);
      modules.set(id, { slug, model, ...(ports.length > 0 ? { nic: { slug, manufacturer, model, ports } } : {}) });
    });
    root.finish();
  }

  const transceivers = [...modules.values()].filter((m) => !m.nic).map((m) => m.model);
  if (transceivers.length > 0) {
    report.info(IMPORT_CODES.transceiverDropped,
      `${transceivers.length} transceiver module type(s) not added to the catalog; zones and connections keep their model names`,
      ['reference_data', 'module_types'], { detail: transceivers.join(', ') });
  }
  const switchSlugs = new Set([...switchTypes.values()].map((t) => t.slug));
  const serverTypes: ServerTypeDoc[] = [...deviceTypes.values()]
    .filter((b) => !switchSlugs.has(b.slug))
    .map((b) => ({ slug: b.slug, manufacturer: b.manufacturer, model: b.model, ...(b.uHeight !== undefined ? { uHeight: b.uHeight } : {}) }));

  const references: PlanReferences = {
    switchTypeKey: 'device_type_extension',
    switchType: (ref, path) => switchTypes.get(ref)?.slug ?? unknown(report, 'device_type_extension', ref, path),
    serverType: (ref, path) => deviceTypes.get(ref)?.slug ?? unknown(report, 'device_type', ref, path),
    breakout: (ref, path) => breakouts.get(ref)?.id ?? unknown(report, 'breakout_option', ref, path),
    nicType: (ref, path) => {
      const module = typeof ref === 'string' ? modules.get(ref) : undefined;
      if (!module) return unknown(report, 'module_type', String(ref), path);
      if (!module.nic) {
        report.error(IMPORT_CODES.invalidValue, `module type '${String(ref)}' has no interface_templates; a NIC needs at least one port`, path);
      }
      return module.slug;
    },
    transceiver: (ref, path) => {
      const module = typeof ref === 'string' ? modules.get(ref) : undefined;
      return module ? module.model : unknown(report, 'transceiver_module_type', String(ref), path);
    },
  };
  const nicTypes = [...modules.values()].flatMap((m) => (m.nic ? [m.nic] : []));
  const catalog = {
    ...(breakouts.size > 0 ? { breakouts: [...breakouts.values()] } : {}),
    ...(switchTypes.size > 0 ? { switchTypes: [...switchTypes.values()] } : {}),
    ...(serverTypes.length > 0 ? { serverTypes } : {}),
    ...(nicTypes.length > 0 ? { nicTypes } : {}),
  };
  return { references, catalog };
}

function unknown(report: ImportReport, kind: string, ref: string, path: YamlPath): string {
  report.error(IMPORT_CODES.unknownReference, `unknown ${kind} '${ref}': not defined in reference_data`, path);
  return ref;
}
