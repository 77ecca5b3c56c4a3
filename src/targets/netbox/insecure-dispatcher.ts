import { ConfigError } from '../../diag/errors.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/**
 * A fetch dispatcher that does not verify TLS certificates (`verifyTls: false`). Node's
 * fetch takes TLS options only through an undici Agent, and Node does not export that class;
 * its global dispatcher is one, so a new instance is built from its constructor. Only ever
 * used when the configuration turns verification off for an https:// NetBox.
 */
export function insecureDispatcher(): unknown {
  let current = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  if (current === undefined) {
    // The global dispatcher is created lazily with fetch itself; touching fetch creates it.
    void fetch('data:,').catch(() => undefined);
    current = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  }
  const Agent = (current as { constructor?: new (options: unknown) => unknown } | undefined)?.constructor;
  if (typeof Agent !== 'function' || Agent.name !== 'Agent') {
    throw new ConfigError('netbox.verifyTls: false is not supported by this Node.js runtime', 'use a NetBox certificate the system trusts (NODE_EXTRA_CA_CERTS=/path/ca.pem), or run diet on Node 20+');
  }
  return new Agent({ connect: { rejectUnauthorized: false } });
}
