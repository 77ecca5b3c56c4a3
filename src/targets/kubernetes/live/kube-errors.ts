import { TargetError } from '../../../diag/errors.js';
import type { KubeResponse } from './kube-http.js';

/** The `Status` object of a failed request (apimachinery meta/v1). */
interface KubeStatus {
  readonly message?: string;
  readonly reason?: string;
  readonly details?: { readonly name?: string; readonly kind?: string; readonly causes?: readonly { readonly reason?: string; readonly message?: string; readonly field?: string }[] };
}

/** A failure as one line, with the server's field causes and a hint. */
export interface KubeFailure {
  readonly message: string;
  readonly hint?: string;
  readonly status: number;
  readonly fields?: Readonly<Record<string, readonly string[]>>;
}

const REASONS: Readonly<Record<number, string>> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 410: 'Gone', 415: 'Unsupported Media Type', 422: 'Invalid', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable', 504: 'Gateway Timeout' };

const RBAC_HINT = 'grant the token a Role in namespace default with verbs get, list, patch and delete on switches, switchgroups, servers, connections, vlannamespaces (wiring.githedgehog.com) and ipv4namespaces (vpc.githedgehog.com); see docs/kubernetes.md';

/**
 * A non-2xx answer as a one-line failure. `what` names the object or request, e.g.
 * `Switch default/leaf-01` or `list switches.wiring.githedgehog.com`.
 */
export function describeFailure(res: KubeResponse, what: string, context: { readonly fabric: string; readonly server: string }): KubeFailure {
  const s: KubeStatus = typeof res.body === 'object' && res.body !== null ? (res.body as KubeStatus) : { message: String(res.body).slice(0, 300) };
  const head = `${res.status} ${REASONS[res.status] ?? s.reason ?? 'Error'}`;
  const causes = s.details?.causes ?? [];
  const message = s.message ?? '';
  // Server-side apply answers a field the CRD lacks with a 500 that is not transient.
  const undeclared = /: (\.[^\s:]+): field not declared in schema/.exec(message);
  if (undeclared) {
    const field = undeclared[1].replace(/^\./, '');
    return { status: res.status, message: `${head}: ${what}: ${field}: field not declared in the CRD schema`, hint: "the cluster's Hedgehog CRDs do not know this field; upgrade them, or use a diet release that matches", fields: { [field]: ['field not declared in schema'] } };
  }
  switch (res.status) {
    case 401:
      return { status: 401, message: `${head}: the API server at ${context.server} rejected the token of fabric ${context.fabric}`, hint: `check the token in the environment variable named by fabrics.${context.fabric}.kubernetes.tokenEnv` };
    case 403:
      return { status: 403, message: `${head}: ${forbiddenLine(message)}`, hint: /being terminated/.test(message) ? 'wait until the namespace is gone, or use another one' : RBAC_HINT };
    case 404:
      if (!s.details?.name) return { status: 404, message: `${head}: ${what}: the API server does not serve this resource type`, hint: 'install the Hedgehog fabric CRDs on the cluster (diet probe names the missing ones)' };
      return { status: 404, message: `${head}: ${what} does not exist` };
    case 409: {
      const conflicts = causes.filter((c) => c.reason === 'FieldManagerConflict');
      if (conflicts.length > 0) {
        return {
          status: 409,
          message: `${head}: ${what}: ${ownersLine(conflicts)}`,
          hint: 'another field manager changed fields diet applies; run `diet diff` to see the drift, then re-plan: an approved plan takes those fields back',
          fields: fieldMap(conflicts),
        };
      }
      if (s.reason === 'AlreadyExists') return { status: 409, message: `${head}: ${what} already exists` };
      return { status: 409, message: `${head}: ${what} changed since diet read it (${message})`, hint: 'run `diet plan` again to plan against the current object' };
    }
    case 422: {
      const lines = causes.map((c) => `${c.field ?? '(object)'}: ${c.message ?? c.reason ?? ''}`);
      return { status: 422, message: `${head}: ${what}: ${lines.length > 0 ? lines.join('; ') : message}`, hint: 'the API server rejected the object; fix the spec (or the CRD version) and plan again', fields: fieldMap(causes) };
    }
    case 429:
      return { status: 429, message: `${head}: ${what}: the API server kept throttling after every retry`, hint: 'try again later, or lower the apply concurrency' };
    default:
      return { status: res.status, message: `${head}: ${what}: ${message || 'no details'}`, hint: res.status >= 500 ? 'the API server failed; check its logs and try again' : undefined };
  }
}

