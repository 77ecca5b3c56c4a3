import { createHash } from 'node:crypto';
import type { NamingTemplates } from '../model/fabric-model.js';
import type { DeviceCategory, SwitchRole } from '../model/enums.js';
import { formatNamePattern } from './name-pattern.js';

/** Django-style slugify (keeps `_`), as the reference names devices. */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .replace(/[-\s]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
}

/** Kubernetes object name: lower case, [a-z0-9-] only, no runs of `-`, ≤ 63 chars. */
export function sanitizeCrdName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/g, '');
}

export function deviceCategoryOf(role: SwitchRole): DeviceCategory {
  if (role === 'spine') return 'spine';
  if (role === 'border-leaf') return 'border';
  if (role === 'virtual') return 'oob';
  return 'leaf';
}

export interface NameContext {
  readonly site: string;
  readonly classId: string;
  readonly category: DeviceCategory;
  readonly fabric: string;
  readonly role: string;
  readonly index: number;
}

export function switchName(templates: NamingTemplates, ctx: NameContext): string {
  const pattern = templates[ctx.category];
  if (pattern) return formatNamePattern(pattern, { site: ctx.site, class: ctx.classId, category: ctx.category, fabric: ctx.fabric, role: ctx.role, rack: 0, index: ctx.index });
  return `${slugify(ctx.classId)}-${String(ctx.index).padStart(2, '0')}`;
}

export function serverName(templates: NamingTemplates, site: string, classId: string, index: number): string {
  if (templates.server) {
    return formatNamePattern(templates.server, { site, class: classId, category: 'server', fabric: '', role: 'server', rack: 0, index });
  }
  return `${slugify(classId)}-${String(index).padStart(3, '0')}`;
}

/** Locally administered MAC derived from the name: stable across regenerations. */
export function bootMac(deviceName: string): string {
  const digest = createHash('sha256').update(deviceName, 'utf8').digest();
  const bytes = [0x02, ...digest.subarray(1, 6)];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}
