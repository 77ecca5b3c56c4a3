import { TargetError } from '../../diag/errors.js';

/** What an HTTP answer must carry for a message (a subset of HttpResult, so tests can fake it). */
export interface StatusAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly attempts?: number;
}

const TOKEN_HINT =
  'check the API token in DIET_NETBOX_TOKEN (or the variable netbox.tokenEnv names): it must exist, be enabled, not be expired, allow writes for apply, and its user needs view/add/change/delete permissions on dcim and extras objects';
const START_HINT = 'check netbox.url / DIET_NETBOX_URL; for the local test NetBox run `scripts/services.sh start netbox`';

/** A request that never got an HTTP answer: refused, unresolvable, reset, TLS, or timed out. */
export function transportError(baseUrl: string, method: string, path: string, error: unknown, timeoutMs: number, attempts: number): TargetError {
  const tries = attempts > 1 ? ` (after ${attempts} attempts)` : '';
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new TargetError(`NetBox at ${baseUrl} did not answer ${method} ${path} within ${formatSeconds(timeoutMs)}${tries}`, `NetBox may be overloaded or hung: raise netbox.timeoutSeconds, or ${START_HINT}`);
  }
  const code = causeCode(error);
  if (code === 'ECONNREFUSED') return new TargetError(`cannot reach NetBox at ${baseUrl}: connection refused${tries}`, `nothing listens there; ${START_HINT}`);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new TargetError(`cannot reach NetBox at ${baseUrl}: host not found (${code})`, START_HINT);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return new TargetError(`NetBox at ${baseUrl} closed the connection during ${method} ${path}${tries}`, 'NetBox or a proxy in front of it dropped the request; check its logs and try again');
  if (code && /CERT|SELF_SIGNED|TLS|SSL/.test(code)) {
    return new TargetError(`TLS verification of NetBox at ${baseUrl} failed (${code})`, 'trust its CA with NODE_EXTRA_CA_CERTS=/path/ca.pem, or set netbox.verifyTls: false for a test server');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new TargetError(`cannot reach NetBox at ${baseUrl}: ${code ?? reason}${tries}`, START_HINT);
}

/** A whole-request failure (not per-object validation): one line and a hint per status. */
export function unexpectedStatus(baseUrl: string, method: string, path: string, answer: StatusAnswer): TargetError {
  const { status } = answer;
  const detail = detailOf(answer.body);
  const tries = (answer.attempts ?? 1) > 1 ? ` (after ${answer.attempts} attempts)` : '';
  const at = `${method} ${path}`;
  if (status === 401 || status === 403) return new TargetError(`NetBox at ${baseUrl} refused ${at} with ${status}: ${detail ?? 'forbidden'}`, TOKEN_HINT, status);
  if (status === 404) return new TargetError(`NetBox has no ${path} (404${detail ? `: ${detail}` : ''})`, `is ${baseUrl} the NetBox API root, and is it NetBox 4.x?`, status);
  if (status === 409) return new TargetError(`NetBox refused ${at} with 409 Conflict: ${detail ?? 'conflict'}`, 'other objects in NetBox still depend on it (delete those first, or leave the object in the spec)', status);
  if (status === 412) return new TargetError(`NetBox refused ${at} with 412: the object changed meanwhile`, 'run `diet plan --refresh live` again and apply the new plan', status);
  if (status === 429) return new TargetError(`NetBox rate-limited ${at} (429)${tries}`, 'a proxy in front of NetBox throttles diet; try again later or lower the request rate', status);
  if (status >= 500) {
    return new TargetError(`NetBox failed on ${at} with ${status}${statusText(status)}${detail ? `: ${detail}` : ''}${tries}`, 'a NetBox server error: see its log; bulk writes are all-or-none, so the failed batch left nothing behind', status);
  }
  if (status >= 300 && status < 400) return new TargetError(`NetBox redirected ${at} (${status})`, `check netbox.url: it must be the NetBox root (e.g. ${baseUrl.replace(/\/api$/, '')}), with the right scheme`, status);
  return new TargetError(`NetBox refused ${at} with ${status}${detail ? `: ${detail}` : ''}`, 'see the message; this may be a diet bug if the request came from a valid plan', status);
}

/** A short, single-line description from a NetBox error body: `detail`, `error`, or the text. */
export function detailOf(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : oneLine(body.trimStart().startsWith('<') ? htmlTitle(body) : body);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['detail', 'error', 'exception']) if (typeof record[key] === 'string' && record[key] !== '') return oneLine(record[key] as string);
  return undefined;
}

function htmlTitle(html: string): string {
  return /<title>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() || 'an HTML error page';
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}

function statusText(status: number): string {
  const names: Record<number, string> = { 500: ' Internal Server Error', 502: ' Bad Gateway', 503: ' Service Unavailable', 504: ' Gateway Timeout' };
  return names[status] ?? '';
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (e as { errors?: unknown[] }).errors; // AggregateError (IPv4 + IPv6 attempts)
    if (Array.isArray(errors) && errors.length > 0) {
      const inner = causeCode(errors[0]);
      if (inner) return inner;
    }
  }
  return undefined;
}
