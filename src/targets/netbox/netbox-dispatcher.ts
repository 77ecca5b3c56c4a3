import { ConfigError } from '../../diag/errors.js';

const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

/** Idle keep-alive connections are dropped before gunicorn's default 2 s keepalive closes them. */
const KEEP_ALIVE_MS = 1000;

/**
 * The fetch dispatcher (connection pool) of one NetBox client. Node's fetch takes connection
 * options only through an undici Agent, and Node does not export that class; its global
 * dispatcher is one, so a new instance is built from its constructor. Two settings matter:
 *
 * - idle connections are closed after 1 s, before the server (gunicorn closes idle keep-alive
 *   connections after 2 s) can close one just as diet sends a bulk write on it — a write that
 *   fails that way could not be retried safely;
 * - `verifyTls: false` turns certificate verification off for an https:// NetBox.
 *
 * Without the class (a runtime whose fetch is not undici), the global dispatcher is used,
 * unless verification must be off, which is then refused.
 */
export function netboxDispatcher(verifyTls: boolean): unknown {
  let current = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  if (current === undefined) {
    // The global dispatcher is created lazily with fetch itself; touching fetch creates it.
    void fetch('data:,').catch(() => undefined);
    current = (globalThis as Record<symbol, unknown>)[GLOBAL_DISPATCHER];
  }
  const Agent = (current as { constructor?: new (options: unknown) => unknown } | undefined)?.constructor;
  if (typeof Agent !== 'function' || Agent.name !== 'Agent') {
    if (verifyTls) return undefined;
    throw new ConfigError('netbox.verifyTls: false is not supported by this Node.js runtime', 'use a NetBox certificate the system trusts (NODE_EXTRA_CA_CERTS=/path/ca.pem), or run diet on Node 20+');
  }
  return new Agent({ keepAliveTimeout: KEEP_ALIVE_MS, keepAliveMaxTimeout: KEEP_ALIVE_MS, ...(verifyTls ? {} : { connect: { rejectUnauthorized: false } }) });
}
