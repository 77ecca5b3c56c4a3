# shellcheck shell=bash
# A real kube-apiserver + etcd on loopback for diet's live tests and local trials, with the
# project's Hedgehog CRDs (deploy/crds/) installed.
# Sourced by scripts/services.sh, which calls kube_<action>; DIET_ROOT and DIET_CACHE are set there.
#
# Binaries are built from the Go module proxy by the wrapper modules in tools/kube/
# (etcd, apiserver, kubectl); see docs/live-servers.md and the KUBERNETES reference.
#
# Layout under $DIET_CACHE:
#   go/mod, go/build     GOMODCACHE and GOCACHE for the builds (so rebuilds are cached)
#   kube/bin/            etcd, kube-apiserver, kubectl and a .<name>.stamp per binary
#   kube/build-logs/     output of the last build of each binary (with /usr/bin/time -v figures)
#   kube/pki/            generated once: ca.{crt,key}, apiserver.{crt,key}, sa.{key,pub}, tokens.csv
#   kube/etcd-data/      etcd data directory (kept across stop/start; `reset` empties the objects)
#   kube/run/            pid files, logs (etcd.log, kube-apiserver.log), apiserver cert-dir
#   kube/kubeconfig      admin kubeconfig for the built kubectl
#
# Everything listens on 127.0.0.1 only: kube-apiserver ${DIET_KUBE_PORT:-6443} (HTTPS),
# etcd client ${DIET_KUBE_ETCD_PORT:-12379} and peer ${DIET_KUBE_ETCD_PEER_PORT:-12380} (plain HTTP).

KUBE_DIR="$DIET_CACHE/kube"
KUBE_BIN="$KUBE_DIR/bin"
KUBE_PKI="$KUBE_DIR/pki"
KUBE_RUN="$KUBE_DIR/run"
KUBE_ETCD_DATA="$KUBE_DIR/etcd-data"
KUBE_BUILD_LOGS="$KUBE_DIR/build-logs"
KUBE_KUBECONFIG="$KUBE_DIR/kubeconfig"
KUBE_TOOLS="$DIET_ROOT/tools/kube"
KUBE_CRDS="$DIET_ROOT/deploy/crds"
KUBE_PORT="${DIET_KUBE_PORT:-6443}"
KUBE_ETCD_PORT="${DIET_KUBE_ETCD_PORT:-12379}"
KUBE_ETCD_PEER_PORT="${DIET_KUBE_ETCD_PEER_PORT:-12380}"
KUBE_START_TIMEOUT="${DIET_KUBE_START_TIMEOUT:-120}"
KUBE_SERVER="https://127.0.0.1:$KUBE_PORT"
KUBE_ADMIN_USER="diet-admin"
KUBE_NOPERM_USER="diet-noperm"

kube_ms() { date +%s%3N; }
kube_secs_since() { local d=$(( $(kube_ms) - $1 )); printf '%d.%01d' $((d / 1000)) $((d % 1000 / 100)); }
kube_log() { echo "kube: $*" >&2; }
kube_die() { echo "kube: error: $*" >&2; return 1; }

# ---------------------------------------------------------------- building from the module proxy

# Finds the go command (DIET_GO, else `go` on PATH, else /usr/local/go) and exports the build
# environment: caches under $DIET_CACHE, no toolchain downloads, no cgo, go.sum must be complete.
kube_go_setup() {
  [ -n "${KUBE_GO_BIN:-}" ] && return 0
  local go="${DIET_GO:-}"
  if [ -z "$go" ]; then
    if command -v go >/dev/null 2>&1; then go="$(command -v go)"; else go=/usr/local/go/bin/go; fi
  fi
  [ -x "$go" ] || kube_die "no Go toolchain found (need Go >= 1.26; set DIET_GO)" || return 1
  KUBE_GO_BIN="$go"
  export GOMODCACHE="$DIET_CACHE/go/mod" GOCACHE="$DIET_CACHE/go/build" GOTOOLCHAIN=local \
    CGO_ENABLED=0 GOWORK=off GOFLAGS="-modcacherw -buildvcs=false -mod=readonly"
}

