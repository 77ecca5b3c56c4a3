# shellcheck shell=bash
# NetBox 4.7 on loopback for diet's live tests and local trials.
# Sourced by scripts/services.sh, which calls netbox_<action>; DIET_ROOT and DIET_CACHE are set there.
#
# Layout under $DIET_CACHE/netbox:
#   venv/                Python 3.12 venv with the netbox package from PyPI (pinned below)
#   root/                NETBOX_ROOT: conf/configuration.py (regenerated on install/start), media, scripts
#   secrets.env          generated once: SECRET_KEY, token pepper, DB password, admin password, API tokens
#   pg/data, pg/run      private PostgreSQL cluster (owned by the OS user postgres) and its socket dir
#   redis/               private Redis working dir (no persistence)
#   run/                 pid files        logs/  postgres.log, redis.log, netbox.log, install.log
#
# PostgreSQL, Redis and NetBox run as plain background processes (no systemd), on 127.0.0.1 only:
#   NetBox (gunicorn) ${DIET_NETBOX_PORT:-8480}, PostgreSQL ${DIET_NETBOX_PG_PORT:-5480},
#   Redis ${DIET_NETBOX_REDIS_PORT:-6480}.
# The migrated database, with the admin user and the API tokens in it, is kept as the template
# database netbox_template; `reset` recreates the netbox database from it in about a second.

NB_VERSION="4.7.3"
NB_DIR="$DIET_CACHE/netbox"
NB_VENV="$NB_DIR/venv"
NB_ROOT="$NB_DIR/root"
NB_SECRETS="$NB_DIR/secrets.env"
NB_RUN="$NB_DIR/run"
NB_LOGS="$NB_DIR/logs"
NB_PORT="${DIET_NETBOX_PORT:-8480}"
NB_PG_PORT="${DIET_NETBOX_PG_PORT:-5480}"
NB_REDIS_PORT="${DIET_NETBOX_REDIS_PORT:-6480}"
NB_WORKERS="${DIET_NETBOX_WORKERS:-2}"
NB_THREADS="${DIET_NETBOX_THREADS:-4}"
NB_START_TIMEOUT="${DIET_NETBOX_START_TIMEOUT:-120}"
NB_URL="http://127.0.0.1:$NB_PORT"
NB_DB="netbox"
NB_TEMPLATE_DB="netbox_template"
NB_DB_ROLE="netbox"
NB_ADMIN="admin"
NB_APT_PACKAGES=(postgresql redis-server libpq-dev gcc libc6-dev curl)

nb_log() { echo "netbox: $*" >&2; }
nb_die() { echo "netbox: error: $*" >&2; return 1; }

# True while the process exists and is not a zombie (orphans are reaped late on some machines).
nb_alive() {
  local st
  st="$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)" || return 1
  [ -n "$st" ] && [ "$st" != Z ]
}

# ---------------------------------------------------------------- helpers: host packages, python

