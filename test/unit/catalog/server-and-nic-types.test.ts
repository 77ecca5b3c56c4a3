import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../../src/catalog/builtin-catalog.js';

describe('built-in server types', () => {
  it('has the generic servers the examples use', () => {
    const { serverTypes } = builtinCatalog();
    expect([...serverTypes.keys()].sort()).toEqual(
      ['generic-server', 'gpu-server-fe', 'gpu-server-fe-be', 'storage-server-200g'],
    );
    for (const t of serverTypes.values()) {
      expect(t.manufacturer).toBe('Generic');
      expect(t.uHeight).toBeGreaterThanOrEqual(1);
      expect(t.uHeight).toBeLessThanOrEqual(4);
    }
  });
});

describe('built-in NIC types', () => {
  it('has the port names and types that server interfaces are built from', () => {
    const ports = Object.fromEntries(
      [...builtinCatalog().nicTypes.values()].map((n) => [n.slug, n.ports.map((p) => `${p.name}:${p.type}`)]),
    );
    expect(ports).toEqual({
      'bluefield-3-bf3220': ['p0:200gbase-x-qsfp56', 'p1:200gbase-x-qsfp56'],
      'connectx-7-single-port': ['port0:400gbase-x-osfp'],
      'bmc-management-port': ['bmc0:1000base-t'],
      'aiom-dual-25g': ['port0:25gbase-x-sfp28', 'port1:25gbase-x-sfp28'],
      'connectx-7-dual-100g': ['port0:100gbase-x-qsfp28', 'port1:100gbase-x-qsfp28'],
      'connectx-7-dual-200g': ['port0:200gbase-x-qsfp56', 'port1:200gbase-x-qsfp56'],
      'generic-dual-100g': ['port0:100gbase-x-qsfp28', 'port1:100gbase-x-qsfp28'],
    });
    expect(builtinCatalog().nicTypes.get('bluefield-3-bf3220')?.model).toBe('BlueField-3 B3220');
  });
});
