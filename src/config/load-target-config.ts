import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../diag/errors.js';
import { readConfigFields, type ConfigFields } from './config-fields.js';
import type { KubernetesConfig, NetboxConfig, TargetConfig } from './target-config.js';

export type ConfigEnv = Readonly<Record<string, string | undefined>>;

const DEFAULT_TIMEOUT_SECONDS = 30;
const DEFAULT_NETBOX_TOKEN_ENV = 'DIET_NETBOX_TOKEN';
const HINT = 'see docs/netbox.md for the configuration file format';

/**
 * Reads the target configuration: the YAML file when a path is given (format in
 * target-config.ts), else nothing; NetBox falls back to DIET_NETBOX_URL / DIET_NETBOX_TOKEN
 * when the file has no `netbox` section. Tokens come only from environment variables and
 * never appear in an error message. Every problem is a ConfigError naming the key.
 */
export function loadTargetConfig(path: string | undefined, env: ConfigEnv): TargetConfig {
  const root = path === undefined ? {} : readConfigFile(path);
  const where = path ?? 'environment';
  const top = readConfigFields(root, '', ['netbox', 'fabrics'], where);
  const netbox = top.has('netbox') ? netboxFromFile(top.object('netbox'), env, where) : netboxFromEnv(env);
  const kubernetes = new Map<string, KubernetesConfig>();
  if (top.has('fabrics')) {
    const fabrics = top.object('fabrics');
    for (const fabric of fabrics.keys()) {
      const entry = readConfigFields(fabrics.raw(fabric), `fabrics.${fabric}`, ['kubernetes'], where);
      if (entry.has('kubernetes')) kubernetes.set(fabric, kubernetesFromFile(fabric, entry.object('kubernetes'), env, where));
    }
  }
  return netbox ? { netbox, kubernetes } : { kubernetes };
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read configuration file ${path}${code ? ` (${code})` : ''}`, 'pass an existing file with --config, or leave it out and set DIET_NETBOX_URL / DIET_NETBOX_TOKEN');
  }
  try {
    const value: unknown = parseYaml(text);
    return value ?? {};
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`configuration file ${path} is not valid YAML: ${reason}`, HINT);
  }
}

function netboxFromFile(f: ConfigFields, env: ConfigEnv, where: string): NetboxConfig {
  f.only(['url', 'tokenEnv', 'verifyTls', 'timeoutSeconds']);
  const url = checkUrl(f.string('url'), f.path('url'), where);
  const tokenEnv = f.optionalString('tokenEnv') ?? DEFAULT_NETBOX_TOKEN_ENV;
  return { url, token: tokenFrom(env, tokenEnv, f.path('tokenEnv')), verifyTls: f.optionalBoolean('verifyTls') ?? true, timeoutMs: timeoutOf(f) };
}

function netboxFromEnv(env: ConfigEnv): NetboxConfig | undefined {
  const url = env.DIET_NETBOX_URL;
  if (url === undefined || url === '') return undefined;
  return { url: checkUrl(url, 'DIET_NETBOX_URL', 'environment'), token: tokenFrom(env, DEFAULT_NETBOX_TOKEN_ENV, 'DIET_NETBOX_TOKEN'), verifyTls: true, timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000 };
}

function kubernetesFromFile(fabric: string, f: ConfigFields, env: ConfigEnv, where: string): KubernetesConfig {
  f.only(['server', 'tokenEnv', 'caFile', 'caData', 'verifyTls', 'timeoutSeconds']);
  const server = checkUrl(f.string('server'), f.path('server'), where);
  const tokenEnv = f.string('tokenEnv');
  const caFile = f.optionalString('caFile');
  const caData = f.optionalString('caData');
  if (caFile !== undefined && caData !== undefined) throw new ConfigError(`${where}: ${f.path('caFile')} and ${f.path('caData')} are both set`, 'give the CA bundle once: a file path or base64 PEM data');
  const ca = caFile !== undefined ? readCaFile(caFile, f.path('caFile'), where) : caData !== undefined ? Buffer.from(caData, 'base64').toString('utf8') : undefined;
  if (ca !== undefined && !ca.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`${where}: ${f.path(caFile !== undefined ? 'caFile' : 'caData')} does not contain a PEM certificate`, HINT);
  return {
    fabric,
    server,
    token: tokenFrom(env, tokenEnv, f.path('tokenEnv')),
    ...(ca !== undefined ? { ca } : {}),
    verifyTls: f.optionalBoolean('verifyTls') ?? true,
    timeoutMs: timeoutOf(f),
    namespace: 'default',
  };
}

function readCaFile(file: string, key: string, where: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${where}: ${key}: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`, HINT);
  }
}

function timeoutOf(f: ConfigFields): number {
  const seconds = f.optionalNumber('timeoutSeconds') ?? DEFAULT_TIMEOUT_SECONDS;
  if (!(seconds > 0 && seconds <= 3600)) throw new ConfigError(`${f.where}: ${f.path('timeoutSeconds')} must be a number of seconds between 0 and 3600, got ${seconds}`, HINT);
  return Math.round(seconds * 1000);
}

function checkUrl(value: string, key: string, where: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${where}: ${key} is not a URL: ${JSON.stringify(value)}`, 'write it like http://127.0.0.1:8480 or https://netbox.example.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${where}: ${key} must be an http:// or https:// URL, got ${url.protocol}`, HINT);
  if (url.username || url.password) throw new ConfigError(`${where}: ${key} must not contain credentials`, 'put the token in an environment variable and name it with tokenEnv');
  return value.replace(/\/+$/, '');
}

/** The token's value from the named variable; the value itself is never part of a message. */
function tokenFrom(env: ConfigEnv, name: string, key: string): string {
  // The name is echoed in messages, so something that looks like a pasted token never is.
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || looksLikeToken(name)) {
    throw new ConfigError(`${key} must name an environment variable (it does not look like one)`, 'write the variable name (e.g. DIET_NETBOX_TOKEN), never the token itself');
  }
  const token = env[name];
  if (token === undefined || token.trim() === '') throw new ConfigError(`environment variable ${name} (${key}) is not set`, `export ${name}=<API token> before running diet`);
  return token.trim();
}

function looksLikeToken(name: string): boolean {
  return name.startsWith('nbt_') || /^[0-9a-f]{32,}$/i.test(name) || (name.length >= 32 && /[0-9]/.test(name) && /[a-z]/.test(name) && !name.includes('_'));
}