nb_apt_ensure() {
  local missing=() p
  for p in "${NB_APT_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
      missing+=("$p")
    fi
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  nb_log "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Prints the path of a Python >= 3.12 interpreter (DIET_NETBOX_PYTHON wins; then pyenv's 3.12.x, python3.12, 3.13).
nb_find_python() {
  local cands=() c d r roots=("${PYENV_ROOT:-}" "${HOME:-/root}/.pyenv" /root/.pyenv)
  [ -n "${DIET_NETBOX_PYTHON:-}" ] && cands+=("$DIET_NETBOX_PYTHON")
  for r in "${roots[@]}"; do
    [ -n "$r" ] || continue
    for d in $(ls -d "$r"/versions/3.12.* 2>/dev/null | sort -V -r); do cands+=("$d/bin/python3.12"); done
  done
  cands+=(python3.12)
  for r in "${roots[@]}"; do
    [ -n "$r" ] || continue
    for d in $(ls -d "$r"/versions/3.13.* 2>/dev/null | sort -V -r); do cands+=("$d/bin/python3.13"); done
  done
  cands+=(python3.13 python3)
  for c in "${cands[@]}"; do
    if command -v "$c" >/dev/null 2>&1 \
      && "$c" -c 'import sys, venv; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
      command -v "$c"
      return 0
    fi
  done
  nb_die "no Python >= 3.12 found (NetBox 4.7 needs it); set DIET_NETBOX_PYTHON to one"
}

nb_venv_ok() { [ -x "$NB_VENV/bin/netbox" ] && [ -f "$NB_VENV/.diet-netbox-$NB_VERSION" ]; }

nb_venv_ensure() {
  nb_venv_ok && return 0
  local py
  py="$(nb_find_python)"
  nb_log "creating venv with $py and installing netbox==$NB_VERSION from PyPI (builds psycopg-c; a few minutes)"
  rm -rf "$NB_VENV"
  "$py" -m venv "$NB_VENV"
  "$NB_VENV/bin/python" -m pip install -q --upgrade pip >>"$NB_LOGS/install.log" 2>&1
  if ! "$NB_VENV/bin/python" -m pip install "netbox==$NB_VERSION" >>"$NB_LOGS/install.log" 2>&1; then
    tail -n 30 "$NB_LOGS/install.log" >&2
    nb_die "pip install netbox==$NB_VERSION failed (full log: $NB_LOGS/install.log)"
    return 1
  fi
  touch "$NB_VENV/.diet-netbox-$NB_VERSION"
}

# ---------------------------------------------------------------- helpers: secrets and configuration

nb_secrets_ensure() {
  [ -s "$NB_SECRETS" ] && return 0
  local py
  py="$(nb_find_python)"
  (umask 077 && "$py" - >"$NB_SECRETS.tmp" <<'EOF'
import secrets, string
alnum = string.ascii_letters + string.digits
def rnd(n, chars=alnum):
    return ''.join(secrets.choice(chars) for _ in range(n))
print(f"NB_SECRET_KEY={rnd(60)}")
print(f"NB_TOKEN_PEPPER={rnd(60)}")
print(f"NB_DB_PASSWORD={rnd(32)}")
print(f"NB_ADMIN_PASSWORD=Diet{rnd(20)}")
print(f"NB_TOKEN={secrets.token_hex(20)}")           # v1 token: 40 hex chars
print(f"NB_TOKEN_V2_KEY={rnd(12)}")                  # v2 token: nbt_<12-char key>.<40-char secret>
print(f"NB_TOKEN_V2_SECRET={rnd(40)}")
EOF
  ) && mv "$NB_SECRETS.tmp" "$NB_SECRETS"
}

nb_load_secrets() {
  [ -s "$NB_SECRETS" ] || { nb_die "not installed ($NB_SECRETS missing): run scripts/services.sh install netbox"; return 1; }
  # shellcheck source=/dev/null
  source "$NB_SECRETS"
}

nb_write_config() {
  nb_load_secrets
  mkdir -p "$NB_ROOT/conf" "$NB_ROOT/media" "$NB_ROOT/reports" "$NB_ROOT/scripts" "$NB_ROOT/static"
  : >"$NB_ROOT/conf/__init__.py"
  (umask 077 && cat >"$NB_ROOT/conf/configuration.py.tmp" <<EOF
# Generated by diet's scripts/lib/netbox.sh on every install/start; edits are overwritten.
# A loopback-only NetBox for tests: do not expose it.
ALLOWED_HOSTS = ['127.0.0.1', 'localhost', '[::1]']
DATABASES = {
    'default': {
        'NAME': '$NB_DB',
        'USER': '$NB_DB_ROLE',
        'PASSWORD': '$NB_DB_PASSWORD',
        'HOST': '127.0.0.1',
        'PORT': '$NB_PG_PORT',
        'CONN_MAX_AGE': 300,
        'CONN_HEALTH_CHECKS': True,
    },
}
REDIS = {
    'tasks': {'HOST': '127.0.0.1', 'PORT': $NB_REDIS_PORT, 'DATABASE': 0, 'SSL': False},
    'caching': {'HOST': '127.0.0.1', 'PORT': $NB_REDIS_PORT, 'DATABASE': 1, 'SSL': False},
}
SECRET_KEY = '$NB_SECRET_KEY'
API_TOKEN_PEPPERS = {1: '$NB_TOKEN_PEPPER'}
ISOLATED_DEPLOYMENT = True
CENSUS_REPORTING_ENABLED = False
CHANGELOG_RETENTION = 0
DEBUG = False
TIME_ZONE = 'UTC'
EOF
  ) && mv "$NB_ROOT/conf/configuration.py.tmp" "$NB_ROOT/conf/configuration.py"
}

# Runs the netbox CLI (Django management commands) against our configuration.
nb_cli() { NETBOX_ROOT="$NB_ROOT" "$NB_VENV/bin/netbox" "$@"; }

# ---------------------------------------------------------------- PostgreSQL (private cluster)

# The cluster's files must be reachable by the OS user postgres; if the cache is not (e.g. a
# clone under /root), the cluster lives under /var/lib/postgresql instead, keyed by the cache path.
nb_pg_paths() {
  [ -n "${NB_PG_BASE:-}" ] && return 0
  mkdir -p "$NB_DIR"
  if (cd / && runuser -u postgres -- test -x "$NB_DIR") 2>/dev/null; then
    NB_PG_BASE="$NB_DIR/pg"
  else
    NB_PG_BASE="/var/lib/postgresql/diet-netbox-$(printf '%s' "$NB_DIR" | md5sum | cut -c1-12)"
  fi
  NB_PGDATA="$NB_PG_BASE/data"
  NB_PGSOCK="$NB_PG_BASE/run"
  NB_PGLOG="$NB_LOGS/postgres.log"
  [ "$NB_PG_BASE" = "$NB_DIR/pg" ] || NB_PGLOG="$NB_PG_BASE/postgres.log"
  # a Unix socket path must stay under ~107 bytes
  if [ "${#NB_PGSOCK}" -gt 80 ]; then
    NB_PGSOCK="/tmp/.diet-netbox-pg-$(printf '%s' "$NB_DIR" | md5sum | cut -c1-12)"
  fi
  local v
  if [ -f "$NB_PGDATA/PG_VERSION" ]; then
    v="$(cat "$NB_PGDATA/PG_VERSION")"
  else
    v="$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)"
  fi
  NB_PGBIN="/usr/lib/postgresql/$v/bin"
  [ -n "$v" ] && [ -x "$NB_PGBIN/postgres" ] || { nb_die "PostgreSQL server binaries not found under /usr/lib/postgresql"; return 1; }
  [ "${v%%.*}" -ge 15 ] || { nb_die "NetBox 4.7 needs PostgreSQL >= 15, found $v"; return 1; }
}

nb_as_postgres() { (cd / && runuser -u postgres -- "$@"); }

# psql as the superuser postgres over the private socket; extra args follow.
nb_psql() {
  nb_as_postgres "$NB_PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$NB_PGSOCK" -p "$NB_PG_PORT" -d postgres "$@"
}
nb_sql_value() { nb_psql -At -c "$1"; }

nb_pg_running() {
  nb_pg_paths || return 1
  [ -f "$NB_PGDATA/PG_VERSION" ] && nb_as_postgres "$NB_PGBIN/pg_ctl" -D "$NB_PGDATA" status >/dev/null 2>&1
}

nb_pg_init() {
  nb_pg_paths
  [ -f "$NB_PGDATA/PG_VERSION" ] && return 0
  nb_log "initialising a PostgreSQL cluster in $NB_PGDATA"
  mkdir -p "$NB_PG_BASE"
  chown postgres:postgres "$NB_PG_BASE"
  chmod 700 "$NB_PG_BASE"
  local locale=(--no-locale)
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=(--locale=C.UTF-8); fi
  nb_as_postgres "$NB_PGBIN/initdb" -D "$NB_PGDATA" -U postgres -E UTF8 "${locale[@]}" \
    --auth-local=peer --auth-host=scram-sha-256 >>"$NB_LOGS/install.log" 2>&1 \
    || { tail -n 20 "$NB_LOGS/install.log" >&2; nb_die "initdb failed"; return 1; }
  cat >>"$NB_PGDATA/postgresql.conf" <<'EOF'

# diet: a disposable test cluster on loopback; durability traded for speed.
listen_addresses = '127.0.0.1'
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
}

nb_pg_start() {
  nb_pg_init
  nb_pg_running && return 0
  mkdir -p "$NB_PGSOCK" && chown postgres:postgres "$NB_PGSOCK" && chmod 700 "$NB_PGSOCK"
  touch "$NB_PGLOG" && chown postgres:postgres "$NB_PGLOG"
  if ! nb_as_postgres "$NB_PGBIN/pg_ctl" -D "$NB_PGDATA" -l "$NB_PGLOG" -w -t 60 \
      -o "-p $NB_PG_PORT -k $NB_PGSOCK" start >/dev/null; then
    tail -n 20 "$NB_PGLOG" >&2
    nb_die "PostgreSQL did not start (log: $NB_PGLOG)"
    return 1
  fi
}

nb_pg_stop() {
  nb_pg_running || return 0
  nb_as_postgres "$NB_PGBIN/pg_ctl" -D "$NB_PGDATA" -m fast -w -t 60 stop >/dev/null
}

# Role that owns the databases; its password follows secrets.env.
nb_pg_role_ensure() {
  nb_load_secrets
  nb_psql <<EOF
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$NB_DB_ROLE') THEN
    CREATE ROLE $NB_DB_ROLE LOGIN CREATEDB;
  END IF;
END \$\$;
ALTER ROLE $NB_DB_ROLE PASSWORD '$NB_DB_PASSWORD';
EOF
}

nb_db_exists() { [ "$(nb_sql_value "SELECT 1 FROM pg_database WHERE datname = '$1'")" = "1" ]; }

# The template is current when it exists and its comment names this NetBox version.
nb_template_ok() {
  nb_db_exists "$NB_TEMPLATE_DB" \
    && [ "$(nb_sql_value "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$NB_TEMPLATE_DB'")" = "diet netbox $NB_VERSION" ]
}

nb_db_from_template() {
  nb_psql -c "DROP DATABASE IF EXISTS $NB_DB WITH (FORCE)" \
    -c "CREATE DATABASE $NB_DB TEMPLATE $NB_TEMPLATE_DB OWNER $NB_DB_ROLE"
}

# ---------------------------------------------------------------- Redis (private instance)

nb_redis_pid() {
  local pid
  pid="$(cat "$NB_RUN/redis.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && nb_alive "$pid" && echo "$pid"
}

nb_redis_start() {
  [ -n "$(nb_redis_pid || true)" ] && return 0
  command -v redis-server >/dev/null || { nb_die "redis-server not installed: run scripts/services.sh install netbox"; return 1; }
  mkdir -p "$NB_DIR/redis"
  redis-server --bind 127.0.0.1 --port "$NB_REDIS_PORT" --daemonize yes \
    --pidfile "$NB_RUN/redis.pid" --logfile "$NB_LOGS/redis.log" --dir "$NB_DIR/redis" \
    --save '' --appendonly no
  local _
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$NB_REDIS_PORT" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  tail -n 20 "$NB_LOGS/redis.log" >&2
  nb_die "Redis did not start on 127.0.0.1:$NB_REDIS_PORT (log: $NB_LOGS/redis.log)"
}

nb_redis_stop() {
  local pid
  pid="$(nb_redis_pid || true)"
  [ -z "$pid" ] && return 0
  kill "$pid" 2>/dev/null || true
  nb_wait_gone "$pid" 10
  rm -f "$NB_RUN/redis.pid"
}

# ---------------------------------------------------------------- NetBox API server (gunicorn)

nb_wait_gone() {  # pid seconds
  local _
  for _ in $(seq 1 $(($2 * 10))); do
    nb_alive "$1" || return 0
    sleep 0.1
  done
  kill -KILL "$1" 2>/dev/null || true
  sleep 0.2
}

nb_api_pid() {
  local pid
  pid="$(cat "$NB_RUN/netbox.pid" 2>/dev/null || true)"
  [ -n "$pid" ] && nb_alive "$pid" && echo "$pid"
}

# HTTP status code of GET /api/status/ with the token ("000" when nothing answers).
nb_api_probe() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 \
    -H "Authorization: Token $NB_TOKEN" -H 'Accept: application/json' "$NB_URL/api/status/" 2>/dev/null || true
}

nb_api_start() {
  nb_load_secrets
  [ -n "$(nb_api_pid || true)" ] && [ "$(nb_api_probe)" = "200" ] && return 0
  if [ -z "$(nb_api_pid || true)" ] && [ "$(nb_api_probe)" != "000" ]; then
    nb_die "something else already answers on 127.0.0.1:$NB_PORT (set DIET_NETBOX_PORT to another port)"
    return 1
  fi
  if [ -z "$(nb_api_pid || true)" ]; then
    rm -f "$NB_RUN/netbox.pid"
    echo "---- $(date -u +%FT%TZ) start" >>"$NB_LOGS/netbox.log"
    (
      cd "$NB_DIR" || exit 1
      NETBOX_ROOT="$NB_ROOT" exec setsid "$NB_VENV/bin/gunicorn" \
        --bind "127.0.0.1:$NB_PORT" --workers "$NB_WORKERS" --threads "$NB_THREADS" \
        --timeout 120 --graceful-timeout 10 --preload --pid "$NB_RUN/netbox.pid" \
        --no-control-socket --error-logfile - --capture-output netbox.wsgi
    ) </dev/null >>"$NB_LOGS/netbox.log" 2>&1 &
  fi
  local launcher=$! deadline=$((SECONDS + NB_START_TIMEOUT)) code
  while [ $SECONDS -lt $deadline ]; do
    code="$(nb_api_probe)"
    [ "$code" = "200" ] && return 0
    if ! nb_alive "$launcher" && [ -z "$(nb_api_pid || true)" ]; then
      echo "---- tail of $NB_LOGS/netbox.log:" >&2
      tail -n 40 "$NB_LOGS/netbox.log" >&2
      nb_die "NetBox exited during start-up"
      return 1
    fi
    sleep 0.5
  done
  echo "---- tail of $NB_LOGS/netbox.log:" >&2
  tail -n 40 "$NB_LOGS/netbox.log" >&2
  nb_die "NetBox did not answer GET $NB_URL/api/status/ with 200 within ${NB_START_TIMEOUT}s (last HTTP status: $code)"
}

# Replaces the gunicorn workers (SIGHUP): new workers fork from the preloaded master in about a
# second, so no per-process state survives a reset, without paying NetBox's slow import again.
# The old workers would linger up to the graceful timeout (10 s); they are killed once the new
# generation answers.
nb_api_reload() {
  local master old p n deadline=$((SECONDS + NB_START_TIMEOUT))
  master="$(nb_api_pid || true)"
  [ -n "$master" ] || { nb_api_start; return; }
  old=" $(ps -o pid= --ppid "$master" | tr -s ' \n' ' ') "
  kill -HUP "$master"
  while [ $SECONDS -lt $deadline ]; do
    n=0
    for p in $(ps -o pid= --ppid "$master"); do
      case "$old" in *" $p "*) ;; *) n=$((n + 1)) ;; esac
    done
    if [ "$n" -ge "$NB_WORKERS" ] && [ "$(nb_api_probe)" = "200" ]; then
      for p in $old; do kill -KILL "$p" 2>/dev/null || true; done
      return 0
    fi
    sleep 0.2
  done
  echo "---- tail of $NB_LOGS/netbox.log:" >&2
  tail -n 40 "$NB_LOGS/netbox.log" >&2
  nb_die "NetBox workers did not come back within ${NB_START_TIMEOUT}s after the reset"
}

