/**
 * v2 references: device types by slug, breakouts by id, NIC module types by
 * `{manufacturer, model}`. They resolve first against the file's own `test_fixtures`
 * (which define objects the way v1 `reference_data` does and become a Catalog
 * document), then against diet's built-in catalog. What neither knows is reported by
 * name and kept as written, so the user can add a Catalog document for it.
 */
import type { Catalog } from '../../model/catalog-types.js';
import { hasBreakout, matchNicType, matchServerType, matchSwitchType } from './builtin-matches.js';
import { readBreakout, readInterfaces, readSwitchType } from './catalog-entries.js';
import { HnpRecord, isMapping } from './hnp-record.js';
import type { YamlPath } from './hnp-source.js';
import { IMPORT_CODES } from './import-codes.js';
import type { ImportReport } from './import-report.js';
import { slugify } from './name-rules.js';
import type { PlanReferences, ReferenceData } from './plan-references.js';
import type { BreakoutDoc, NicTypeDoc, ServerTypeDoc, SwitchTypeDoc } from './spec-document.js';

const CATALOG_HINT = 'add a Catalog document that defines it (see docs/spec-reference.md)';

function each(report: ImportReport, root: HnpRecord, key: string, read: (rec: HnpRecord) => void): void {
  root.list(key).forEach((raw, i) => {
    const rec = HnpRecord.of(report, [...root.at(key), i], raw);
    if (rec) read(rec);
  });
}

export function readV2References(report: ImportReport, fixtures: HnpRecord | undefined, builtin: Catalog): ReferenceData {
  const switchTypes = new Map<string, SwitchTypeDoc>();
  const serverTypes = new Map<string, ServerTypeDoc>();
  const breakouts = new Map<string, BreakoutDoc>();
  const nicTypes = new Map<string, NicTypeDoc>(); // key: manufacturer slug + model
  const portless = new Set<string>();
  const nicKey = (manufacturer: string, model: string) => `${slugify(manufacturer)}\u0000${model.toLowerCase()}`;

  if (fixtures) {
    each(report, fixtures, 'device_types', (rec) => {
      const slug = rec.str('slug', true) ?? '';
      const manufacturer = rec.str('manufacturer', true) ?? '';
      const model = rec.str('model', true) ?? slug;
      const uHeight = rec.int('u_height');
      const base = { slug, manufacturer, model, ...(uHeight !== undefined ? { uHeight } : {}), interfaces: readInterfaces(rec) };
      const ext = rec.has('device_type_extension') ? HnpRecord.of(report, rec.at('device_type_extension'), rec.value('device_type_extension')) : undefined;
      if (ext) switchTypes.set(slug, readSwitchType(base, ext));
      else serverTypes.set(slug, { slug, manufacturer, model, ...(uHeight !== undefined ? { uHeight } : {}) });
      rec.finish({ is_full_depth: 'rack depth is not modelled by diet' });
    });
    each(report, fixtures, 'module_types', (rec) => {
      const manufacturer = rec.str('manufacturer', true) ?? '';
      const model = rec.str('model', true) ?? '';
      const ports = readInterfaces(rec);
      rec.finish({ attribute_data: 'NetBox module attributes are not modelled by diet' });
      if (ports.length > 0) nicTypes.set(nicKey(manufacturer, model), { slug: slugify(model), manufacturer, model, ports });
      else portless.add(nicKey(manufacturer, model));
    });
    each(report, fixtures, 'breakout_options', (rec) => {
      const breakout = readBreakout(rec);
      if (breakout) breakouts.set(breakout.id, breakout);
    });
    fixtures.finish();
  }

  // Each distinct reference is reported once, at its first use.
  const reported = new Set<string>();
  const fromBuiltin = (kind: string, ref: string, found: string | undefined, path: YamlPath): string => {
    if (reported.has(`${kind} ${ref}`)) return found ?? ref;
    reported.add(`${kind} ${ref}`);
    if (found === undefined) {
      report.warning(IMPORT_CODES.notInCatalog, `${kind} '${ref}' is neither in test_fixtures nor in diet's built-in catalog`, path, { hint: CATALOG_HINT });
      return ref;
    }
    if (found !== ref) report.info(IMPORT_CODES.mappedToBuiltin, `${kind} '${ref}' mapped to built-in '${found}'`, path);
    return found;
  };

  const references: PlanReferences = {
    switchTypeKey: 'device_type',
    switchType: (ref, path) => {
      if (switchTypes.has(ref)) return ref;
      const found = matchSwitchType(builtin, ref);
      if (found === undefined && serverTypes.has(ref)) {
        report.error(IMPORT_CODES.invalidValue, `device type '${ref}' has no device_type_extension, so it is not a switch type`, path);
        return ref;
      }
      return fromBuiltin('switch device type', ref, found, path);
    },
    serverType: (ref, path) =>
      serverTypes.has(ref) || switchTypes.has(ref) ? ref : fromBuiltin('server device type', ref, matchServerType(builtin, ref), path),
    breakout: (ref, path) =>
      breakouts.has(ref) ? ref : fromBuiltin('breakout', ref, hasBreakout(builtin, ref) ? ref : undefined, path),
    nicType: (ref, path) => {
      if (typeof ref === 'string') return fromBuiltin('NIC type', ref, builtin.nicTypes.has(ref) ? ref : undefined, path);
      if (!isMapping(ref) || typeof ref['model'] !== 'string') {
        report.error(IMPORT_CODES.invalidType, 'module_type must be a mapping {manufacturer, model}', path);
        return undefined;
      }
      const manufacturer = typeof ref['manufacturer'] === 'string' ? ref['manufacturer'] : '';
      const model = ref['model'];
      const own = nicTypes.get(nicKey(manufacturer, model));
      if (own) return own.slug;
      const found = matchNicType(builtin, manufacturer, model);
      if (found === undefined && portless.has(nicKey(manufacturer, model))) {
        report.error(IMPORT_CODES.invalidValue, `module type '${model}' has no interface_templates; a NIC needs at least one port`, path);
        return slugify(model);
      }
      fromBuiltin('NIC module type', `${manufacturer}/${model}`, found, path);
      return found ?? slugify(model);
    },
    transceiver: (ref, path) => {
      if (typeof ref === 'string') return ref;
      if (isMapping(ref) && typeof ref['model'] === 'string') return ref['model'];
      report.error(IMPORT_CODES.invalidType, 'transceiver_module_type must be a model name or {manufacturer, model}', path);
      return undefined;
    },
  };
  const catalog = {
    ...(breakouts.size > 0 ? { breakouts: [...breakouts.values()] } : {}),
    ...(switchTypes.size > 0 ? { switchTypes: [...switchTypes.values()] } : {}),
    ...(serverTypes.size > 0 ? { serverTypes: [...serverTypes.values()] } : {}),
    ...(nicTypes.size > 0 ? { nicTypes: [...nicTypes.values()] } : {}),
  };
  return { references, catalog };
}
