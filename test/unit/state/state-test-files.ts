import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ObservedResource } from '../../../src/resource/resource.js';

/**
 * Shared helpers for the state tests: a temp directory per test, a byte-level file
 * digest (to prove refused files are left untouched) and small realistic resources.
 */
export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'diet-state-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function fileDigest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function connection(server: string, leaf: string, port: string): ObservedResource {
  const key = `${server}--unbundled--${leaf}`;
  return {
    address: `kubernetes.wiring.githedgehog.com/Connection[${key}]`,
    target: 'kubernetes',
    type: 'wiring.githedgehog.com/Connection',
    key,
    attrs: { spec: { unbundled: { link: { server: { port: `${server}/enp2s1` }, switch: { port: `${leaf}/${port}` } } } } },
    remoteId: `uid-${key}`,
    fingerprint: '1234',
    dependsOn: [`kubernetes.wiring.githedgehog.com/Switch[${leaf}]`, `kubernetes.wiring.githedgehog.com/Server[${server}]`],
  };
}

export function device(name: string, role: string): ObservedResource {
  return {
    address: `netbox.dcim.device[${name}]`,
    target: 'netbox',
    type: 'dcim.device',
    key: name,
    attrs: { name, role, status: 'planned', tags: ['diet'] },
  };
}
