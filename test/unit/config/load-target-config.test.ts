import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTargetConfig } from '../../../src/config/load-target-config.js';
import { ConfigError } from '../../../src/diag/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'diet-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
function file(text: string): string {
  const path = join(dir, `c${n++}.yaml`);
  writeFileSync(path, text);
  return path;
}
const SECRET = '0123456789abcdef0123456789abcdef01234567';

function configError(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadTargetConfig', () => {
  it('reads NetBox from the environment when there is no file, with TLS verification on', () => {
    const c = loadTargetConfig(undefined, { DIET_NETBOX_URL: 'http://127.0.0.1:8480/', DIET_NETBOX_TOKEN: SECRET });
    expect(c.netbox).toEqual({ url: 'http://127.0.0.1:8480', token: SECRET, verifyTls: true, timeoutMs: 30_000 });
    expect(c.kubernetes.size).toBe(0);
  });

  it('has no NetBox without file or DIET_NETBOX_URL', () => {
    expect(loadTargetConfig(undefined, {}).netbox).toBeUndefined();
  });

  it('reads the file format documented in target-config.ts', () => {
    const path = file(`netbox:
  url: https://netbox.example.com
  tokenEnv: NB_TOKEN
  verifyTls: false
  timeoutSeconds: 5
fabrics:
  frontend:
    kubernetes:
      server: https://127.0.0.1:6443
      tokenEnv: KUBE_FE
      caData: ${Buffer.from('-----BEGIN CERTIFICATE-----\nabc\n-----END CERTIFICATE-----\n').toString('base64')}
`);
    const c = loadTargetConfig(path, { NB_TOKEN: SECRET, KUBE_FE: 'kube-secret', DIET_NETBOX_URL: 'http://ignored' });
    expect(c.netbox).toEqual({ url: 'https://netbox.example.com', token: SECRET, verifyTls: false, timeoutMs: 5000 });
    const fe = c.kubernetes.get('frontend')!;
    expect(fe).toMatchObject({ fabric: 'frontend', server: 'https://127.0.0.1:6443', token: 'kube-secret', verifyTls: true, timeoutMs: 30_000, namespace: 'default' });
    expect(fe.ca).toContain('BEGIN CERTIFICATE');
  });

  it('names an unknown key', () => {
    const e = configError(() => loadTargetConfig(file('netbox:\n  url: http://x\n  timeoutSecs: 3\n'), { DIET_NETBOX_TOKEN: SECRET }));
    expect(e.message).toContain('unknown key netbox.timeoutSecs');
    expect(e.message).toContain('timeoutSeconds');
  });

  it('names a key of the wrong type', () => {
    const e = configError(() => loadTargetConfig(file('netbox:\n  url: http://x\n  verifyTls: "no"\n'), { DIET_NETBOX_TOKEN: SECRET }));
    expect(e.message).toMatch(/netbox\.verifyTls must be true or false, got string "no"/);
  });

  it('refuses a missing url, a bad url and credentials in the url', () => {
    expect(configError(() => loadTargetConfig(file('netbox:\n  tokenEnv: T\n'), { T: SECRET })).message).toContain('netbox.url is missing');
    expect(configError(() => loadTargetConfig(file('netbox:\n  url: netbox.local\n'), { DIET_NETBOX_TOKEN: SECRET })).message).toContain('netbox.url is not a URL');
    expect(configError(() => loadTargetConfig(file('netbox:\n  url: ftp://x\n'), { DIET_NETBOX_TOKEN: SECRET })).message).toContain('http:// or https://');
    const e = configError(() => loadTargetConfig(file('netbox:\n  url: http://u:pw@x\n'), { DIET_NETBOX_TOKEN: SECRET }));
    expect(e.message).not.toContain('pw');
  });

  it('refuses a bad timeout', () => {
    expect(configError(() => loadTargetConfig(file('netbox:\n  url: http://x\n  timeoutSeconds: 0\n'), { DIET_NETBOX_TOKEN: SECRET })).message).toContain('netbox.timeoutSeconds');
  });

  it('names the unset token variable and never prints a token', () => {
    const e = configError(() => loadTargetConfig(file('netbox:\n  url: http://x\n  tokenEnv: MY_TOKEN\n'), {}));
    expect(e.message).toBe('environment variable MY_TOKEN (netbox.tokenEnv) is not set');
    const pasted = configError(() => loadTargetConfig(file(`netbox:\n  url: http://x\n  tokenEnv: ${SECRET}\n`), {}));
    expect(pasted.message).not.toContain(SECRET);
    expect(pasted.hint).toContain('never the token itself');
    const env = configError(() => loadTargetConfig(undefined, { DIET_NETBOX_URL: 'http://x' }));
    expect(env.message).toContain('DIET_NETBOX_TOKEN');
  });

  it('explains a file that cannot be read or parsed', () => {
    expect(configError(() => loadTargetConfig(join(dir, 'missing.yaml'), {})).message).toContain('cannot read configuration file');
    expect(configError(() => loadTargetConfig(file('netbox: [\n'), {})).message).toContain('not valid YAML');
    expect(configError(() => loadTargetConfig(file('- a\n'), {})).message).toContain('the top level must be a mapping');
  });

  it('requires kubernetes server and tokenEnv per fabric and refuses two CA sources', () => {
    expect(configError(() => loadTargetConfig(file('fabrics:\n  fe:\n    kubernetes:\n      tokenEnv: K\n'), { K: 'x' })).message).toContain('fabrics.fe.kubernetes.server is missing');
    const both = file('fabrics:\n  fe:\n    kubernetes:\n      server: https://k\n      tokenEnv: K\n      caFile: /x\n      caData: eA==\n');
    expect(configError(() => loadTargetConfig(both, { K: 'x' })).message).toContain('are both set');
  });
});
