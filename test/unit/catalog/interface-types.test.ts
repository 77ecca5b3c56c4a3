import { describe, expect, it } from 'vitest';
import { profilePortInterfaceType, speedToInterfaceType } from '../../../src/catalog/interface-types.js';
import type { ProfilePort } from '../../../src/model/catalog-types.js';

describe('speedToInterfaceType', () => {
  it('maps the reference speeds', () => {
    expect([800, 400, 200, 100, 40, 25, 10, 1].map(speedToInterfaceType)).toEqual([
      '800gbase-x-qsfpdd', '400gbase-x-qsfpdd', '200gbase-x-qsfp56', '100gbase-x-qsfp28',
      '40gbase-x-qsfpp', '25gbase-x-sfp28', '10gbase-x-sfpp', '1000base-x-sfp',
    ]);
  });

  it('falls back to other', () => {
    expect(speedToInterfaceType(50)).toBe('other');
    expect(speedToInterfaceType(2.5)).toBe('other');
    expect(speedToInterfaceType(0)).toBe('other');
  });
});

describe('profilePortInterfaceType', () => {
  const port = (profile: string, defaultMode: string): ProfilePort =>
    ({ port: 1, kind: 'direct', profile, defaultMode, supportedModes: [defaultMode] });

  it('uses the cage label where the reference lists it', () => {
    expect(profilePortInterfaceType(port('OSFP-800G', '1x800G'))).toBe('800gbase-x-osfp');
    expect(profilePortInterfaceType(port('OSFP-2x400G', '2x400G'))).toBe('800gbase-x-osfp');
    expect(profilePortInterfaceType(port('QSFP56DD-400G', '1x400G'))).toBe('400gbase-x-qsfpdd');
    expect(profilePortInterfaceType(port('RJ45-10G', '10G'))).toBe('10gbase-x-sfpp');
    expect(profilePortInterfaceType(port('RJ45-2.5G', '2.5G'))).toBe('2.5gbase-t');
    expect(profilePortInterfaceType(port('RJ45-1G', '1G'))).toBe('1000base-t');
  });

  it('uses the default speed for other labels', () => {
    expect(profilePortInterfaceType(port('QSFP28-100G-nb', '100G'))).toBe('100gbase-x-qsfp28');
    expect(profilePortInterfaceType(port('QSFP112-400G', '2x200G'))).toBe('200gbase-x-qsfp56');
  });
});
