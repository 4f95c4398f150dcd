#!/usr/bin/env bash
# Foundation benchmark: time from start to ready, idle memory, and /healthz throughput as a
# ratio of the reference server's /hello, measured in the same run with the same load
# generator (wrk, 2 threads, 32 connections). Not a test: it prints figures for BENCHMARKS.md.
#
#   bash bench/foundation.sh            # SQLite
#   DATABASE_URL=postgres://… bash bench/foundation.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
DURATION="${DURATION:-10s}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
TMP="$(mktemp -d)"
cleanup() { kill "${NB_PID:-}" "${FLOOR_PID:-}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
rss_kib() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
wrk_rps() { wrk -t2 -c32 -d"$DURATION" --latency "$1" | tee -a "$TMP/wrk.log" | awk '/Requests\/sec/ {print $2}'; }

echo "building the reference server and Naboskab (release)…" >&2
cp -r "$SHARED/bench/floor/." "$TMP/floor"
(cd "$TMP/floor" && cargo build --release -q)
# NABOSKAB_BIN: a naboskab binary built elsewhere (another commit), to compare two versions
# against the same reference in one sitting; by default this checkout's release build.
if [ -z "${NABOSKAB_BIN:-}" ]; then (cd "$ROOT" && cargo build --release -q -p naboskab); fi
BIN="${NABOSKAB_BIN:-$ROOT/target/release/naboskab}"

FLOOR_PORT=$(free_port)
"$TMP/floor/target/release/floor" seed "$TMP/events.db" >/dev/null
"$TMP/floor/target/release/floor" serve "$TMP/events.db" "127.0.0.1:$FLOOR_PORT" >/dev/null 2>&1 &
FLOOR_PID=$!

NB_PORT=$(free_port)
DB_ARGS=()
[ -n "${DATABASE_URL:-}" ] && DB_ARGS=(--database-url "$DATABASE_URL")
t0=$(date +%s%N)
"$BIN" serve --demo --data-dir "$TMP/data" --bind "127.0.0.1:$NB_PORT" "${DB_ARGS[@]}" >"$TMP/nb.log" 2>&1 &
NB_PID=$!
until curl -fsS "http://127.0.0.1:$NB_PORT/readyz" >/dev/null 2>&1; do sleep 0.005; done
ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
# Second start on the now-seeded database: what a restart costs.
kill "$NB_PID"; wait "$NB_PID" 2>/dev/null || true
t0=$(date +%s%N)
"$BIN" serve --demo --data-dir "$TMP/data" --bind "127.0.0.1:$NB_PORT" "${DB_ARGS[@]}" >"$TMP/nb.log" 2>&1 &
NB_PID=$!
until curl -fsS "http://127.0.0.1:$NB_PORT/readyz" >/dev/null 2>&1; do sleep 0.005; done
restart_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
sleep 2
idle_rss=$(rss_kib "$NB_PID")
until curl -fsS "http://127.0.0.1:$FLOOR_PORT/hello" >/dev/null 2>&1; do sleep 0.05; done

floor_hello=$(wrk_rps "http://127.0.0.1:$FLOOR_PORT/hello")
healthz=$(wrk_rps "http://127.0.0.1:$NB_PORT/healthz")
home=$(wrk_rps "http://127.0.0.1:$NB_PORT/")
floor_events=$(wrk_rps "http://127.0.0.1:$FLOOR_PORT/events")
munis=$(wrk_rps "http://127.0.0.1:$NB_PORT/api/v1/municipalities")
loaded_rss=$(rss_kib "$NB_PID")

ratio() { python3 -c "print(f'{$1/$2*100:.0f} %')"; }
cat <<OUT
date:                       $(date -u +%Y-%m-%dT%H:%MZ)
machine:                    $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)
backend:                    $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
start to ready (fresh, migrate + seed): ${ready_ms} ms
start to ready (restart):   ${restart_ms} ms
idle RSS:                   $((idle_rss / 1024)) MiB
reference /hello:           ${floor_hello} req/s
naboskab /healthz:          ${healthz} req/s  ($(ratio "$healthz" "$floor_hello") of /hello)
naboskab / (HTML page):     ${home} req/s
reference /events (50 rows):${floor_events} req/s
naboskab /api/v1/municipalities (98 rows): ${munis} req/s  ($(ratio "$munis" "$floor_events") of /events)
RSS after load:             $((loaded_rss / 1024)) MiB
OUT
