/**
 * Reading the plugin's reference objects (breakout options, interface templates, device
 * type extensions) into diet catalog entries. v1 `reference_data` and v2 `test_fixtures`
 * describe these objects with the same keys; only how they are referenced differs.
 */
import { parseBreakoutId } from '../../catalog/breakouts.js';
import { HnpRecord } from './hnp-record.js';
import { IMPORT_CODES } from './import-codes.js';
import type { BreakoutDoc, InterfaceDoc, SwitchTypeDoc } from './spec-document.js';

const EXTENSION_DROPPED: Readonly<Record<string, string>> = {
  uplink_ports: 'deprecated in the plugin and unused by its calculations',
  notes: 'free text; diet catalog entries have no notes',
};

/** `interface_templates` in the order given; the plugin's default type is `other`. */
export function readInterfaces(rec: HnpRecord): InterfaceDoc[] {
  return rec.list('interface_templates').flatMap((raw, i) => {
    const item = HnpRecord.of(rec.report, [...rec.at('interface_templates'), i], raw);
    if (!item) return [];
    const name = item.str('name', true);
    const type = item.str('type') ?? 'other';
    item.finish();
    return name === undefined ? [] : [{ name, type }];
  });
}

/**
 * A breakout option; the caller has read its case-local `id`. Missing numbers are
 * derived from an `NxMg` id rather than taking the plugin's default of 0 Gbps, which
 * would make every port of that breakout worthless to the calculator.
 */
export function readBreakout(rec: HnpRecord): BreakoutDoc | undefined {
  const id = rec.str('breakout_id', true);
  if (id === undefined) return undefined;
  const parsed = parseBreakoutId(id);
  const read = (key: string, fallback: number | undefined): number | undefined => {
    const value = rec.int(key);
    if (value !== undefined) return value;
    if (fallback === undefined) {
      rec.report.error(IMPORT_CODES.missingField, `${key} is required for breakout '${id}'`, rec.at(key));
    } else {
      rec.report.info(IMPORT_CODES.legacyRuleApplied, `${key} of breakout '${id}' derived from its id: ${fallback}`, rec.at(key));
    }
    return fallback;
  };
  const fromSpeed = read('from_speed', parsed?.fromSpeed);
  const logicalPorts = rec.int('logical_ports') ?? parsed?.logicalPorts ?? 1;
  const logicalSpeed = read('logical_speed', parsed?.logicalSpeed);
  rec.finish({ optic_type: 'removed from the plugin model (DIET-501); breakouts carry no optic type' });
  if (fromSpeed === undefined || logicalSpeed === undefined) return undefined;
  return { id, fromSpeed, logicalPorts, logicalSpeed };
}

export interface DeviceTypeBase {
  readonly slug: string;
  readonly manufacturer: string;
  readonly model: string;
  readonly uHeight?: number;
  readonly interfaces: InterfaceDoc[];
}

/** A switch type: the device type plus its Hedgehog metadata (the extension). */
export function readSwitchType(base: DeviceTypeBase, ext: HnpRecord): SwitchTypeDoc {
  const profile = ext.str('hedgehog_profile_name');
  const nativeSpeed = ext.int('native_speed');
  const breakouts = ext.strings('supported_breakouts');
  const mclagCapable = ext.bool('mclag_capable');
  const roles = ext.strings('hedgehog_roles');
  ext.finish(EXTENSION_DROPPED);
  return {
    slug: base.slug,
    manufacturer: base.manufacturer,
    model: base.model,
    ...(base.uHeight !== undefined ? { uHeight: base.uHeight } : {}),
    ...(profile !== undefined ? { hedgehogProfile: profile } : {}),
    ...(nativeSpeed !== undefined ? { nativeSpeed } : {}),
    ...(breakouts && breakouts.length > 0 ? { supportedBreakouts: breakouts } : {}),
    ...(mclagCapable !== undefined ? { mclagCapable } : {}),
    ...(roles && roles.length > 0 ? { roles } : {}),
    ...(base.interfaces.length > 0 ? { interfaces: base.interfaces } : {}),
  };
}
