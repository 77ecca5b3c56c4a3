import { TargetError } from '../../diag/errors.js';
import type { NetboxHttp } from './netbox-http.js';

export const SUPPORTED_MAJOR = 4;
export const TESTED_MINOR = 7;

/**
 * Asks NetBox for its version (`GET /api/status/`, which also proves the token works) and
 * refuses anything but 4.x: the REST shapes diet relies on (`role` on devices, cable
 * terminations as lists, `?fields=`) are 4.x ones. A 4.x other than 4.7 gets a warning.
 */
export async function probeNetbox(http: NetboxHttp): Promise<{ version: string; warnings: string[] }> {
  const result = await http.expectOk('GET', '/api/status/');
  const body = result.body as Record<string, unknown> | null;
  const reported = typeof body?.['netbox-version'] === 'string' ? (body['netbox-version'] as string) : result.headers.get('api-version') ?? '';
  const m = /^(\d+)\.(\d+)/.exec(reported);
  if (!m) throw new TargetError(`${http.baseUrl} did not report a NetBox version on /api/status/`, 'is netbox.url the root of a NetBox 4.x server?');
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major !== SUPPORTED_MAJOR) {
    throw new TargetError(`NetBox at ${http.baseUrl} is version ${reported}; diet supports NetBox ${SUPPORTED_MAJOR}.x only`, major < SUPPORTED_MAJOR ? 'upgrade NetBox to 4.x (4.7 is what diet is tested with)' : 'use a diet release that supports this NetBox version');
  }
  const warnings = minor === TESTED_MINOR ? [] : [`NetBox at ${http.baseUrl} is version ${reported}; diet is tested with ${SUPPORTED_MAJOR}.${TESTED_MINOR} (other 4.x versions should work, error messages of bulk writes may be less precise)`];
  return { version: reported, warnings };
}
