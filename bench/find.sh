#!/usr/bin/env bash
# Find benchmark: 100,000 generated offers (plus the demo's 61) on SQLite (or PostgreSQL with
# DATABASE_URL), measured with wrk against the reference server in the same run.
#   bash bench/find.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/naboskab_find bash bench/find.sh
# OFFERS=1000 bash bench/find.sh gives the small corpus for the latency-growth comparison.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
OFFERS="${OFFERS:-100000}"
DURATION="${DURATION:-10s}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
TMP="$(mktemp -d)"
cleanup() { kill "${NB_PID:-}" "${FLOOR_PID:-}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
rss_mib() { awk '/VmRSS/ {print int($2/1024)}' "/proc/$1/status"; }

echo "building (release)…" >&2
cp -r "$SHARED/bench/floor/." "$TMP/floor"
(cd "$TMP/floor" && cargo build --release -q)
# NABOSKAB_BIN: a naboskab binary built elsewhere (another commit), to compare two versions
# against the same reference in one sitting; by default this checkout's release build.
if [ -z "${NABOSKAB_BIN:-}" ]; then (cd "$ROOT" && cargo build --release -q -p naboskab); fi
BIN="${NABOSKAB_BIN:-$ROOT/target/release/naboskab}"
DB_ARGS=(--data-dir "$TMP/data")
[ -n "${DATABASE_URL:-}" ] && DB_ARGS+=(--database-url "$DATABASE_URL")

echo "generating $OFFERS offers…" >&2
gen_start=$(date +%s)
"$BIN" demo "${DB_ARGS[@]}" --extra-offers "$OFFERS" >"$TMP/gen.log" 2>&1
gen_s=$(( $(date +%s) - gen_start ))

FLOOR_PORT=$(free_port)
"$TMP/floor/target/release/floor" seed "$TMP/events.db" >/dev/null
"$TMP/floor/target/release/floor" serve "$TMP/events.db" "127.0.0.1:$FLOOR_PORT" >/dev/null 2>&1 &
FLOOR_PID=$!
NB_PORT=$(free_port)
"$BIN" serve "${DB_ARGS[@]}" --bind "127.0.0.1:$NB_PORT" >"$TMP/nb.log" 2>&1 &
NB_PID=$!
until curl -fsS "http://127.0.0.1:$NB_PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
until curl -fsS "http://127.0.0.1:$FLOOR_PORT/hello" >/dev/null 2>&1; do sleep 0.05; done
B="http://127.0.0.1:$NB_PORT"
# Warm the vocabulary cache and the page cache.
for q in strik "f%C3%A6llesspisning" lektiecafe; do curl -s "$B/api/v1/offers?q=$q" >/dev/null; done

run() { wrk -t2 -c"$2" -d"$DURATION" --latency "$1" >"$TMP/$3.txt"; }
run "http://127.0.0.1:$FLOOR_PORT/events" 32 floor_events
run "$B/api/v1/offers?limit=50" 32 api50
run "$B/offers" 32 html20
# Searches: a rotating set of realistic queries (typos, folding, two words), bench/search.lua.
wrk -t1 -c1 -d"$DURATION" --latency -s "$ROOT/bench/search.lua" "$B" >"$TMP/search1.txt"
wrk -t2 -c32 -d"$DURATION" --latency -s "$ROOT/bench/search.lua" "$B" >"$TMP/search32.txt"
loaded_rss=$(rss_mib "$NB_PID")
page_kb=$(( $(curl -s "$B/offers" | wc -c) / 1024 ))
ratio() { python3 -c "print(f'{$1/$2*100:.0f} %')"; }
cat <<OUT
date:            $(date -u +%Y-%m-%dT%H:%MZ)
machine:         $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB
backend:         $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
offers:          $OFFERS generated + demo (generated in ${gen_s} s)
reference /events (50 rows):       $(rps "$TMP/floor_events.txt") req/s
/api/v1/offers?limit=50:            $(rps "$TMP/api50.txt") req/s ($(ratio "$(rps "$TMP/api50.txt")" "$(rps "$TMP/floor_events.txt")") of /events), p99 $(p99 "$TMP/api50.txt")
/offers (HTML, 20 offers):          $(rps "$TMP/html20.txt") req/s ($(ratio "$(rps "$TMP/html20.txt")" "$(rps "$TMP/floor_events.txt")") of /events), p99 $(p99 "$TMP/html20.txt"), page ${page_kb} KB
text search, 1 client:              $(rps "$TMP/search1.txt") req/s, p99 $(p99 "$TMP/search1.txt")
text search, 32 connections:        $(rps "$TMP/search32.txt") req/s, p99 $(p99 "$TMP/search32.txt")
RSS under load:                     ${loaded_rss} MiB
OUT