kube_go() { kube_go_setup && "$KUBE_GO_BIN" "$@"; }

# Version of a required module, read from a wrapper's go.mod: kube_mod_version <dir> <module>
kube_mod_version() {
  sed -nE "s#^(require)?[[:space:]]*${2//./\\.} (v[^[:space:]]+).*#\\2#p" "$1/go.mod" | head -n1
}

# The binaries: name, wrapper directory, version-defining module.
kube_targets() {
  printf '%s\n' "etcd etcd go.etcd.io/etcd/server/v3" \
    "kube-apiserver apiserver k8s.io/kubernetes" \
    "kubectl kubectl k8s.io/kubectl"
}

# -ldflags for a binary. Kubernetes binaries get their version stamped (otherwise /version says
# v0.0.0-master); kubectl v0.X.Y belongs to Kubernetes v1.X.Y.
kube_ldflags() {  # name version
  local v
  case "$1" in
    kube-apiserver) v="$2" ;;
    kubectl) v="v1.${2#v0.}" ;;
    *) echo "-s -w"; return 0 ;;
  esac
  echo "-s -w -X k8s.io/component-base/version.gitVersion=$v -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$(echo "$v" | cut -d. -f2) -X k8s.io/component-base/version.gitTreeState=clean"
}

# What a binary was built from: wrapper sources, flags and the Go version.
kube_stamp() {  # name dir version
  local dir="$KUBE_TOOLS/$2"
  {
    echo "$1 $3"
    kube_ldflags "$1" "$3"
    kube_go version
    cat "$dir/go.mod" "$dir/go.sum" "$dir/main.go"
  } | sha256sum | cut -d' ' -f1
}

kube_build_one() {  # name dir module
  local name="$1" dir="$KUBE_TOOLS/$2" module="$3" version stamp out log jobs t0 secs
  kube_go_setup || return 1
  version="$(kube_mod_version "$dir" "$module")"
  [ -n "$version" ] || kube_die "cannot read the $module version from $dir/go.mod" || return 1
  stamp="$(kube_stamp "$name" "$2" "$version")" || return 1
  out="$KUBE_BIN/$name"
  if [ -x "$out" ] && [ "$(cat "$KUBE_BIN/.$name.stamp" 2>/dev/null)" = "$stamp" ]; then
    kube_log "$name $version: up to date ($out)"
    return 0
  fi
  jobs="${DIET_KUBE_BUILD_JOBS:-$(nproc 2>/dev/null || echo 2)}"
  log="$KUBE_BUILD_LOGS/$name.log"
  mkdir -p "$KUBE_BIN" "$KUBE_BUILD_LOGS"
  kube_log "$name $version: downloading modules ($module via $(kube_go env GOPROXY))"
  t0=$SECONDS
  (cd "$dir" && kube_go mod download) >"$log" 2>&1 \
    || { tail -n 30 "$log" >&2; kube_die "module download for $name failed (log: $log)"; return 1; }
  kube_log "$name $version: modules ready in $((SECONDS - t0)) s; compiling with -p $jobs (log: $log)"
  t0=$SECONDS
  local timer=()
  [ -x /usr/bin/time ] && timer=(/usr/bin/time -v)
  if ! (cd "$dir" && "${timer[@]}" "$KUBE_GO_BIN" build -p "$jobs" -trimpath \
        -ldflags "$(kube_ldflags "$name" "$version")" -o "$out.tmp" .) >>"$log" 2>&1; then
    tail -n 40 "$log" >&2
    rm -f "$out.tmp"
    kube_die "building $name failed (log: $log)"
    return 1
  fi
  secs=$((SECONDS - t0))
  mv -f "$out.tmp" "$out"
  echo "$stamp" > "$KUBE_BIN/.$name.stamp"
  local rss
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$log" | tail -n1)"
  kube_log "$name $version: built in ${secs} s${rss:+, peak RSS $((rss / 1024)) MiB}, $(du -m "$out" | cut -f1) MB"
}

