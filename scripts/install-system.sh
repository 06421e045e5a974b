#!/usr/bin/env bash
# Installs the Debian packages a part of the project needs, only when something is missing.
#   base      Python venv support, the Pango libraries and fonts WeasyPrint needs, gettext, Node/npm
#   browser   Debian's Chromium, for the browser and accessibility tests
#   postgres  a local PostgreSQL server, started, with a throwaway role for the test suite
#   bench     wrk, the HTTP load generator of the web benchmark
set -euo pipefail

want=()
missing() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" || want+=("$1"); }

apt_install() {
  [ ${#want[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${want[*]}. Run this as root, or: sudo apt-get install ${want[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${want[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
}

case "${1:-base}" in
  base)
    python3 -c 'import ensurepip, venv' 2>/dev/null || want+=(python3-venv)
    for p in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation gettext; do missing "$p"; done
    command -v npm >/dev/null || want+=(nodejs npm)
    apt_install
    ;;
  browser)
    [ -x /usr/bin/chromium ] || want+=(chromium)
    for p in fonts-liberation; do missing "$p"; done
    apt_install
    ;;
  postgres)
    command -v pg_ctlcluster >/dev/null || want+=(postgresql)
    apt_install
    if ! pg_lsclusters --no-header 2>/dev/null | grep -q .; then
      v=$(ls /usr/lib/postgresql | sort -V | tail -n1)
      pg_createcluster "$v" main >/dev/null
    fi
    read -r ver name _ status _ < <(pg_lsclusters --no-header | head -n1)
    if [ "$status" != "online" ]; then pg_ctlcluster "$ver" "$name" start; fi
    for _ in $(seq 1 30); do
      runuser -u postgres -- pg_isready -q -h 127.0.0.1 && break
      sleep 1
    done
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 postgres >/dev/null <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'casereview') THEN
    CREATE ROLE casereview LOGIN CREATEDB PASSWORD 'casereview';
  END IF;
END $$;
SQL
    if ! runuser -u postgres -- psql -tAq postgres -c "SELECT 1 FROM pg_database WHERE datname='casereview'" | grep -q 1; then
      runuser -u postgres -- createdb -O casereview casereview
    fi
    ;;
  bench)
    command -v wrk >/dev/null || want+=(wrk)
    apt_install
    ;;
  *) echo "usage: $0 base|browser|postgres|bench" >&2; exit 2 ;;
esac
