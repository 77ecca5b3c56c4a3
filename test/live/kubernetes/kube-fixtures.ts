// Helpers of the live Kubernetes tests: servers (reset under a lock), diet targets pointed at
// them, the 128-GPU example and variants of it, and plain-HTTP reads that check what the API
// server really stores independently of diet's client.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import type { KubernetesConfig } from '../../../src/config/target-config.js';
import { expandSpec, type ExpandedSpec } from '../../../src/engine/expand-spec.js';
import { diffResources } from '../../../src/plan/diff-resources.js';
import type { DesiredResource, ResourceChange } from '../../../src/resource/resource.js';
import { createKubernetesTarget, type KubernetesTarget, type KubernetesTargetOptions } from '../../../src/targets/kubernetes/live/create-kubernetes-target.js';
import { MANAGED_KINDS } from '../../../src/targets/kubernetes/live/kube-kinds.js';
import type { ApplyEvents, ApplyOutcome, LiveObject } from '../../../src/targets/live-target.js';
import { resourceSchema } from '../../../src/targets/resource-schemas.js';
import { kubeEnv, lockKube, ROOT, services, unlockKube } from './kube-instances.js';

export type Instance = 'a' | 'b';
export const EXAMPLE = join(ROOT, 'examples', '128gpu');

/** Takes the kube lock and empties both servers: every test file starts from nothing. */
export async function freshServers(): Promise<void> {
  await lockKube();
  services('reset', 'a');
  services('reset', 'b');
}

export function releaseServers(): void {
  unlockKube();
}

const envCache = new Map<Instance, ReturnType<typeof kubeEnv>>();
export function env(instance: Instance): ReturnType<typeof kubeEnv> {
  if (!envCache.has(instance)) envCache.set(instance, kubeEnv(instance));
  return envCache.get(instance)!;
}

/** The `kubernetes:` block of one fabric in diet.config.yaml, for server `instance`. */
export function fabricKubernetesYaml(instance: Instance, tokenEnv: string): string {
  return `    kubernetes:\n      server: ${env(instance).server}\n      tokenEnv: ${tokenEnv}\n      caFile: ${env(instance).caFile}\n`;
}

/**
 * Writes `diet.config.yaml` in `dir` with fabric frontend on server a and backend on server b,
 * tokens from DIET_KUBE_TOKEN_FE/_BE; returns those variables for the diet process.
 */
export function writeBothFabricsConfig(dir: string): Record<string, string> {
  writeFileSync(join(dir, 'diet.config.yaml'), `fabrics:\n  frontend:\n${fabricKubernetesYaml('a', 'DIET_KUBE_TOKEN_FE')}  backend:\n${fabricKubernetesYaml('b', 'DIET_KUBE_TOKEN_BE')}`);
  return { DIET_KUBE_TOKEN_FE: env('a').token, DIET_KUBE_TOKEN_BE: env('b').token };
}

export function kubeConfig(fabric: string, instance: Instance, overrides: Partial<KubernetesConfig> = {}): KubernetesConfig {
  const e = env(instance);
  return { fabric, server: e.server, token: e.token, ca: e.ca, verifyTls: true, timeoutMs: 30_000, namespace: 'default', ...overrides };
}

export function targetFor(fabric: string, instance: Instance, overrides: Partial<KubernetesConfig> = {}, options: KubernetesTargetOptions = {}): KubernetesTarget {
  return createKubernetesTarget(kubeConfig(fabric, instance, overrides), options);
}

/** The example, or a variant whose cluster.yaml was edited as a parsed document. */
export async function expandExample(edit?: (cluster: { spec: { serverClasses: { id: string; quantity: number }[] } }) => void): Promise<ExpandedSpec> {
  if (!edit) return expandSpec([EXAMPLE]);
  const dir = mkdtempSync(join(tmpdir(), 'diet-kube-variant-'));
  try {
    cpSync(EXAMPLE, dir, { recursive: true });
    const file = join(dir, 'cluster.yaml');
    const doc = parse(readFileSync(file, 'utf8'));
    edit(doc);
    writeFileSync(file, stringify(doc));
    return await expandSpec([dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function fabricDesired(spec: ExpandedSpec, fabric: string): DesiredResource[] {
  return spec.desired.filter((d) => d.target === 'kubernetes' && d.key.startsWith(`${fabric}/`));
}

/** read + the pure diff: what `diet plan --refresh live` does for one fabric. */
export async function planFabric(target: KubernetesTarget, cluster: string, desired: readonly DesiredResource[]): Promise<{ live: readonly LiveObject[]; changes: ResourceChange[] }> {
  const live = await target.read({ cluster, desired });
  return { live, changes: diffResources(desired, live, { schemas: resourceSchema }) };
}

export function recordingEvents(): ApplyEvents & { readonly seen: { done: number; total: number }[] } {
  const seen: { done: number; total: number }[] = [];
  return { seen, progress: (e) => seen.push({ done: e.done, total: e.total }) };
}

/** Plan and apply one fabric; returns the plan and the outcome. */
export async function planAndApply(target: KubernetesTarget, cluster: string, desired: readonly DesiredResource[]): Promise<{ changes: ResourceChange[]; outcome: ApplyOutcome }> {
  const { live, changes } = await planFabric(target, cluster, desired);
  const outcome = await target.apply(changes, new Map(live.map((o) => [o.address, o])), recordingEvents());
  return { changes, outcome };
}

export function actionsOf(changes: readonly ResourceChange[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of changes) out[`${c.action} ${c.type.split('/')[1]}`] = (out[`${c.action} ${c.type.split('/')[1]}`] ?? 0) + 1;
  return out;
}

// ---------------------------------------------------------------- plain HTTP, not diet's client

export interface RawAnswer {
  readonly status: number;
  readonly body: any;
}

export function raw(instance: Instance, method: string, path: string, body?: unknown, contentType = 'application/json', token?: string): Promise<RawAnswer> {
  const e = env(instance);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const r = request(new URL(path, e.server), { method, ca: e.ca, headers: { Authorization: `Bearer ${token ?? e.token}`, Accept: 'application/json', ...(payload ? { 'Content-Type': contentType } : {}) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text });
      });
    });
    r.on('error', reject);
    r.end(payload);
  });
}

export function rawObjectPath(kind: string, name: string): string {
  const k = MANAGED_KINDS.find((m) => m.kind === kind)!;
  return `/apis/${k.apiVersion}/namespaces/default/${k.plural}/${name}`;
}

/** Every object of diet's kinds in namespace default, keyed `Kind/name`. */
export async function rawObjects(instance: Instance): Promise<Map<string, any>> {
  const out = new Map<string, any>();
  for (const k of MANAGED_KINDS) {
    const res = await raw(instance, 'GET', `/apis/${k.apiVersion}/namespaces/default/${k.plural}`);
    if (res.status !== 200) throw new Error(`list ${k.plural}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    for (const item of res.body.items) out.set(`${k.kind}/${item.metadata.name}`, item);
  }
  return out;
}

/** A merge patch by another field manager (what a hand edit with kubectl edit/patch does). */
export function patchAs(instance: Instance, manager: string, kind: string, name: string, patch: unknown): Promise<RawAnswer> {
  return raw(instance, 'PATCH', `${rawObjectPath(kind, name)}?fieldManager=${manager}`, patch, 'application/merge-patch+json');
}
