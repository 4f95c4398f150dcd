#!/usr/bin/env bash
# Join benchmark, with the reference server measured in the same run:
#   1. expanding 10,000 weekly series over 12 months (target <= 200 ms);
#   2. the week calendar of a department with 200 weekly activities, 32 connections
#      (target p99 <= 25 ms);
#   3. sign-ups through the API at 32 connections on SQLite with synchronous=FULL
#      (target >= 500/s) and afterwards a check that no occurrence has more confirmed places
#      than it has.
#   bash bench/join.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/naboskab_join bash bench/join.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
SERIES="${SERIES:-200}"
DURATION="${DURATION:-10s}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
TMP="$(mktemp -d)"
cleanup() { kill "${NB_PID:-}" "${FLOOR_PID:-}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

echo "building (release)…" >&2
cp -r "$SHARED/bench/floor/." "$TMP/floor"
(cd "$TMP/floor" && cargo build --release -q)
(cd "$ROOT" && cargo build --release -q -p naboskab-domain --example expand_series)
# NABOSKAB_BIN: a naboskab binary built elsewhere (another commit), to compare two versions
# against the same reference in one sitting; by default this checkout's release build.
if [ -z "${NABOSKAB_BIN:-}" ]; then (cd "$ROOT" && cargo build --release -q -p naboskab); fi
BIN="${NABOSKAB_BIN:-$ROOT/target/release/naboskab}"
DB_ARGS=(--data-dir "$TMP/data")
[ -n "${DATABASE_URL:-}" ] && DB_ARGS+=(--database-url "$DATABASE_URL")

expansion=$("$ROOT/target/release/examples/expand_series")
"$BIN" demo "${DB_ARGS[@]}" --extra-series "$SERIES" >"$TMP/gen.log" 2>&1
DEP=$(awk '/weekly activities to department/ {print $(NF-3)}' "$TMP/gen.log")

FLOOR_PORT=$(free_port)
"$TMP/floor/target/release/floor" seed "$TMP/events.db" >/dev/null
"$TMP/floor/target/release/floor" serve "$TMP/events.db" "127.0.0.1:$FLOOR_PORT" >/dev/null 2>&1 &
FLOOR_PID=$!
NB_PORT=$(free_port)
"$BIN" serve "${DB_ARGS[@]}" --bind "127.0.0.1:$NB_PORT" --guest-requests-per-hour 100000000 >"$TMP/nb.log" 2>&1 &
NB_PID=$!
until curl -fsS "http://127.0.0.1:$NB_PORT/readyz" >/dev/null 2>&1; do sleep 0.05; done
until curl -fsS "http://127.0.0.1:$FLOOR_PORT/hello" >/dev/null 2>&1; do sleep 0.05; done
B="http://127.0.0.1:$NB_PORT"
week_kb=$(( $(curl -s "$B/calendar?department=$DEP" | wc -c) / 1024 ))
entries=$(curl -s "$B/calendar?department=$DEP" | grep -c 'class="calendar-entry' || true)

wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor.txt"
wrk -t2 -c32 -d"$DURATION" --latency "$B/calendar?department=$DEP" >"$TMP/week.txt"

# Sign-ups: each request a new guest, spread over the coming occurrences of the department.
ids=$(curl -s "$B/api/v1/occurrences?department=$DEP&limit=1000&to=$(date -u -d '+28 days' +%Y-%m-%dT%H:%M:%SZ)" \
  | python3 -c 'import sys,json; print(",".join(str(i["id"]) for i in json.load(sys.stdin)["items"] if i["signup_required"]))')
cat >"$TMP/signup.lua" <<LUA
local ids = { $ids }
local n = 0
local tid = 0
setup = function(thread) tid = tid + 1; thread:set("tid", tid) end
init = function() tid = wrk.thread:get("tid") or 0 end
request = function()
  n = n + 1
  local id = ids[(n % #ids) + 1]
  local body = string.format('{"name":"Gæst %d-%d","email":"g%d-%d@example.dk"}', tid, n, tid, n)
  return wrk.format("POST", "/api/v1/occurrences/" .. id .. "/signups", { ["Content-Type"] = "application/json" }, body)
end
LUA
started=$(date +%s)
wrk -t2 -c32 -d"$DURATION" --latency -s "$TMP/signup.lua" "$B" >"$TMP/signup.txt"
over=$(curl -s "$B/api/v1/occurrences?department=$DEP&limit=1000&to=$(date -u -d '+28 days' +%Y-%m-%dT%H:%M:%SZ)" \
  | python3 -c 'import sys,json; print(sum(1 for i in json.load(sys.stdin)["items"] if i["capacity"] is not None and i["places_left"] < 0))')
if [ -z "${DATABASE_URL:-}" ]; then
  overbooked=$(sqlite3 "$TMP/data/naboskab.db" "SELECT COUNT(*) FROM (SELECT o.id FROM occurrence o JOIN signup s ON s.occurrence_id = o.id AND s.status = 'confirmed' GROUP BY o.id, o.capacity HAVING SUM(s.places) > o.capacity)")
  signups=$(sqlite3 "$TMP/data/naboskab.db" "SELECT status, COUNT(*) FROM signup WHERE user_id IS NULL AND created_at >= $started GROUP BY status" | tr '\n' ' ')
else
  overbooked="(see places_left check)"
  signups=""
fi
ratio() { python3 -c "print(f'{$1/$2*100:.0f} %')"; }
cat <<OUT
date:            $(date -u +%Y-%m-%dT%H:%MZ)
machine:         $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB
backend:         $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
expansion:       $expansion
reference /events (50 rows):        $(rps "$TMP/floor.txt") req/s, p99 $(p99 "$TMP/floor.txt")
week calendar, $SERIES series:       $(rps "$TMP/week.txt") req/s ($(ratio "$(rps "$TMP/week.txt")" "$(rps "$TMP/floor.txt")") of /events), p99 $(p99 "$TMP/week.txt"), $entries entries, ${week_kb} KB
sign-ups, 32 connections:          $(rps "$TMP/signup.txt") req/s, p99 $(p99 "$TMP/signup.txt"), non-2xx: $(non2xx "$TMP/signup.txt" || echo 0)
sign-ups stored:                   $signups
occurrences over capacity:         $overbooked (API places_left < 0: $over)
OUT
