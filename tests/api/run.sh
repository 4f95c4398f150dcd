#!/usr/bin/env bash
# API fuzz tests for Naboskab: build, start a demo server on a free port with a fresh data
# dir, fuzz the JSON API described by /api/v1/openapi.json with Schemathesis twice
# (anonymously, then as the demo resident with a bearer token), stop the server.
# Exits non-zero when either run reports a failure or an error.
#
# Usage (from anywhere): bash tests/api/run.sh [extra schemathesis options...]
#
# Environment:
#   NABOSKAB_BIN       use this server binary instead of building target/debug/naboskab
#   SKIP_BUILD=1       do not run cargo build (binary must already exist)
#   NABOSKAB_ST_VENV   reuse this Python venv (schemathesis is installed into it when missing
#                      or at another version); default ${TMPDIR:-/tmp}/naboskab-st-venv
#   ST_MAX_EXAMPLES    examples per operation (default 50)
#   ST_SEED            Hypothesis seed (default 20240601); the same seed gives the same cases
#   ST_REPORT_DIR      keep the output, JUnit and JSON reports of both runs here (a relative
#                      path is taken from the repository root; default: in the temp dir,
#                      removed unless KEEP_TMP=1)
#   NABOSKAB_GUEST_REQUESTS_PER_HOUR  passed to the server (default here 1000000)
#   KEEP_TMP=1         keep the temp data dir, server log and reports
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="tests/api"

die() {
  echo "api tests: error: $*" >&2
  exit 1
}

# --- prerequisites --------------------------------------------------------
command -v python3 >/dev/null 2>&1 || die "python3 not found (Python 3.9 or newer with venv is required)"
command -v curl >/dev/null 2>&1 || die "curl not found"

VENV="${NABOSKAB_ST_VENV:-${TMPDIR:-/tmp}/naboskab-st-venv}"
WANT_VERSION="$(sed -n 's/^schemathesis==\([^[:space:]]*\).*/\1/p' "$HERE/requirements.txt")"
[[ -n "$WANT_VERSION" ]] || die "no schemathesis==VERSION pin in $HERE/requirements.txt"
if [[ ! -x "$VENV/bin/python" ]]; then
  echo "api tests: creating venv $VENV"
  python3 -m venv "$VENV" || die "cannot create a venv (on Debian: apt-get install -y python3-venv)"
fi
have_version() {
  "$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null || true
}
if [[ "$(have_version)" != "$WANT_VERSION" ]]; then
  echo "api tests: installing $HERE/requirements.txt into $VENV"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$HERE/requirements.txt"
fi
[[ "$(have_version)" == "$WANT_VERSION" ]] || die "schemathesis $WANT_VERSION not installed in $VENV"
ST="$VENV/bin/st"

# --- build ------------------------------------------------------------------
LABEL="api tests"
# shellcheck source=../lib/demo-server.sh
source "$ROOT/tests/lib/demo-server.sh"
demo_server_binary

# --- server -------------------------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/naboskab-api.XXXXXX")"
DATA_DIR="$TMP/data"
LOG="$TMP/server.log"
REPORTS="${ST_REPORT_DIR:-$TMP/reports}"
mkdir -p "$DATA_DIR" "$REPORTS"
REPORTS="$(cd "$REPORTS" && pwd)" # absolute: Schemathesis runs from another directory
SERVER_PID=""
FUZZING=0

