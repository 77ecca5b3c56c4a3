/**
 * Built-in server device types. Servers are generic chassis: what matters to a plan is
 * the NICs a server class declares, so these carry only what NetBox needs for a device.
 */
import type { ServerDeviceType } from '../model/catalog-types.js';

export const BUILTIN_SERVER_TYPES: readonly ServerDeviceType[] = [
  // GPU servers with 8 accelerators are 4U class machines.
  { slug: 'gpu-server-fe', manufacturer: 'Generic', model: 'GPU-Server-FE', uHeight: 4 },
  { slug: 'gpu-server-fe-be', manufacturer: 'Generic', model: 'GPU-Server-FE-BE', uHeight: 4 },
  { slug: 'storage-server-200g', manufacturer: 'Generic', model: 'Storage-Server-200G', uHeight: 2 },
  { slug: 'generic-server', manufacturer: 'Generic', model: 'Generic Server', uHeight: 1 },
];