kube_install() {
  command -v openssl >/dev/null 2>&1 || kube_die "openssl is needed (apt-get install openssl)" || return 1
  command -v curl >/dev/null 2>&1 || kube_die "curl is needed (apt-get install curl)" || return 1
  kube_go version >/dev/null || return 1
  local name dir module
  while read -r name dir module; do
    kube_build_one "$name" "$dir" "$module" || return 1
  done < <(kube_targets)
  kube_log "$("$KUBE_BIN/kube-apiserver" --version 2>&1), etcd $("$KUBE_BIN/etcd" --version 2>&1 | sed -n 's/^etcd Version: //p'), kubectl $("$KUBE_BIN/kubectl" version --client 2>&1 | sed -n 's/^Client Version: //p')"
}

kube_require_installed() {
  local b
  for b in etcd kube-apiserver kubectl; do
    [ -x "$KUBE_BIN/$b" ] || kube_die "$KUBE_BIN/$b is missing; run: scripts/services.sh install kube" || return 1
  done
}

# ---------------------------------------------------------------- certificates and tokens

kube_pki_ensure() {
  mkdir -p "$KUBE_PKI"
  chmod 700 "$KUBE_PKI"
  if [ ! -s "$KUBE_PKI/ca.crt" ] || [ ! -s "$KUBE_PKI/apiserver.crt" ]; then
    kube_log "generating a CA and a serving certificate for 127.0.0.1 in $KUBE_PKI"
    (
      set -e
      cd "$KUBE_PKI"
      umask 077
      openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -keyout ca.key -out ca.crt \
        -subj "/CN=diet-kube-ca" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
      openssl req -newkey rsa:2048 -nodes -sha256 -keyout apiserver.key -out apiserver.csr \
        -subj "/CN=kube-apiserver" 2>/dev/null
      printf '%s\n' "basicConstraints=critical,CA:FALSE" \
        "keyUsage=critical,digitalSignature,keyEncipherment" "extendedKeyUsage=serverAuth" \
        "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:10.0.0.1" \
        > apiserver.ext
      openssl x509 -req -in apiserver.csr -CA ca.crt -CAkey ca.key -CAcreateserial -sha256 -days 3650 \
        -extfile apiserver.ext -out apiserver.crt 2>/dev/null
      rm -f apiserver.csr apiserver.ext ca.srl
      chmod 644 ca.crt apiserver.crt
    ) || kube_die "openssl failed to create the certificates" || return 1
  fi
  if [ ! -s "$KUBE_PKI/sa.key" ]; then
    (umask 077 && openssl genrsa -out "$KUBE_PKI/sa.key" 2048 2>/dev/null \
      && openssl rsa -in "$KUBE_PKI/sa.key" -pubout -out "$KUBE_PKI/sa.pub" 2>/dev/null) \
      || kube_die "openssl failed to create the service-account key" || return 1
  fi
  if [ ! -s "$KUBE_PKI/tokens.csv" ]; then
    # token,user,uid[,"groups"]: the admin is in system:masters (bypasses RBAC); the other user is
    # in no group and has no bindings, so RBAC answers 403 to everything it asks for.
    (umask 077 && {
      echo "$(openssl rand -hex 24),$KUBE_ADMIN_USER,uid-$KUBE_ADMIN_USER,\"system:masters\""
      echo "$(openssl rand -hex 24),$KUBE_NOPERM_USER,uid-$KUBE_NOPERM_USER"
    } > "$KUBE_PKI/tokens.csv")
  fi
}

kube_token() {  # user
  [ -s "$KUBE_PKI/tokens.csv" ] || kube_die "no tokens yet; run: scripts/services.sh start kube" || return 1
  awk -F, -v u="$1" '$2 == u { print $1 }' "$KUBE_PKI/tokens.csv"
}

