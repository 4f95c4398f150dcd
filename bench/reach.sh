#!/usr/bin/env bash
# Reach benchmark, with the reference server measured in the same run:
#   1. suggestions for one person over 100,000 offers (target p99 <= 50 ms);
#   2. the caseload page of a caretaker with 250 people (target p99 <= 25 ms).
# Both are one caretaker's requests, timed in process through the whole router
# (crates/naboskab-web/examples/reach.rs); the reference server is measured with one client.
#   bash bench/reach.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/naboskab_reach bash bench/reach.sh
#   (the PostgreSQL database must exist and be empty)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
OFFERS="${OFFERS:-100000}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
TMP="$(mktemp -d)"
cleanup() { kill "${FLOOR_PID:-}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

echo "building (release)…" >&2
cp -r "$SHARED/bench/floor/." "$TMP/floor"
(cd "$TMP/floor" && cargo build --release -q)
(cd "$ROOT" && cargo build --release -q -p naboskab-web --example reach)

FLOOR_PORT=$(free_port)
"$TMP/floor/target/release/floor" seed "$TMP/events.db" >/dev/null
"$TMP/floor/target/release/floor" serve "$TMP/events.db" "127.0.0.1:$FLOOR_PORT" >/dev/null 2>&1 &
FLOOR_PID=$!
until curl -fsS "http://127.0.0.1:$FLOOR_PORT/hello" >/dev/null 2>&1; do sleep 0.05; done
wrk -t1 -c1 -d10s --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor.txt"

figures=$("$ROOT/target/release/examples/reach" "$OFFERS")
cat <<OUT
date:            $(date -u +%Y-%m-%dT%H:%MZ)
machine:         $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB
backend:         $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
reference /events (50 rows), 1 conn: $(awk '/Requests\/sec/ {print $2}' "$TMP/floor.txt") req/s, median $(awk '/ 50%/ {print $2}' "$TMP/floor.txt"), p99 $(awk '/ 99%/ {print $2}' "$TMP/floor.txt")
$figures
OUT
