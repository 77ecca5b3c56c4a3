// Helpers of the live NetBox tests: the server (reset under a lock), the diet binary run as a
// user runs it, spec variants, and plain REST reads that check what NetBox really stores
// independently of diet's own client.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { FaultProxy } from '../fault-proxy.js';
import { freshNetbox, netboxEnv, ROOT, unlockNetbox } from './netbox-instance.js';

export { freshNetbox, unlockNetbox } from './netbox-instance.js';
export { ROOT };
export const EXAMPLE_128 = join(ROOT, 'examples', '128gpu');
export const EXAMPLE_LAB = join(ROOT, 'examples', 'lab');
/** How long a test file may wait for the NetBox lock (another file applying the 128-GPU case holds it for minutes). */
export const LOCK_WAIT = 60 * 60_000;

/**
 * For a test file that needs NetBox's failures: resets NetBox before its tests (under the lock,
 * released after them) and puts a loopback fault proxy in front of it (`proxy.url`).
 */
export function freshNetboxBehindProxy(): FaultProxy {
  const proxy = new FaultProxy(nb().url);
  beforeAll(async () => {
    await freshNetbox();
    await proxy.start();
  }, LOCK_WAIT);
  afterAll(async () => {
    if (proxy.url !== '') await proxy.stop();
    unlockNetbox();
  });
  return proxy;
}

let cached: { url: string; token: string } | undefined;
export function nb(): { url: string; token: string } {
  cached ??= netboxEnv();
  return cached!;
}

export interface Answer {
  status: number;
  body: any;
}

/** One plain REST call to the real NetBox with the test token. */
export async function rest(path: string, method = 'GET', body?: unknown): Promise<Answer> {
  const r = await fetch(`${nb().url}${path}`, {
    method,
    headers: { Authorization: `Token ${nb().token}`, Accept: 'application/json', ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** Every object of a list endpoint, following NetBox's `next` links. */
export async function listAll(path: string): Promise<any[]> {
  const out: any[] = [];
  let next: string | null = `${path}${path.includes('?') ? '&' : '?'}limit=1000`;
  while (next) {
    const { status, body } = await rest(next.replace(nb().url, ''));
    if (status !== 200) throw new Error(`GET ${next} -> ${status} ${JSON.stringify(body)}`);
    out.push(...body.results);
    next = body.next;
  }
  return out;
}

export async function count(path: string): Promise<number> {
  const { status, body } = await rest(`${path}${path.includes('?') ? '&' : '?'}limit=1`);
  if (status !== 200) throw new Error(`GET ${path} -> ${status} ${JSON.stringify(body)}`);
  return body.count;
}

/** The cable on one interface, as `device:port` of its far end (undefined when uncabled). */
export async function farEnd(device: string, name: string): Promise<string | undefined> {
  const { body } = await rest(`/api/dcim/interfaces/?device=${encodeURIComponent(device)}&name=${encodeURIComponent(name)}`);
  const iface = body.results[0];
  if (!iface?.link_peers?.length) return undefined;
  const peer = iface.link_peers[0];
  return `${peer.device.name}:${peer.name}`;
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built diet binary (asynchronously, so a proxy in this process keeps answering). */
export function diet(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'diet.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DIET_NETBOX_URL: nb().url, DIET_NETBOX_TOKEN: nb().token, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A temporary copy of an example directory with some documents edited (found by kind and name). */
export function specVariant(example: string, edit: (doc: any, file: string) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'diet-nb-variant-'));
  cpSync(example, dir, { recursive: true });
  for (const file of ['cluster.yaml', 'frontend.yaml', 'backend.yaml', 'oob-mgmt.yaml', 'lab.yaml']) {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch {
      continue;
    }
    const docs = parseAllDocuments(text).map((d) => d.toJSON());
    for (const doc of docs) edit(doc, file);
    writeFileSync(join(dir, file), docs.map((d) => stringify(d)).join('---\n'));
  }
  return dir;
}

export function tempState(): string {
  return join(mkdtempSync(join(tmpdir(), 'diet-nb-state-')), 'state.db');
}
