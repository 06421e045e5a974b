#!/usr/bin/env bash
# Known vulnerabilities in the pinned dependencies (requirements.lock), with pip-audit.
#
# pip-audit asks a vulnerability database on the network (PyPI's JSON API by default, OSV with
# PIP_AUDIT_SERVICE=osv). When that database answers, any known vulnerability fails this script, and
# so does a dependency it could not look up (--strict). When it cannot be reached at all (a closed
# network, a registry mirror without the JSON API), nothing has been audited: the script says so
# plainly and exits 0 unless REQUIRE_DEPENDENCY_AUDIT=1, so that CI on such a machine still runs
# the rest while never reporting "no known vulnerabilities" it did not check.
set -euo pipefail
cd "$(dirname "$0")/.."

service="${PIP_AUDIT_SERVICE:-pypi}"
case "$service" in
  pypi) probe="https://pypi.org/pypi/pip/24.0/json" ;;  # the per-release API pip-audit reads
  osv) probe="https://api.osv.dev/v1/vulns/PYSEC-2021-66" ;;
  *) echo "PIP_AUDIT_SERVICE must be pypi or osv, not '$service'." >&2; exit 2 ;;
esac

if ! .venv/bin/python - "$probe" <<'PY'
import sys
import urllib.request

try:
    with urllib.request.urlopen(sys.argv[1], timeout=15) as response:
        sys.exit(0 if response.status == 200 else 1)
except Exception:
    sys.exit(1)
PY
then
  echo "pip-audit: the vulnerability database ($probe) cannot be reached from this machine."
  echo "pip-audit: the dependencies were NOT audited in this run."
  if [[ "${REQUIRE_DEPENDENCY_AUDIT:-0}" == "1" ]]; then
    exit 1
  fi
  exit 0
fi

.venv/bin/pip-audit --strict --progress-spinner off -s "$service" -r requirements.lock
