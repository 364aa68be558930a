# Shared by scripts/run and scripts/test: make .venv and install Roos into it, idempotently.
# Sourced, not run. Fails loudly with a clear message when something is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
die() { echo "roos setup: $*" >&2; exit 1; }

PY=${PYTHON:-python3}
command -v "$PY" >/dev/null || die "python3 is not installed (Roos needs Python 3.11 or newer)"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "Python 3.11 or newer is needed, found $("$PY" --version 2>&1)"

setup_venv() {  # $1 = extras ("" or "dev")
  local extras=$1 stamp=".venv/.installed${extras:+-$extras}"
  if [[ ! -x .venv/bin/python ]]; then
    "$PY" -m venv .venv 2>/dev/null || die "could not create .venv: install python3-venv (apt-get install -y python3-venv)"
  fi
  # Reinstall only when pyproject.toml changed since the last install: the second run is fast.
  if [[ ! -f $stamp || pyproject.toml -nt $stamp ]]; then
    echo "roos setup: installing Python packages into .venv …" >&2
    .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
    .venv/bin/python -m pip install -q -e ".${extras:+[$extras]}" || die "pip install failed (see above)"
    touch "$stamp"
  fi
}

ensure_chromium() {  # $1 = extra Debian packages wanted with it (e.g. chromium-l10n for tests)
  local missing=""
  [[ -x /usr/bin/chromium ]] || missing=" chromium"
  if command -v dpkg >/dev/null; then
    for pkg in ${1:-}; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=" $pkg"; done
  fi
  [[ -z $missing ]] && return
  command -v apt-get >/dev/null || die "Chromium is missing and apt-get is not available: install Debian's chromium package"
  echo "roos setup: installing Debian's$missing (apt-get) …" >&2
  local sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null \
    || die "apt-get install$missing failed"
}

ensure_postgres() {  # Debian's PostgreSQL server, for the team-store tests (issue 16)
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [[ -n $PG_BIN && -x $PG_BIN/initdb ]] && return
  command -v apt-get >/dev/null || die "PostgreSQL is missing and apt-get is not available: install Debian's postgresql package"
  echo "roos setup: installing Debian's postgresql (apt-get) …" >&2
  local sudo=""; [[ $(id -u) == 0 ]] || sudo="sudo"
  $sudo apt-get update -qq >/dev/null || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null \
    || die "apt-get install postgresql failed"
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
}

start_test_cluster() {  # a throw-away cluster on a free loopback port; $1=durable keeps fsync on
  ensure_postgres
  local as_pg=()
  [[ $(id -u) == 0 ]] && as_pg=(runuser -u postgres --)   # initdb refuses to run as root
  PG_TMP=$(mktemp -d /tmp/roos-pg.XXXXXX)
  chmod 755 "$PG_TMP"
  [[ $(id -u) == 0 ]] && chown postgres: "$PG_TMP"
  local pw; pw=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$pw" >"$PG_TMP/pw" && chmod 600 "$PG_TMP/pw"
  [[ $(id -u) == 0 ]] && chown postgres: "$PG_TMP/pw"
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" -U roos_test --pwfile="$PG_TMP/pw" \
    -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1 \
    || die "initdb failed: $(tail -3 "$PG_TMP/initdb.log")"
  PG_PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # fsync off for the tests: the cluster itself is never killed (agents are); on for benchmarks.
  local fsync="-c fsync=off"; [[ ${1:-} == durable ]] && fsync=""
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w -s start \
    -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories=$PG_TMP $fsync -c max_connections=200" \
    || die "the test PostgreSQL did not start: $(tail -3 "$PG_TMP/server.log")"
  export ROOS_TEST_PG="postgresql://roos_test@127.0.0.1:$PG_PORT/postgres"
  export PGPASSWORD=$pw   # from the environment, as a member's agent would read it
  echo "roos test: throw-away PostgreSQL on 127.0.0.1:$PG_PORT ($PG_TMP)" >&2
}

stop_test_cluster() {
  [[ -n ${PG_TMP:-} && -d $PG_TMP ]] || return 0
  local as_pg=(); [[ $(id -u) == 0 ]] && as_pg=(runuser -u postgres --)
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -s stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
}