cleanup() {
  local rc=$?
  demo_server_stop
  if [[ $rc -ne 0 && -f "$LOG" ]]; then
    if [[ "$FUZZING" == "1" ]]; then
      # Schemathesis has reported the failures; the log adds only the server's own errors.
      if grep -qE 'ERROR|WARN|panicked' "$LOG"; then
        echo "api tests: warnings and errors in the server log ($LOG):" >&2
        grep -E 'ERROR|WARN|panicked' "$LOG" | tail -n 40 >&2 || true
      fi
    else
      echo "api tests: failed (exit $rc); server log ($LOG):" >&2
      tail -n 200 "$LOG" >&2 || true
    fi
  fi
  if [[ "${KEEP_TMP:-0}" == "1" ]]; then
    echo "api tests: kept $TMP" >&2
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The guest limit (sign-ups without an account per address and hour, default 10) answers 429
# once ten anonymous sign-ups have passed validation; raise it so that how many the fuzzer gets
# through can never decide the outcome. (The login limits do not touch /api/v1.)
export NABOSKAB_GUEST_REQUESTS_PER_HOUR="${NABOSKAB_GUEST_REQUESTS_PER_HOUR:-1000000}"

demo_server_start "$DATA_DIR" "$LOG"

# A bearer token for the demo resident, made by the binary itself next to the running server
# (SQLite in WAL mode with a busy timeout: the second writer waits, it does not fail).
TOKEN="$("$BIN" token create --data-dir "$DATA_DIR" --user beboer@demo.naboskab.dk --name schemathesis 2>>"$LOG" | tail -n 1)"
[[ -n "$TOKEN" ]] || die "could not create an API token for beboer@demo.naboskab.dk"
curl -fsS --max-time 5 -H "Authorization: Bearer $TOKEN" "$BASE_URL/api/v1/me" >/dev/null ||
  die "the new API token is not accepted by GET /api/v1/me"

# --- fuzzing ------------------------------------------------------------------
SCHEMA_URL="$BASE_URL/api/v1/openapi.json"
ST_ARGS=(
  --url "$BASE_URL"
  --checks all
  --max-examples "${ST_MAX_EXAMPLES:-50}"
  --seed "${ST_SEED:-20240601}"
  --generation-database none
  --phases examples,coverage,fuzzing
  --workers 1
  --continue-on-failure
  --request-timeout 30
  --no-color
)

FUZZING=1
declare -A RC SECS SUMMARY
run_st() {
  local name="$1"
  shift
  local out="$REPORTS/$name.log" start end
  mkdir -p "$TMP/st-$name"
  echo
  echo "api tests: === schemathesis run '$name' ==="
  start=$(date +%s)
  set +e
  # From the temp dir: Schemathesis and Hypothesis write caches (.schemathesis/,
  # .hypothesis/) into the working directory, which must be neither the repo nor shared.
  (cd "$TMP/st-$name" && "$ST" --config-file "$ROOT/$HERE/schemathesis.toml" run "$SCHEMA_URL" "${ST_ARGS[@]}" \
    --report junit,json \
    --report-junit-path "$REPORTS/$name.junit.xml" \
    --report-json-path "$REPORTS/$name.json" \
    "$@") 2>&1 | tee "$out"
  RC[$name]=${PIPESTATUS[0]}
  set -e
  end=$(date +%s)
  SECS[$name]=$((end - start))
  # Schemathesis closes with a line like "===== 19 failures, 1 warning in 6.38s =====".
  SUMMARY[$name]="$({ grep -E '^=+ .+ in [0-9.]+s =+$' "$out" || true; } | tail -n 1 | sed -E 's/^=+ //; s/ =+$//')"
}

run_st anonymous "$@"
run_st bearer -H "Authorization: Bearer $TOKEN" "$@"

echo
echo "api tests: summary (schemathesis $WANT_VERSION, seed ${ST_SEED:-20240601}, ${ST_MAX_EXAMPLES:-50} examples per operation)"
status=0
for name in anonymous bearer; do
  verdict="ok"
  if [[ "${RC[$name]}" -ne 0 ]]; then
    verdict="FAILED (exit ${RC[$name]})"
    status=1
  fi
  printf '  %-9s %-18s %4ss  %s\n' "$name" "$verdict" "${SECS[$name]}" "${SUMMARY[$name]:-no summary line}"
done
if [[ -n "${ST_REPORT_DIR:-}" || "${KEEP_TMP:-0}" == "1" ]]; then
  echo "  reports: $REPORTS"
fi
exit "$status"