nb_api_stop() {
  local pid
  pid="$(nb_api_pid || true)"
  [ -z "$pid" ] && { rm -f "$NB_RUN/netbox.pid"; return 0; }
  # Quick shutdown; workers then spend several CPU-seconds tearing down the interpreter, which a
  # test server does not need, so after 1 s the whole process group (setsid at start) is killed.
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 10); do nb_alive "$pid" || break; sleep 0.1; done
  kill -KILL -- "-$pid" 2>/dev/null || true
  nb_wait_gone "$pid" 5
  rm -f "$NB_RUN/netbox.pid"
}

# ---------------------------------------------------------------- migrate, admin user, tokens, template

nb_build_template() {
  nb_log "migrating a fresh database (takes a few minutes the first time)"
  nb_psql -c "DROP DATABASE IF EXISTS $NB_DB WITH (FORCE)" -c "CREATE DATABASE $NB_DB OWNER $NB_DB_ROLE"
  if ! nb_cli migrate --no-input >>"$NB_LOGS/install.log" 2>&1; then
    tail -n 30 "$NB_LOGS/install.log" >&2
    nb_die "netbox migrate failed (log: $NB_LOGS/install.log)"
    return 1
  fi
  nb_log "creating user '$NB_ADMIN' and its API tokens"
  DJANGO_SUPERUSER_USERNAME="$NB_ADMIN" DJANGO_SUPERUSER_EMAIL="admin@example.invalid" \
    DJANGO_SUPERUSER_PASSWORD="$NB_ADMIN_PASSWORD" nb_cli createsuperuser --no-input >>"$NB_LOGS/install.log" 2>&1 \
    || { tail -n 20 "$NB_LOGS/install.log" >&2; nb_die "createsuperuser failed"; return 1; }
  NB_TOKEN="$NB_TOKEN" NB_TOKEN_V2_KEY="$NB_TOKEN_V2_KEY" NB_TOKEN_V2_SECRET="$NB_TOKEN_V2_SECRET" \
    nb_cli shell -c '
import os
from users.models import Token, User
u = User.objects.get(username="'"$NB_ADMIN"'")
Token.objects.filter(user=u).delete()
Token.objects.create(user=u, version=1, token=os.environ["NB_TOKEN"], description="diet v1")
Token.objects.create(user=u, version=2, key=os.environ["NB_TOKEN_V2_KEY"], token=os.environ["NB_TOKEN_V2_SECRET"], description="diet v2")
' >>"$NB_LOGS/install.log" 2>&1 || { tail -n 20 "$NB_LOGS/install.log" >&2; nb_die "token creation failed"; return 1; }
  nb_log "saving the migrated database as template $NB_TEMPLATE_DB"
  nb_psql -c "DO \$\$ BEGIN IF EXISTS (SELECT FROM pg_database WHERE datname = '$NB_TEMPLATE_DB') THEN
                ALTER DATABASE $NB_TEMPLATE_DB IS_TEMPLATE false; END IF; END \$\$" \
    -c "DROP DATABASE IF EXISTS $NB_TEMPLATE_DB WITH (FORCE)" \
    -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '$NB_DB'" \
    -c "CREATE DATABASE $NB_TEMPLATE_DB TEMPLATE $NB_DB OWNER $NB_DB_ROLE" \
    -c "ALTER DATABASE $NB_TEMPLATE_DB WITH IS_TEMPLATE true ALLOW_CONNECTIONS false" \
    -c "COMMENT ON DATABASE $NB_TEMPLATE_DB IS 'diet netbox $NB_VERSION'" >/dev/null
}

