#!/usr/bin/env bash
# Installs (once, cached in .cache/), starts, stops and resets the real servers diet's
# live tests and local trials use: NetBox 4.7 (with PostgreSQL and Redis) and a
# kube-apiserver with etcd, all on loopback.
#
#   scripts/services.sh install|start|stop|status|reset|env  [netbox|kube|all]
#
# `env` prints the variables (URLs, tokens, CA paths) a client needs, as shell exports.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export DIET_ROOT="$(cd "$here/.." && pwd)"
export DIET_CACHE="${DIET_CACHE:-$DIET_ROOT/.cache}"
mkdir -p "$DIET_CACHE"
# Without symlinks: the kube pid checks compare /proc/<pid>/exe (always resolved) with paths
# under the cache, so a checkout whose .cache is a symlink would not recognise its own servers.
DIET_CACHE="$(cd "$DIET_CACHE" && pwd -P)"

action="${1:-}"
which="${2:-all}"
case "$action" in
  install|start|stop|status|reset|env) ;;
  *) echo "usage: scripts/services.sh install|start|stop|status|reset|env [netbox|kube|all]" >&2; exit 2 ;;
esac

run_for() {
  local name="$1"
  # shellcheck source=/dev/null
  source "$here/lib/$name.sh"
  "${name}_${action}"
}

case "$which" in
  netbox) run_for netbox ;;
  kube) run_for kube ;;
  all) (run_for netbox) && (run_for kube) ;;
  *) echo "unknown service '$which' (netbox, kube or all)" >&2; exit 2 ;;
esac
