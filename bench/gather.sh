#!/usr/bin/env bash
# Gather benchmark, with the reference server measured in the same run:
#   1. availability of a room over a month with 50,000 bookings in the database
#      (target p99 <= 5 ms), one connection and 32 connections, API and the HTML month table;
#   2. booking requests through the API at 32 connections on SQLite with synchronous=FULL
#      (target >= 300/s), each for a free hour, and afterwards a check that no two holding
#      bookings of a room overlap.
#   bash bench/gather.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/naboskab_gather bash bench/gather.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
BOOKINGS="${BOOKINGS:-50000}"
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
# NABOSKAB_BIN: a naboskab binary built elsewhere (another commit), to compare two versions
# against the same reference in one sitting; by default this checkout's release build.
if [ -z "${NABOSKAB_BIN:-}" ]; then (cd "$ROOT" && cargo build --release -q -p naboskab); fi
BIN="${NABOSKAB_BIN:-$ROOT/target/release/naboskab}"
DB_ARGS=(--data-dir "$TMP/data")
[ -n "${DATABASE_URL:-}" ] && DB_ARGS+=(--database-url "$DATABASE_URL")

echo "generating $BOOKINGS bookings…" >&2
"$BIN" demo "${DB_ARGS[@]}" --extra-bookings "$BOOKINGS" >"$TMP/gen.log" 2>&1
ROOMS=$(awk '/bookings in rooms/ {print $6}' "$TMP/gen.log")
GEN_SECONDS=$(awk '/bookings in rooms/ {print $(NF-1)}' "$TMP/gen.log")
ROOM=${ROOMS%%,*}
TOKEN=$("$BIN" token create "${DB_ARGS[@]}" --user bestyrelse@demo.naboskab.dk --name bench | tail -1)

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

# The first full month of bookings (they start tomorrow).
read -r FROM TO MONTH <<<"$(python3 -c '
import datetime as d
t = d.date.today()
first = (t.replace(day=1) + d.timedelta(days=32)).replace(day=1)
nxt = (first + d.timedelta(days=32)).replace(day=1)
print(f"{first}T00:00:00Z {nxt}T00:00:00Z {first:%Y-%m}")')"
AVAIL="$B/api/v1/rooms/$ROOM/availability?from=$FROM&to=$TO"
busy=$(curl -fsS "$AVAIL" | python3 -c 'import sys,json; print(len(json.load(sys.stdin)["busy"]))')
month_kb=$(( $(curl -fsS "$B/rooms/$ROOM?month=$MONTH" | wc -c) / 1024 ))
total=$(curl -fsS "$B/api/v1/rooms" -H "Authorization: Bearer $TOKEN" | python3 -c 'import sys,json; print(len(json.load(sys.stdin)["items"]))')

# Fresh planner statistics after the bulk load (autovacuum would do it a little later), and a
# short warm-up of each endpoint so connection pools and caches are filled before measuring.
[ -n "${DATABASE_URL:-}" ] && psql -qAt "$DATABASE_URL" -c ANALYZE
for u in "http://127.0.0.1:$FLOOR_PORT/events" "$AVAIL" "$B/rooms/$ROOM?month=$MONTH"; do
  wrk -t1 -c4 -d2s "$u" >/dev/null
done
wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor.txt"
wrk -t1 -c1 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor1.txt"
wrk -t1 -c1 -d"$DURATION" --latency "$AVAIL" >"$TMP/avail1.txt"
wrk -t2 -c32 -d"$DURATION" --latency "$AVAIL" >"$TMP/avail32.txt"
wrk -t2 -c32 -d"$DURATION" --latency "$B/rooms/$ROOM?month=$MONTH" >"$TMP/month32.txt"

# Booking requests: every request a different free hour of a practice room, 150–400 days
# ahead (the generated bookings fill the first ~143 days).
BASE=$(python3 -c '
import datetime as d
t = d.datetime.now(d.timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
print(int((t + d.timedelta(days=150)).timestamp()))')
cat >"$TMP/book.lua" <<LUA
local rooms = { $ROOMS }
local n = 0
local tid = 0
setup = function(thread) tid = tid + 1; thread:set("tid", tid) end
init = function() tid = wrk.thread:get("tid") or 0 end
request = function()
  local i = n * 2 + tid - 1
  n = n + 1
  local room = rooms[(i % #rooms) + 1]
  local rest = math.floor(i / #rooms)
  local start = $BASE + math.floor(rest / 12) * 86400 + (9 + rest % 12) * 3600
  local body = string.format('{"room_id":%d,"kind":"community","start":"%s","end":"%s","title":"Øvetime"}',
    room, os.date("!%Y-%m-%dT%H:%M:%SZ", start), os.date("!%Y-%m-%dT%H:%M:%SZ", start + 3600))
  return wrk.format("POST", "/api/v1/bookings", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer $TOKEN",
  }, body)
end
LUA
started=$(date +%s)
wrk -t2 -c32 -d"$DURATION" --latency -s "$TMP/book.lua" "$B" >"$TMP/book.txt"

if [ -z "${DATABASE_URL:-}" ]; then
  q() { sqlite3 "$TMP/data/naboskab.db" "$1"; }
else
  q() { psql -At "$DATABASE_URL" -c "$1"; }
fi
# Titles are sealed at rest: the run's bookings are the ones made since it started.
stored=$(q "SELECT COUNT(*) FROM booking WHERE created_at >= $started")
holding=$(q "SELECT COUNT(*) FROM booking WHERE status IN ('requested', 'confirmed')")
overlaps=$(q "SELECT COUNT(*) FROM booking a JOIN booking b ON a.room_id = b.room_id AND a.id < b.id AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at WHERE a.status IN ('requested', 'confirmed') AND b.status IN ('requested', 'confirmed')")
ratio() { python3 -c "print(f'{$1/$2*100:.0f} %')"; }
cat <<OUT
date:            $(date -u +%Y-%m-%dT%H:%MZ)
machine:         $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB
backend:         $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
generated:       $BOOKINGS bookings in ${GEN_SECONDS} s, $total rooms listed
reference /events (50 rows), 32 conn:   $(rps "$TMP/floor.txt") req/s, p99 $(p99 "$TMP/floor.txt")
reference /events (50 rows), 1 conn:    $(rps "$TMP/floor1.txt") req/s, p99 $(p99 "$TMP/floor1.txt")
availability, month ($busy busy), 1 conn:  $(rps "$TMP/avail1.txt") req/s, p99 $(p99 "$TMP/avail1.txt")
availability, month, 32 conn:           $(rps "$TMP/avail32.txt") req/s ($(ratio "$(rps "$TMP/avail32.txt")" "$(rps "$TMP/floor.txt")") of /events), p99 $(p99 "$TMP/avail32.txt")
room page month table, 32 conn:         $(rps "$TMP/month32.txt") req/s, p99 $(p99 "$TMP/month32.txt"), ${month_kb} KB
booking requests, 32 conn:              $(rps "$TMP/book.txt") req/s, p99 $(p99 "$TMP/book.txt"), non-2xx: $(non2xx "$TMP/book.txt" || echo 0)
bookings stored by the run:             $stored (holding in total: $holding)
overlapping holding pairs:              $overlaps
OUT