# ---------------------------------------------------------------- actions

netbox_install() {
  local t0=$SECONDS
  mkdir -p "$NB_DIR" "$NB_RUN" "$NB_LOGS"
  nb_apt_ensure
  nb_venv_ensure
  nb_secrets_ensure
  nb_write_config
  local pg_was_up=0 redis_was_up=0
  nb_pg_running && pg_was_up=1
  [ -n "$(nb_redis_pid || true)" ] && redis_was_up=1
  nb_pg_start
  nb_redis_start
  nb_pg_role_ensure
  if nb_template_ok; then
    nb_db_exists "$NB_DB" || nb_db_from_template
  else
    nb_api_stop
    nb_build_template
  fi
  # leave the database services as they were found
  [ "$redis_was_up" = 1 ] || nb_redis_stop
  [ "$pg_was_up" = 1 ] || [ -n "$(nb_api_pid || true)" ] || nb_pg_stop
  nb_log "NetBox $NB_VERSION installed in $NB_DIR ($((SECONDS - t0))s); start it with: scripts/services.sh start netbox"
}

nb_require_installed() {
  nb_venv_ok || { nb_die "NetBox $NB_VERSION is not installed: run scripts/services.sh install netbox"; return 1; }
  nb_load_secrets
}

netbox_start() {
  nb_require_installed
  mkdir -p "$NB_RUN" "$NB_LOGS"
  nb_write_config
  nb_pg_start
  nb_redis_start
  nb_template_ok || { nb_die "template database missing or stale: run scripts/services.sh install netbox"; return 1; }
  nb_db_exists "$NB_DB" || nb_db_from_template
  nb_api_start
  nb_log "up at $NB_URL (pid $(nb_api_pid || echo '?')); scripts/services.sh env netbox prints URL and token"
}