kube_write_kubeconfig() {
  local token
  token="$(kube_token "$KUBE_ADMIN_USER")" || return 1
  (umask 077 && cat > "$KUBE_KUBECONFIG" <<EOF
apiVersion: v1
kind: Config
clusters:
  - name: diet-local
    cluster:
      server: $KUBE_SERVER
      certificate-authority: $KUBE_PKI/ca.crt
users:
  - name: $KUBE_ADMIN_USER
    user:
      token: $token
contexts:
  - name: diet-local
    context:
      cluster: diet-local
      user: $KUBE_ADMIN_USER
      namespace: default
current-context: diet-local
EOF
  )
}

kube_kubectl() { "$KUBE_BIN/kubectl" --kubeconfig "$KUBE_KUBECONFIG" "$@"; }

# curl against the apiserver as the admin (HTTP/1.1 keeps several URLs on one connection).
kube_curl() {
  local token
  token="$(kube_token "$KUBE_ADMIN_USER")" || return 1
  curl -sS --http1.1 --max-time 60 --cacert "$KUBE_PKI/ca.crt" -H "Authorization: Bearer $token" "$@"
}

# ---------------------------------------------------------------- processes

# Prints the pid of a running process we started (pid file + matching executable), else fails.
kube_pid() {  # name
  local f="$KUBE_RUN/$1.pid" pid exe
  [ -s "$f" ] || return 1
  pid="$(cat "$f")"
  [ -d "/proc/$pid" ] || return 1
  exe="$(readlink "/proc/$pid/exe" 2>/dev/null || true)"
  case "$exe" in "$KUBE_BIN/$1"|"$KUBE_BIN/$1 (deleted)") echo "$pid" ;; *) return 1 ;; esac
}

kube_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

kube_launch() {  # name args...: start detached in its own session, log to run/<name>.log
  local name="$1"; shift
  mkdir -p "$KUBE_RUN"
  [ -f "$KUBE_RUN/$name.log" ] && mv -f "$KUBE_RUN/$name.log" "$KUBE_RUN/$name.log.prev"
  rm -f "$KUBE_RUN/$name.pid"
  # The inner shell writes its own pid and then becomes the server (exec), so the pid file is
  # right even if setsid has to fork.
  setsid nohup bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$KUBE_RUN/$name.pid" "$KUBE_BIN/$name" "$@" \
    >>"$KUBE_RUN/$name.log" 2>&1 < /dev/null &
  local i pid
  for i in $(seq 1 100); do  # until the exec happened (or the process is already gone)
    pid="$(cat "$KUBE_RUN/$name.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && { kube_pid "$name" >/dev/null || [ ! -d "/proc/$pid" ]; }; then return 0; fi
    sleep 0.05
  done
  kube_fail_with_logs "could not start $name"
}

