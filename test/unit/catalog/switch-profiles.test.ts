import { describe, expect, it } from 'vitest';
import { builtinCatalog, profileByName } from '../../../src/catalog/builtin-catalog.js';
import type { SwitchDeviceType } from '../../../src/model/catalog-types.js';

const DEFAULT_PROFILES = [
  'celestica-ds2000', 'celestica-ds3000', 'celestica-ds4000', 'celestica-ds4101', 'celestica-ds5000',
  'dell-s5232f-on', 'dell-s5248f-on', 'dell-z9332f-on',
  'edgecore-dcs203', 'edgecore-dcs204', 'edgecore-dcs240', 'edgecore-dcs501',
  'edgecore-eps202', 'edgecore-eps203', 'supermicro-sse-c4632sb', 'vs',
];

function profile(name: string): SwitchDeviceType {
  const type = profileByName(name);
  if (!type) throw new Error(`missing profile ${name}`);
  return type;
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

describe('built-in switch profiles', () => {
  it('has every default Hedgehog profile under its own name, and the ES1000', () => {
    const slugs = [...builtinCatalog().switchTypes.keys()];
    expect([...slugs].sort()).toEqual([...DEFAULT_PROFILES, 'celestica-es1000'].sort());
    for (const name of DEFAULT_PROFILES) {
      expect(profile(name).slug).toBe(name);
      expect(profile(name).hedgehogProfile).toBe(name);
    }
  });

  it('names interfaces E1/1..E1/N, one per data port, without the management port', () => {
    for (const type of builtinCatalog().switchTypes.values()) {
      const expected = type.ports.map((_, i) => `E1/${i + 1}`);
      expect(type.ports.map((p) => `E1/${p.port}`), type.slug).toEqual(expected);
      expect(type.interfaces.map((i) => i.name), type.slug).toEqual(expected);
    }
  });

  it('DS5000: 64 OSFP-800G breakout ports + 2 SFP28-25G, 800G native, no MCLAG/ESLAG', () => {
    const ds5000 = profile('celestica-ds5000');
    expect(ds5000.interfaces).toHaveLength(66);
    expect(countBy(ds5000.interfaces.map((i) => i.type))).toEqual({ '800gbase-x-osfp': 64, '25gbase-x-sfp28': 2 });
    expect(ds5000.interfaces[64]).toEqual({ name: 'E1/65', type: '25gbase-x-sfp28' });
    expect(ds5000.supportedBreakouts).toEqual(expect.arrayContaining(['1x800g', '2x400g', '4x200g', '8x100g']));
    expect(ds5000.ports[0]).toMatchObject({ kind: 'breakout', profile: 'OSFP-800G', defaultMode: '1x800G' });
    expect(ds5000.ports[0].supportedModes).toHaveLength(11);
    expect(ds5000.ports[65]).toMatchObject({ kind: 'direct', defaultMode: '25G', supportedModes: ['1G', '10G', '25G'] });
    expect(ds5000.nativeSpeed).toBe(800);
    expect(ds5000.maxPorts).toBe(320);
    expect(ds5000.mclagCapable).toBe(false);
    expect(ds5000.eslagCapable).toBe(false);
    expect(ds5000.manufacturer).toBe('Celestica');
    expect(ds5000.model).toBe('DS5000');
  });

  it('DS3000: breakouts from its 100G cages only, MCLAG and ESLAG capable', () => {
    const ds3000 = profile('celestica-ds3000');
    expect(ds3000.supportedBreakouts).toEqual(expect.arrayContaining(['1x100g', '4x25g']));
    expect(ds3000.supportedBreakouts).not.toContain('1x25g');
    expect(ds3000.supportedBreakouts).not.toContain('1x10g'); // E1/33 is a speed port
    expect(ds3000.nativeSpeed).toBe(100);
    expect(ds3000.eslagCapable).toBe(true);
    expect(ds3000.mclagCapable).toBe(true);
    expect(profile('supermicro-sse-c4632sb').ports).toEqual(ds3000.ports);
  });

  it('MCLAG/ESLAG follow the feature matrix', () => {
    const matrix = Object.fromEntries(
      [...builtinCatalog().switchTypes.values()].map((t) => [t.slug, [t.mclagCapable, t.eslagCapable]]),
    );
    expect(matrix['celestica-ds4000']).toEqual([false, false]);
    expect(matrix['celestica-ds4101']).toEqual([false, false]);
    expect(matrix['dell-z9332f-on']).toEqual([false, false]);
    expect(matrix['edgecore-dcs501']).toEqual([false, false]);
    expect(matrix['edgecore-dcs240']).toEqual([false, true]);
    expect(matrix['edgecore-eps202']).toEqual([false, true]);
    for (const yes of ['celestica-ds2000', 'dell-s5232f-on', 'dell-s5248f-on', 'edgecore-dcs203',
      'edgecore-dcs204', 'edgecore-eps203', 'vs']) {
      expect(matrix[yes], yes).toEqual([true, true]);
    }
  });

  it('derives native speed from the highest default (2x400G is 400, speed ports count)', () => {
    expect(profile('celestica-ds4101').nativeSpeed).toBe(400);
    expect(profile('vs').nativeSpeed).toBe(25);
    expect(profile('edgecore-eps203').nativeSpeed).toBe(100);
    expect(profile('celestica-ds4101').interfaces[0].type).toBe('800gbase-x-osfp');
  });

  it('speed-only profiles have no breakout allow-list', () => {
    expect(profile('vs').supportedBreakouts).toEqual([]);
    expect(profile('vs').ports.every((p) => p.kind === 'group')).toBe(true);
  });

  it('keeps mixed layouts port by port (DS2000, DCS203, EPS203)', () => {
    const ds2000 = profile('celestica-ds2000');
    expect(ds2000.ports.filter((p) => p.kind === 'breakout').map((p) => p.port)).toEqual([49, 56]);
    expect(ds2000.ports[49]).toMatchObject({ port: 50, kind: 'direct', profile: 'QSFP28-100G-nb', defaultMode: '100G' });
    const dcs203 = profile('edgecore-dcs203');
    expect(countBy(dcs203.ports.map((p) => p.kind))).toEqual({ group: 48, breakout: 7, direct: 3 });
    const eps203 = profile('edgecore-eps203');
    expect(countBy(eps203.interfaces.map((i) => i.type))).toEqual({
      '2.5gbase-t': 36, '10gbase-x-sfpp': 12, '25gbase-x-sfp28': 4, '100gbase-x-qsfp28': 2,
    });
    expect(eps203.roles).not.toContain('spine');
  });

  it('Z9332F adds 1x200G and 1x50G to the DS4000 mode list', () => {
    const extra = profile('dell-z9332f-on').supportedBreakouts.filter(
      (id) => !profile('celestica-ds4000').supportedBreakouts.includes(id),
    );
    expect(extra.sort()).toEqual(['1x200g', '1x50g']);
    expect(profile('dell-z9332f-on').maxPorts).toBe(144);
    expect(profile('edgecore-dcs240').maxPorts).toBeUndefined();
  });

  it('spine-only profiles are not offered as leaves', () => {
    for (const name of ['celestica-ds4000', 'celestica-ds4101', 'dell-z9332f-on', 'edgecore-dcs501']) {
      expect(profile(name).roles, name).toEqual(['spine']);
    }
    expect(profile('celestica-ds5000').roles).toEqual(['spine', 'server-leaf', 'border-leaf']);
  });
});

describe('celestica-es1000 management switch', () => {
  const es1000 = builtinCatalog().switchTypes.get('celestica-es1000')!;

  it('is not a Hedgehog profile', () => {
    expect(es1000.hedgehogProfile).toBeUndefined();
    expect(profileByName('celestica-es1000')).toBeUndefined();
    expect(es1000.roles).toEqual([]);
    expect([es1000.mclagCapable, es1000.eslagCapable]).toEqual([false, false]);
  });

  it('has 48 x 1G RJ45 and 4 x 25G SFP28 ports, native 1G', () => {
    expect(es1000.interfaces).toHaveLength(52);
    expect(es1000.interfaces[47]).toEqual({ name: 'E1/48', type: '1000base-t' });
    expect(es1000.interfaces[48]).toEqual({ name: 'E1/49', type: '25gbase-x-sfp28' });
    expect(es1000.interfaces[51]).toEqual({ name: 'E1/52', type: '25gbase-x-sfp28' });
    expect(es1000.ports.every((p) => p.kind === 'direct')).toBe(true);
    expect(es1000.nativeSpeed).toBe(1);
    expect(es1000.supportedBreakouts).toEqual(['1x1g', '1x10g', '1x25g']);
  });
});

describe('profileByName', () => {
  it('returns undefined for unknown names', () => {
    expect(profileByName('celestica-ds9999')).toBeUndefined();
    expect(profileByName('')).toBeUndefined();
  });
});
