#!/usr/bin/env bash
# Browser tests for Naboskab: build, start a demo server on a free port with a
# fresh data dir, run the journeys in headless Chromium, stop the server.
#
# Usage (from anywhere): bash tests/browser/run.sh
#
# Environment:
#   CHROMIUM_PATH   Chromium binary (default /usr/bin/chromium, Debian's package)
#   NABOSKAB_BIN    use this server binary instead of building target/debug/naboskab
#   SKIP_BUILD=1    do not run cargo build (binary must already exist)
#   KEEP_TMP=1      keep the temp data dir and server log
#   NABOSKAB_DEMO_PASSWORD, CRAWL_LIMIT are passed to the tests.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="tests/browser"

die() {
  echo "browser tests: error: $*" >&2
  exit 1
}

# --- prerequisites --------------------------------------------------------
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [[ ! -x "$CHROMIUM_PATH" ]]; then
  die "Chromium not found at $CHROMIUM_PATH. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH."
fi
export CHROMIUM_PATH

command -v node >/dev/null 2>&1 || die "node not found (Node.js 20 or newer is required)"
command -v npm >/dev/null 2>&1 || die "npm not found"
command -v curl >/dev/null 2>&1 || die "curl not found"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
[[ "$NODE_MAJOR" -ge 20 ]] || die "Node.js 20 or newer is required (found $(node --version))"

# Never let an npm package try to download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [[ ! -d "$HERE/node_modules" ]] ||
  [[ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]]; then
  echo "browser tests: installing npm dependencies (npm ci)"
  npm ci --prefix "$HERE" --no-audit --no-fund
fi

# --- build ------------------------------------------------------------------
LABEL="browser tests"
# shellcheck source=../lib/demo-server.sh
source "$ROOT/tests/lib/demo-server.sh"
demo_server_binary

# --- server -------------------------------------------------------------------
TMP="$(mktemp -d "${TMPDIR:-/tmp}/naboskab-browser.XXXXXX")"
DATA_DIR="$TMP/data"
LOG="$TMP/server.log"
mkdir -p "$DATA_DIR"
SERVER_PID=""

cleanup() {
  local rc=$?
  demo_server_stop
  if [[ $rc -ne 0 && -f "$LOG" ]]; then
    echo "browser tests: failed (exit $rc); server log ($LOG):" >&2
    tail -n 200 "$LOG" >&2 || true
  fi
  if [[ "${KEEP_TMP:-0}" == "1" ]]; then
    echo "browser tests: kept $TMP" >&2
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

demo_server_start "$DATA_DIR" "$LOG"

# --- tests ------------------------------------------------------------------
set +e
# A journey that waits for ever fails after four minutes instead of holding CI.
BASE_URL="$BASE_URL" node --test --test-timeout=240000 "$HERE"/*.test.mjs
rc=$?
set -e
exit "$rc"