kube_stop_one() {  # name
  local pid i
  pid="$(kube_pid "$1")" || { rm -f "$KUBE_RUN/$1.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 50); do
    [ -d "/proc/$pid" ] || break
    sleep 0.2
  done
  if [ -d "/proc/$pid" ]; then
    kube_log "$1 (pid $pid) did not stop within 10 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  rm -f "$KUBE_RUN/$1.pid"
  kube_log "$1 stopped (pid $pid)"
}

kube_fail_with_logs() {  # message
  local n
  echo "kube: error: $1" >&2
  for n in etcd kube-apiserver; do
    if [ -s "$KUBE_RUN/$n.log" ]; then
      echo "----- last lines of $KUBE_RUN/$n.log -----" >&2
      tail -n 20 "$KUBE_RUN/$n.log" >&2
    fi
  done
  return 1
}

kube_etcd_healthy() {
  curl -fsS --max-time 2 "http://127.0.0.1:$KUBE_ETCD_PORT/health" 2>/dev/null | grep -q '"health":"true"'
}

# Fails if a port we are about to listen on is taken by a process that is not ours.
kube_ports_free() {
  local busy=""
  if ! kube_pid etcd >/dev/null; then
    kube_port_busy "$KUBE_ETCD_PORT" && busy="$busy etcd client $KUBE_ETCD_PORT (DIET_KUBE_ETCD_PORT),"
    kube_port_busy "$KUBE_ETCD_PEER_PORT" && busy="$busy etcd peer $KUBE_ETCD_PEER_PORT (DIET_KUBE_ETCD_PEER_PORT),"
  fi
  if ! kube_pid kube-apiserver >/dev/null; then
    kube_port_busy "$KUBE_PORT" && busy="$busy kube-apiserver $KUBE_PORT (DIET_KUBE_PORT),"
  fi
  [ -z "$busy" ] || kube_die "port(s) on 127.0.0.1 already in use by another process:${busy%,}; stop that process or choose other ports"
}

kube_etcd_start() {
  if kube_pid etcd >/dev/null && kube_etcd_healthy; then return 0; fi
  kube_stop_one etcd
  mkdir -p "$KUBE_ETCD_DATA"
  chmod 700 "$KUBE_ETCD_DATA"
  local client="http://127.0.0.1:$KUBE_ETCD_PORT" peer="http://127.0.0.1:$KUBE_ETCD_PEER_PORT"
  kube_launch etcd --name diet --data-dir "$KUBE_ETCD_DATA" \
    --listen-client-urls "$client" --advertise-client-urls "$client" \
    --listen-peer-urls "$peer" --initial-advertise-peer-urls "$peer" \
    --initial-cluster "diet=$peer" --unsafe-no-fsync --log-level warn || return 1
  local deadline=$((SECONDS + 30))
  until kube_etcd_healthy; do
    kube_pid etcd >/dev/null || { kube_fail_with_logs "etcd exited during startup"; return 1; }
    [ "$SECONDS" -lt "$deadline" ] || { kube_fail_with_logs "etcd not healthy after 30 s"; return 1; }
    sleep 0.3
  done
  kube_log "etcd up on $client (pid $(cat "$KUBE_RUN/etcd.pid"))"
}

kube_readyz() {  # prints the HTTP code of GET /readyz with the admin token
  curl -sS -o /dev/null -w '%{http_code}' --max-time 3 --cacert "$KUBE_PKI/ca.crt" \
    -H "Authorization: Bearer $(kube_token "$KUBE_ADMIN_USER")" "$KUBE_SERVER/readyz" 2>/dev/null || true
}

kube_apiserver_start() {
  if kube_pid kube-apiserver >/dev/null && [ "$(kube_readyz)" = "200" ]; then
    kube_log "kube-apiserver already running on $KUBE_SERVER"
    return 0
  fi
  kube_stop_one kube-apiserver
  mkdir -p "$KUBE_RUN/cert-dir"
  local t0
  t0="$(kube_ms)"
  kube_launch kube-apiserver \
    --etcd-servers="http://127.0.0.1:$KUBE_ETCD_PORT" \
    --bind-address=127.0.0.1 --advertise-address=127.0.0.1 --secure-port="$KUBE_PORT" \
    --tls-cert-file="$KUBE_PKI/apiserver.crt" --tls-private-key-file="$KUBE_PKI/apiserver.key" \
    --cert-dir="$KUBE_RUN/cert-dir" \
    --service-cluster-ip-range=10.0.0.0/24 \
    --service-account-issuer="$KUBE_SERVER" \
    --service-account-key-file="$KUBE_PKI/sa.pub" --service-account-signing-key-file="$KUBE_PKI/sa.key" \
    --token-auth-file="$KUBE_PKI/tokens.csv" \
    --authorization-mode=RBAC \
    --disable-admission-plugins=ServiceAccount \
    --allow-privileged=true \
    --endpoint-reconciler-type=none \
    --profiling=false || return 1
  local deadline=$((SECONDS + KUBE_START_TIMEOUT)) code=""
  while :; do
    code="$(kube_readyz)"
    [ "$code" = "200" ] && break
    kube_pid kube-apiserver >/dev/null || { kube_fail_with_logs "kube-apiserver exited during startup"; return 1; }
    if [ "$SECONDS" -ge "$deadline" ]; then
      kube_fail_with_logs "kube-apiserver not ready after ${KUBE_START_TIMEOUT} s (GET /readyz -> ${code:-no answer}); it is left running (pid $(cat "$KUBE_RUN/kube-apiserver.pid")), stop it with: scripts/services.sh stop kube"
      return 1
    fi
    sleep 0.5
  done
  kube_log "kube-apiserver ready on $KUBE_SERVER in $(kube_secs_since "$t0") s (pid $(cat "$KUBE_RUN/kube-apiserver.pid"))"
}

# ---------------------------------------------------------------- CRDs

# plural.group of every CRD in deploy/crds (metadata.name, the first "  name:" line of each file)
kube_crd_names() {
  if [ -z "${KUBE_CRD_NAMES:-}" ]; then
    KUBE_CRD_NAMES="$(awk 'FNR == 1 { found = 0 } !found && /^  name: / { print $2; found = 1 }' "$KUBE_CRDS"/*.yaml)"
  fi
  echo "$KUBE_CRD_NAMES"
}

kube_crds_hash() { cat "$KUBE_CRDS"/*.yaml | sha256sum | cut -d' ' -f1; }

# Applies deploy/crds (server-side apply) and waits until every CRD is Established and served.
kube_crds_ensure() {
  local t0 out names
  t0="$(kube_ms)"
  names="$(kube_crd_names)"
  out="$(kube_kubectl apply --server-side --force-conflicts --field-manager=diet-services -f "$KUBE_CRDS" 2>&1)" \
    || { echo "$out" >&2; kube_die "installing the CRDs from $KUBE_CRDS failed"; return 1; }
  # shellcheck disable=SC2046
  kube_kubectl wait --for=condition=Established --timeout=60s $(sed 's#^#crd/#' <<<"$names") >/dev/null \
    || { kube_die "the Hedgehog CRDs did not become Established"; return 1; }
  # Established can precede discovery by a moment; wait until every resource is listed.
  local group plural list deadline=$((SECONDS + 30))
  for group in $(cut -d. -f2- <<<"$names" | sort -u); do
    while :; do
      list="$(kube_kubectl get --raw "/apis/$group/v1beta1" 2>/dev/null || true)"
      local missing=""
      for plural in $(grep "\.$group\$" <<<"$names" | cut -d. -f1); do
        grep -q "\"name\":\"$plural\"" <<<"$list" || missing="$missing $plural"
      done
      [ -z "$missing" ] && break
      [ "$SECONDS" -lt "$deadline" ] || { kube_die "not served after 30 s:$missing ($group)"; return 1; }
      sleep 0.2
    done
  done
  mkdir -p "$KUBE_RUN"
  kube_crds_hash > "$KUBE_RUN/crds.sha256"
  kube_log "$(wc -l <<<"$names") Hedgehog CRDs applied, Established and served in $(kube_secs_since "$t0") s"
}

# True when the CRDs in deploy/crds were applied unchanged and all still exist.
kube_crds_current() {  # names of the installed CRDs, one a line
  [ "$(cat "$KUBE_RUN/crds.sha256" 2>/dev/null)" = "$(kube_crds_hash)" ] || return 1
  [ -z "$(comm -23 <(kube_crd_names | sort) <(sort <<<"$1"))" ]
}

# ---------------------------------------------------------------- actions

kube_start() {
  kube_require_installed || return 1
  kube_pki_ensure || return 1
  kube_write_kubeconfig || return 1
  kube_ports_free || return 1
  kube_etcd_start || return 1
  kube_apiserver_start || return 1
  kube_crds_ensure || return 1
  kube_log "ready: $KUBE_SERVER (eval \"\$(scripts/services.sh env kube)\" for the client variables)"
}

kube_stop() {
  kube_stop_one kube-apiserver
  kube_stop_one etcd
}

kube_status() {
  local pid code
  pid="$(kube_pid etcd || true)"
  if [ -n "$pid" ] && kube_etcd_healthy; then
    echo "etcd:           up (http://127.0.0.1:$KUBE_ETCD_PORT, pid $pid, data $KUBE_ETCD_DATA)"
  elif [ -n "$pid" ]; then
    echo "etcd:           unhealthy (pid $pid)"
  else
    echo "etcd:           down"
  fi
  pid="$(kube_pid kube-apiserver || true)"
  code="000"
  [ -n "$pid" ] && [ -s "$KUBE_PKI/tokens.csv" ] && code="$(kube_readyz)"
  if [ -n "$pid" ] && [ "$code" = "200" ]; then
    local version crds
    version="$(kube_kubectl version -o json 2>/dev/null | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p' | tail -n1)"
    crds="$(kube_kubectl get crd -o name 2>/dev/null | grep -c 'githedgehog.com' || true)"
    echo "kube-apiserver: up ($KUBE_SERVER, pid $pid, ${version:-version unknown}, $crds Hedgehog CRDs)"
  elif [ -n "$pid" ]; then
    echo "kube-apiserver: starting or unhealthy (pid $pid, GET /readyz -> $code)"
  else
    echo "kube-apiserver: down"
  fi
}

# Deletes every Hedgehog object (all kinds in deploy/crds, every namespace); re-applies the CRDs
# first if deploy/crds changed or one is missing. With DIET_KUBE_RESET_WIPE=1 it instead wipes
# etcd's data directory and restarts both servers.
kube_reset() {
  kube_require_installed || return 1
  if [ "${DIET_KUBE_RESET_WIPE:-0}" = "1" ]; then
    kube_stop
    rm -rf "$KUBE_ETCD_DATA" "$KUBE_RUN/crds.sha256"
    kube_log "etcd data wiped"
    kube_start
    return
  fi
  [ "$(kube_readyz)" = "200" ] || kube_die "kube-apiserver is not running; run: scripts/services.sh start kube" || return 1
  local t0
  t0="$(kube_ms)"
  local listed
  listed="$(kube_kubectl get namespaces,crds -o jsonpath='{range .items[*]}{.kind} {.metadata.name}{"\n"}{end}')" \
    || kube_die "cannot list namespaces and CRDs" || return 1
  kube_crds_current "$(sed -n 's/^CustomResourceDefinition //p' <<<"$listed")" || kube_crds_ensure || return 1
  # One DELETE-collection request per kind and namespace, all over one connection.
  local ns name args=() codes left
  for ns in $(sed -n 's/^Namespace //p' <<<"$listed"); do
    for name in $(kube_crd_names); do
      args+=(-o /dev/null "$KUBE_SERVER/apis/${name#*.}/v1beta1/namespaces/$ns/${name%%.*}")
    done
  done
  codes="$(kube_curl -X DELETE -w '%{http_code}\n' "${args[@]}")" || kube_die "deleting the Hedgehog objects failed" || return 1
  [ -z "$(grep -v '^200$' <<<"$codes")" ] || kube_die "deleting the Hedgehog objects failed (HTTP $(grep -v '^200$' <<<"$codes" | sort -u | paste -sd' ' -))" || return 1
  args=()
  for name in $(kube_crd_names); do args+=("$KUBE_SERVER/apis/${name#*.}/v1beta1/${name%%.*}?limit=1"); done
  left="$(kube_curl "${args[@]}" | grep -o '"items": *\[\]' | wc -l)"
  [ "$left" = "$(kube_crd_names | wc -l)" ] || kube_die "some Hedgehog objects are left after the delete" || return 1
  kube_log "all Hedgehog objects deleted in $(kube_secs_since "$t0") s"
}

kube_env() {
  local admin noperm
  admin="$(kube_token "$KUBE_ADMIN_USER")" || return 1
  noperm="$(kube_token "$KUBE_NOPERM_USER")" || return 1
  echo "export DIET_KUBE_SERVER=$KUBE_SERVER"
  echo "export DIET_KUBE_TOKEN=$admin"
  echo "export DIET_KUBE_TOKEN_NOPERM=$noperm"
  echo "export DIET_KUBE_CA_FILE=$KUBE_PKI/ca.crt"
  echo "export DIET_KUBE_KUBECONFIG=$KUBE_KUBECONFIG"
  echo "export DIET_KUBECTL=$KUBE_BIN/kubectl"
}
