/**
 * Where the targets are. Endpoints come from a config file (`--config`, default
 * `diet.config.yaml` when present); secrets only ever from environment variables named
 * there — never from the spec, never printed, never stored in state.
 *
 *   netbox:
 *     url: http://127.0.0.1:8480
 *     tokenEnv: DIET_NETBOX_TOKEN      # default DIET_NETBOX_TOKEN
 *     verifyTls: true                  # default true
 *     timeoutSeconds: 30
 *   fabrics:
 *     frontend:
 *       kubernetes:
 *         server: https://127.0.0.1:6443
 *         tokenEnv: DIET_KUBE_TOKEN_FRONTEND
 *         caFile: /path/to/ca.crt      # or caData (base64 PEM)
 *         timeoutSeconds: 30
 *
 * NetBox is one per cluster; without a config file it may also come from
 * DIET_NETBOX_URL / DIET_NETBOX_TOKEN. Kubernetes has no fallback at all: a managed
 * fabric without its own entry is an error naming what is missing.
 */
export interface NetboxConfig {
  readonly url: string;
  readonly token: string;
  readonly verifyTls: boolean;
  readonly timeoutMs: number;
}

export interface KubernetesConfig {
  readonly fabric: string;
  readonly server: string;
  readonly token: string;
  /** PEM text of the CA bundle, if not the system roots. */
  readonly ca?: string;
  readonly verifyTls: boolean;
  readonly timeoutMs: number;
  readonly namespace: 'default';
}

export interface TargetConfig {
  readonly netbox?: NetboxConfig;
  /** By fabric name. */
  readonly kubernetes: ReadonlyMap<string, KubernetesConfig>;
}
