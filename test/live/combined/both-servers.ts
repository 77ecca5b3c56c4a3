// The real NetBox and fabric frontend's real kube-apiserver (instance a), each behind a
// loopback fault proxy, for the tests that need both servers at once. Both are started here
// (installed once, cached): the global setups start only the server of their own directory.
// The Kubernetes lock is taken before NetBox's in every such file, so two of them never wait
// for each other crosswise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FaultProxy } from '../fault-proxy.js';
import { env as kubeEnv } from '../kubernetes/kube-fixtures.js';
import { lockKube, services as kubeServices, unlockKube } from '../kubernetes/kube-instances.js';
import { services as netboxServices } from '../netbox/netbox-instance.js';
import { freshNetbox, nb, unlockNetbox } from '../netbox/netbox-fixtures.js';

export interface BothServers {
  /** In front of NetBox (plain HTTP). */
  readonly netboxProxy: FaultProxy;
  /** In front of the API server: HTTPS with a certificate of its own, trusted through the fabric's caFile. */
  readonly kubeProxy: FaultProxy;
  /** A diet.config.yaml that sends fabric frontend's Kubernetes through `kubeProxy`. */
  readonly config: string;
  /** What diet's environment needs: NetBox through its proxy and the frontend token. */
  readonly env: Record<string, string>;
  /** Stops the proxies and releases both server locks. */
  stop(): Promise<void>;
}

/** Locks, resets and starts both servers, then puts a proxy in front of each. */
export async function startBothServers(prefix: string): Promise<BothServers> {
  kubeServices('install', 'a');
  kubeServices('start', 'a');
  netboxServices('install');
  netboxServices('start');
  await lockKube();
  kubeServices('reset', 'a');
  await freshNetbox();
  const netboxProxy = new FaultProxy(nb().url);
  await netboxProxy.start();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const a = kubeEnv('a');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'proxy.key'), '-out', join(dir, 'proxy.crt')], { stdio: 'ignore' });
  const kubeProxy = new FaultProxy(a.server, { tls: { key: readFileSync(join(dir, 'proxy.key'), 'utf8'), cert: readFileSync(join(dir, 'proxy.crt'), 'utf8') }, upstreamCa: a.ca });
  await kubeProxy.start();
  const config = join(dir, 'diet.config.yaml');
  writeFileSync(config, `fabrics:\n  frontend:\n    kubernetes:\n      server: ${kubeProxy.url}\n      tokenEnv: DIET_KUBE_TOKEN_FE\n      caFile: ${join(dir, 'proxy.crt')}\n`);
  return {
    netboxProxy,
    kubeProxy,
    config,
    env: { DIET_NETBOX_URL: netboxProxy.url, DIET_KUBE_TOKEN_FE: a.token },
    stop: async () => {
      await netboxProxy.stop();
      await kubeProxy.stop();
      unlockNetbox();
      unlockKube();
    },
  };
}
