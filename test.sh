#!/usr/bin/env bash
# Runs every test project: unit, integration (real app on real SQLite, then again on a throw-away
# PostgreSQL) and browser (Playwright driving Debian's headless Chromium). Installs what the tests need
# when it is missing.
# With CI=true no test may be skipped.
set -uo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "test.sh: installing Debian packages for the browser tests: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }; then
    echo "test.sh: could not install ${missing[*]}; the browser tests will say why they cannot run." >&2
  fi
fi

# axe-core and html-validate for the accessibility checks (npm packages, versions pinned in tests/a11y).
if [ ! -d tests/a11y/node_modules/axe-core ] || [ ! -d tests/a11y/node_modules/html-validate ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "test.sh: installing Debian packages nodejs and npm for the accessibility checks"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "test.sh: installing the npm packages in tests/a11y"
  (cd tests/a11y && npm ci --no-audit --no-fund --loglevel=error) || echo "test.sh: npm ci failed; the accessibility checks will say why they cannot run." >&2
fi

# Playwright must use /usr/bin/chromium and never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log=$(mktemp)
pgdir=$(mktemp -d /tmp/claimtracker-pg-XXXXXX)
trap 'rm -f "$log"; tests/postgres-cluster.sh stop "$pgdir"' EXIT

# A throw-away PostgreSQL server (Debian's postgresql, installed when missing) for the PostgreSQL-only tests
# and for the integration suite's second pass.
if server=$(tests/postgres-cluster.sh start "$pgdir"); then
  export CLAIMTRACKER_TEST_POSTGRES="$server"
  echo "test.sh: PostgreSQL for the tests at $server"
else
  echo "test.sh: could not start PostgreSQL; its tests will say why they cannot run." >&2
fi

# Pass 1: every project; the integration suite on SQLite. One engine per test process (as in production).
dotnet test ClaimTracker.sln --filter "Engine!=Postgres" --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Pass 2: the integration suite again on PostgreSQL, with the tests about PostgreSQL itself (two instances,
# schema); the tests about SQLite itself ran in pass 1.
if [ -n "${CLAIMTRACKER_TEST_POSTGRES:-}" ] || [ "${CI:-}" = "true" ]; then
  echo "test.sh: the integration suite on PostgreSQL"
  CLAIMTRACKER_TEST_ENGINE=Postgres dotnet test tests/ClaimTracker.IntegrationTests --no-build \
    --filter "Engine!=Sqlite" --logger "console;verbosity=normal" 2>&1 | tee -a "$log"
  pg_status=${PIPESTATUS[0]}
  [ "$pg_status" -eq 0 ] || status=$pg_status
else
  echo "test.sh: the integration suite's PostgreSQL pass skipped: no PostgreSQL server could be started."
fi

# Pass 3: the integration suite on SQLite once more with the speed code switched off (front cache, kept statements), so
# the paths a site takes without them stay correct too; the tests of the caches themselves need them on.
echo "test.sh: the integration suite on SQLite without the front cache and kept statements"
Performance__FrontCache=false Database__KeepStatementsPrepared=false dotnet test tests/ClaimTracker.IntegrationTests --no-build \
  --filter "Engine!=Postgres&Needs!=SpeedCaches" --logger "console;verbosity=normal" 2>&1 | tee -a "$log"
plain_status=${PIPESTATUS[0]}
[ "$plain_status" -eq 0 ] || status=$plain_status

# One summary line over all test projects (each prints "Total tests: N" then "Passed: N", "Failed: N", "Skipped: N").
read -r passed failed skipped < <(awk '
  /^ +Passed: +[0-9]+ *$/  { p += $2 }
  /^ +Failed: +[0-9]+ *$/  { f += $2 }
  /^ +Skipped: +[0-9]+ *$/ { s += $2 }
  END { print p + 0, f + 0, s + 0 }' "$log")

# The benchmark's smoke mode (200 claims, 2 s per route) keeps bench/ from rotting; it asserts nothing about speed.
bench_status=0
if [ "${SKIP_BENCH_SMOKE:-}" = "1" ] && [ "${CI:-}" != "true" ]; then
  echo "test.sh: benchmark smoke skipped (SKIP_BENCH_SMOKE=1)."
  bench_status=skipped
else
  echo "test.sh: benchmark smoke run (bench/run.sh --smoke)"
  bench/run.sh --smoke >/dev/null || bench_status=$?
fi

echo
echo "Tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
echo "Benchmark smoke: $([ "$bench_status" = 0 ] && echo ok || echo "$bench_status")"

if [ "$status" -ne 0 ]; then
  exit "$status"
fi
if [ "$bench_status" != 0 ] && [ "$bench_status" != skipped ]; then
  echo "test.sh: the benchmark smoke run failed (see bench/.work/smoke/)." >&2
  exit 1
fi
if [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran." >&2
  exit 1
fi
if [ "${CI:-}" = "true" ] && [ "$skipped" -gt 0 ]; then
  echo "test.sh: ${skipped} test(s) skipped; in CI every test must run." >&2
  exit 1
fi