export function failureError(f: KubeFailure): TargetError {
  return new TargetError(f.message, f.hint, f.status);
}

/** `User "x" cannot list resource "switches" in API group "g" in the namespace "default"` → a shorter line. */
function forbiddenLine(message: string): string {
  const m = /User "([^"]*)" cannot (\S+) resource "([^"]+)" in API group "([^"]*)" (?:in the namespace "([^"]+)"|at the cluster scope)/.exec(message);
  if (!m) return message;
  const [, user, verb, resource, group, namespace] = m;
  return `user "${user}" may not ${verb} ${group ? `${resource}.${group}` : resource} ${namespace ? `in namespace ${namespace}` : 'at the cluster scope'}`;
}

/** `conflict with "x" using v: .spec.role` causes, grouped: `field manager "x" owns .spec.role, .spec.profile`. */
function ownersLine(conflicts: readonly { readonly message?: string; readonly field?: string }[]): string {
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) {
    const manager = /conflict with "([^"]+)"/.exec(c.message ?? '')?.[1] ?? 'another manager';
    byManager.set(manager, [...(byManager.get(manager) ?? []), c.field ?? '?']);
  }
  return [...byManager].map(([manager, fields]) => `field manager "${manager}" owns ${fields.join(', ')}`).join('; ');
}

function fieldMap(causes: readonly { readonly message?: string; readonly field?: string; readonly reason?: string }[]): Record<string, string[]> | undefined {
  const out: Record<string, string[]> = {};
  for (const c of causes) (out[(c.field ?? '').replace(/^\./, '') || '(object)'] ??= []).push(c.message ?? c.reason ?? '');
  return Object.keys(out).length > 0 ? out : undefined;
}

const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|EPROTO$|CERT_|UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|ERR_OSSL_)/;

/** No answer at all: one line naming the server, with a hint. */
export function describeNetworkError(error: unknown, c: { readonly fabric: string; readonly server: string; readonly method: string; readonly path: string; readonly timeoutMs: number }): TargetError {
  const e = error as NodeJS.ErrnoException;
  const code = e.code ?? '';
  const config = `fabrics.${c.fabric}.kubernetes`;
  if (code === 'DIET_TIMEOUT') return new TargetError(`no answer from the Kubernetes API of fabric ${c.fabric} at ${c.server} within ${c.timeoutMs / 1000} s (${c.method} ${c.path})`, `the server is slow or unreachable; check it, or raise ${config}.timeoutSeconds`);
  if (TLS_CODES.test(code)) return new TargetError(`TLS verification of ${c.server} (fabric ${c.fabric}) failed: ${e.message}`, `set ${config}.caFile (or caData) to the CA that signed the API server's certificate`);
  if (code === 'ECONNREFUSED') return new TargetError(`cannot reach the Kubernetes API of fabric ${c.fabric} at ${c.server}: connection refused`, `check that the API server is running and that ${config}.server is right`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new TargetError(`cannot reach the Kubernetes API of fabric ${c.fabric}: host of ${c.server} not found`, `check ${config}.server`);
  return new TargetError(`request to the Kubernetes API of fabric ${c.fabric} at ${c.server} failed: ${e.message ?? String(error)}${code ? ` (${code})` : ''}`, `check ${config} and the network`);
}
