import type { KubernetesConfig } from '../../../config/target-config.js';
import { ConfigError } from '../../../diag/errors.js';
import type { DesiredResource, ObservedResource, ResourceChange } from '../../../resource/resource.js';
import type { ApplyEvents, ApplyOutcome, LiveObject, LiveTarget, ReadScope } from '../../live-target.js';
import { SILENT_EVENTS } from '../../live-target.js';
import { applyFabric } from './apply-fabric.js';
import { diffKubernetesFabric, dryRunFabric, type KubernetesDiff } from './dry-run-diff.js';
import { KubeHttp, type KubeRequestEvent } from './kube-http.js';
import { probeFabric } from './probe.js';
import { readFabric, type FabricContext } from './read-fabric.js';

export interface KubernetesTargetOptions {
  /** Requests in flight at most, reads and writes alike (default 8). */
  readonly concurrency?: number;
  /** Extra attempts of an idempotent request after 429 / 5xx / a reset connection (default 5). */
  readonly maxRetries?: number;
  /** Called after every request (for -v output and tests); never sees the token. */
  readonly onRequest?: (event: KubeRequestEvent) => void;
}

/** The Kubernetes target of one fabric, with the server-side dry-run diff on top of LiveTarget. */
export interface KubernetesTarget extends LiveTarget {
  readonly fabric: string;
  /** What the server would store for each desired object of this fabric (dry-run apply), normalized like read(). */
  dryRun(desired: readonly DesiredResource[]): Promise<readonly ObservedResource[]>;
  /** Live objects diffed against the dry-run results: what an apply would change. */
  diff(scope: ReadScope): Promise<KubernetesDiff>;
  /** Closes kept-alive connections (the process can also just exit). */
  close(): void;
}

const DEFAULT_CONCURRENCY = 8;
const DEFAULT_RETRIES = 5;

/**
 * The live Kubernetes target of one fabric: its own API server URL, bearer token and CA from
 * the fabric's config entry. There is no fallback to a kubeconfig, KUBECONFIG or in-cluster
 * credentials: a missing server or token is a ConfigError naming the fabric.
 */
export function createKubernetesTarget(config: KubernetesConfig, options: KubernetesTargetOptions = {}): KubernetesTarget {
  if (!config.server) throw new ConfigError(`fabric ${config.fabric} has no Kubernetes API server`, `set fabrics.${config.fabric}.kubernetes.server in the config file`);
  if (!/^https:\/\//.test(config.server)) throw new ConfigError(`fabric ${config.fabric}: the Kubernetes API server must be an https:// URL, got ${config.server}`, `fix fabrics.${config.fabric}.kubernetes.server`);
  if (!config.token) throw new ConfigError(`fabric ${config.fabric} has no Kubernetes token`, `export the variable named by fabrics.${config.fabric}.kubernetes.tokenEnv`);
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const http = new KubeHttp({
    fabric: config.fabric,
    server: config.server,
    token: config.token,
    ca: config.ca,
    verifyTls: config.verifyTls,
    timeoutMs: config.timeoutMs,
    concurrency,
    maxRetries: options.maxRetries ?? DEFAULT_RETRIES,
    onRequest: options.onRequest,
  });
  const ctx: FabricContext = { http, fabric: config.fabric, server: config.server, namespace: config.namespace, concurrency };
  const target: KubernetesTarget = {
    name: 'kubernetes',
    label: `kubernetes ${config.fabric} ${config.server}`,
    fabric: config.fabric,
    probe: () => probeFabric(ctx),
    read: (scope: ReadScope, events: ApplyEvents = SILENT_EVENTS): Promise<readonly LiveObject[]> => readFabric(ctx, scope, events),
    apply: (changes: readonly ResourceChange[], observed: ReadonlyMap<string, LiveObject>, events: ApplyEvents): Promise<ApplyOutcome> => applyFabric(ctx, changes, observed, events),
    dryRun: (desired) => dryRunFabric(ctx, desired),
    diff: (scope) => diffKubernetesFabric({ read: (s) => readFabric(ctx, s, SILENT_EVENTS), dryRun: (d) => dryRunFabric(ctx, d) }, scope),
    close: () => http.close(),
  };
  return target;
}
