import type { NetboxConfig } from '../../config/target-config.js';
import type { LiveTarget } from '../live-target.js';
import { applyNetbox } from './apply-netbox.js';
import { ChunkSizer, type ChunkSizerOptions } from './chunk-sizer.js';
import { NetboxHttp, type NetboxHttpOptions } from './netbox-http.js';
import { probeNetbox } from './probe-netbox.js';
import { readNetbox } from './read-netbox.js';

export interface NetboxTargetOptions extends NetboxHttpOptions {
  /** Bulk requests of one kind in flight at once while applying (default 2). */
  readonly writeParallel?: number;
  readonly chunking?: Partial<ChunkSizerOptions>;
}

export interface NetboxTarget extends LiveTarget {
  /** The HTTP client (benchmarks count its requests). */
  readonly http: NetboxHttp;
}

/** The live NetBox target: version probe, owned-object read, bulk apply. */
export function createNetboxTarget(config: NetboxConfig, options: NetboxTargetOptions = {}): NetboxTarget {
  const http = new NetboxHttp(config, options);
  const sizer = ChunkSizer.forTimeout(config.timeoutMs, options.chunking);
  const writeParallel = options.writeParallel ?? 2;
  return {
    name: 'netbox',
    label: `netbox ${http.baseUrl}`,
    http,
    probe: () => probeNetbox(http),
    read: (scope, events) => readNetbox(http, scope, events),
    apply: (changes, observed, events) => applyNetbox(http, changes, observed, events, { sizer, parallel: writeParallel }),
  };
}