netbox_stop() {
  mkdir -p "$NB_RUN"
  nb_api_stop
  nb_redis_stop
  if [ -d "$NB_DIR" ] && id postgres >/dev/null 2>&1 && nb_pg_paths 2>/dev/null; then nb_pg_stop; fi
  nb_log "stopped"
}

netbox_status() {
  local pid code
  if id postgres >/dev/null 2>&1 && [ -d "$NB_DIR" ] && nb_pg_paths 2>/dev/null && nb_pg_running; then
    echo "postgres: up (127.0.0.1:$NB_PG_PORT, data $NB_PGDATA)"
  else
    echo "postgres: down"
  fi
  pid="$(nb_redis_pid || true)"
  if [ -n "$pid" ]; then echo "redis:    up (127.0.0.1:$NB_REDIS_PORT, pid $pid)"; else echo "redis:    down"; fi
  pid="$(nb_api_pid || true)"
  if [ -s "$NB_SECRETS" ]; then nb_load_secrets; code="$(nb_api_probe)"; else code="000"; fi
  if [ -n "$pid" ] && [ "$code" = "200" ]; then
    echo "netbox:   up ($NB_URL, pid $pid, NetBox $NB_VERSION)"
  elif [ -n "$pid" ]; then
    echo "netbox:   starting or unhealthy (pid $pid, GET /api/status/ -> $code)"
  else
    echo "netbox:   down"
  fi
}

netbox_reset() {
  nb_require_installed
  local t0=$SECONDS
  nb_pg_start
  nb_redis_start
  nb_template_ok || { nb_die "template database missing or stale: run scripts/services.sh install netbox"; return 1; }
  nb_write_config
  nb_db_from_template
  redis-cli -h 127.0.0.1 -p "$NB_REDIS_PORT" flushall >/dev/null
  if [ -n "$(nb_api_pid || true)" ]; then
    nb_api_reload
  else
    nb_api_start
  fi
  nb_log "reset to an empty NetBox at $NB_URL in $((SECONDS - t0))s"
}

netbox_env() {
  nb_load_secrets
  echo "export DIET_NETBOX_URL=$NB_URL"
  echo "export DIET_NETBOX_TOKEN=$NB_TOKEN"
  echo "export DIET_NETBOX_TOKEN_V2=nbt_$NB_TOKEN_V2_KEY.$NB_TOKEN_V2_SECRET"
}
