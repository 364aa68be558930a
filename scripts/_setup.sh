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
