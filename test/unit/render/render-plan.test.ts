import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createPlan } from '../../../src/plan/create-plan.js';
import type { PlanDocument } from '../../../src/plan/plan-document.js';
import { toPlanDocument } from '../../../src/plan/to-plan-document.js';
import { renderPlanText } from '../../../src/render/render-plan.js';
import type { ResourceChange } from '../../../src/resource/resource.js';
import { smallPlan } from '../../support/small-plan.js';

const golden = (name: string) => readFileSync(new URL(`../../fixtures/plan/${name}`, import.meta.url), 'utf8');
const ANSI = /\u001b\[/;

function docOf(changes: ResourceChange[], topology: Record<string, unknown> = {}): PlanDocument {
  return toPlanDocument(createPlan({ cluster: 'c', changes, topology, baseline: { kind: 'empty' }, dietVersion: '0', specDigest: 'x' }));
}

function many(action: ResourceChange['action'], n: number, prefix = 'k'): ResourceChange[] {
  return Array.from({ length: n }, (_, i) => {
    const key = `${prefix}${String(i).padStart(2, '0')}`;
    const attrChanges = action === 'update' || action === 'replace' ? [{ path: 'status', before: 'a', after: 'b' }] : [];
    return { address: `netbox.dcim.interface[${key}]`, target: 'netbox', type: 'dcim.interface', key, action, after: { name: key }, attrChanges, dependsOn: [] };
  });
}

describe('renderPlanText', () => {
  it('renders the small plan exactly as the golden text (summary detail)', () => {
    expect(renderPlanText(toPlanDocument(smallPlan()), { color: false })).toBe(golden('small-plan.txt'));
  });

  it('renders the small plan exactly as the golden text (full detail)', () => {
    expect(renderPlanText(toPlanDocument(smallPlan()), { color: false, detail: 'full' })).toBe(golden('small-plan.full.txt'));
  });

  it('colours symbols only when asked, with the same text underneath', () => {
    const doc = toPlanDocument(smallPlan());
    const coloured = renderPlanText(doc, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[32m+\u001b[39m netbox.dcim.device[leaf-02]');
    expect(coloured).toContain('\u001b[31m-\u001b[39m/\u001b[32m+\u001b[39m netbox.dcim.device[spine-01]');
    expect(renderPlanText(doc, { color: false })).not.toMatch(ANSI);
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderPlanText(doc, { color: false }));
  });

  it('says so when there is nothing to do', () => {
    expect(renderPlanText(docOf([]), { color: false })).toBe('No changes. Your infrastructure matches the configuration.\n');
    const noops = docOf([{ ...many('create', 1)[0], action: 'noop' }], { switches: 1, servers: 1024 });
    expect(renderPlanText(noops, { color: false })).toBe('Topology: 1 switch, 1,024 servers\n\nNo changes. Your infrastructure matches the configuration.\n');
  });

  it('condenses many creates of a type into one counted line unless detail is full', () => {
    const doc = docOf(many('create', 25));
    const summary = renderPlanText(doc, { color: false });
    expect(summary).toContain('netbox dcim.interface: 25 to create\n  + 25 netbox.dcim.interface to create ([k00] ... [k24])\n');
    expect(summary).not.toContain('netbox.dcim.interface[k05]');
    expect(summary.trimEnd().split('\n').at(-1)).toBe('Plan: 25 to add, 0 to change, 0 to destroy.');
    const full = renderPlanText(doc, { color: false, detail: 'full' });
    expect(full.match(/^ {2}\+ netbox\.dcim\.interface\[k\d\d\]$/gm)).toHaveLength(25);
    expect(full).toContain('      + name: "k24"');
  });

  it('lists updates up to the limit and counts the rest', () => {
    const doc = docOf([...many('update', 12, 'u'), ...many('delete', 3, 'd')]);
    const text = renderPlanText(doc, { color: false, listLimit: 10 });
    expect(text.match(/^ {2}~ netbox\.dcim\.interface\[u\d\d\]$/gm)).toHaveLength(10);
    expect(text).toContain('  ~ 2 more netbox.dcim.interface to update (full detail lists them)\n');
    expect(text.match(/^ {2}- netbox\.dcim\.interface\[d\d\d\]$/gm)).toHaveLength(3); // under the limit: listed
    expect(text).toContain('Plan: 0 to add, 12 to change, 3 to destroy.');
  });

  it('groups by target, then type, in order of first appearance', () => {
    const k8s: ResourceChange = { address: 'kubernetes.k.Switch[s]', target: 'kubernetes', type: 'k.Switch', key: 's', action: 'create', after: {}, attrChanges: [], dependsOn: [] };
    const site: ResourceChange = { address: 'netbox.dcim.site[a]', target: 'netbox', type: 'dcim.site', key: 'a', action: 'create', after: {}, attrChanges: [], dependsOn: [] };
    const text = renderPlanText(docOf([site, k8s, many('create', 1)[0]]), { color: false });
    const headings = text.split('\n').filter((l) => /^\w.*: 1 to create$/.test(l));
    expect(headings).toEqual(['netbox dcim.site: 1 to create', 'netbox dcim.interface: 1 to create', 'kubernetes k.Switch: 1 to create']);
  });
});

describe('renderPlanText with ownership changes', () => {
  const device = (key: string, ownership: 'adopt' | 'release', before: string[], after: string[]): ResourceChange => ({
    address: `netbox.dcim.device[${key}]`, target: 'netbox', type: 'dcim.device', key, action: 'update',
    before: { tags: before }, after: { tags: after }, attrChanges: [{ path: 'tags', before, after }], dependsOn: [], ownership,
  });

  it('names adoptions and releases on their lines, in the group heading and under the summary', () => {
    const text = renderPlanText(docOf([device('srv-9', 'adopt', ['rack-a'], ['diet-c', 'rack-a']), device('srv-7', 'release', ['diet-c'], [])]), { color: false });
    expect(text).toContain('netbox dcim.device: 1 to adopt, 1 to release\n');
    expect(text).toContain('  ~ netbox.dcim.device[srv-9] (adopt existing object)\n      ~ tags: ["rack-a"] -> ["diet-c","rack-a"]');
    expect(text).toContain("  ~ netbox.dcim.device[srv-7] (release: diet's tag removed, object kept)");
    expect(text).toContain('Plan: 0 to add, 2 to change, 0 to destroy.\nOwnership: 1 to adopt, 1 to release (adopted objects are never destroyed).\n');
  });

  it('says nothing about ownership in plans without it', () => {
    expect(renderPlanText(toPlanDocument(smallPlan()), { color: false })).not.toContain('Ownership');
  });
});
