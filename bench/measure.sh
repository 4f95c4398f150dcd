#!/usr/bin/env bash
# Measure benchmark, with the reference server measured in the same run: the demo's 2026
# survey round with 10,000 more generated answers (10,049 in all, in three departments), read
# by the municipal officer as
#   1. the round's report page (HTML: shares, Wilson intervals, departments, bands, age and
#      gender, the trend and the chart), 1 and 32 connections;
#   2. the report in the API (JSON), 1 connection;
# and one answer sent with a one-time code (how long a resident waits).
#   bash bench/measure.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/naboskab_measure bash bench/measure.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
ANSWERS="${ANSWERS:-10000}"
DURATION="${DURATION:-10s}"
PASSWORD="${NABOSKAB_DEMO_PASSWORD:-naboskab-demo-2026}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
TMP="$(mktemp -d)"
cleanup() { kill "${NB_PID:-}" "${FLOOR_PID:-}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"

echo "building (release)…" >&2
cp -r "$SHARED/bench/floor/." "$TMP/floor"
(cd "$TMP/floor" && cargo build --release -q)
if [ -z "${NABOSKAB_BIN:-}" ]; then (cd "$ROOT" && cargo build --release -q -p naboskab); fi
BIN="${NABOSKAB_BIN:-$ROOT/target/release/naboskab}"
DB_ARGS=(--data-dir "$TMP/data")
[ -n "${DATABASE_URL:-}" ] && DB_ARGS+=(--database-url "$DATABASE_URL")

echo "generating answers…" >&2
"$BIN" demo "${DB_ARGS[@]}" --extra-survey-answers "$ANSWERS" >"$TMP/gen.log" 2>&1
ROUND=$(awk '/answers to survey round/ {print $7}' "$TMP/gen.log")
GEN_SECONDS=$(awk '/answers to survey round/ {print $(NF-1)}' "$TMP/gen.log")
# A code for the open round's first department, for the timed answer.
OPEN=$((ROUND + 1))

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

JAR="$TMP/jar"
TOKEN=$(curl -fsS -c "$JAR" -b "$JAR" "$B/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "email=kommune@demo.naboskab.dk" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "csrf_token=$TOKEN" "$B/login"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
PAGE="$B/surveys/$ROUND"
API="$B/api/v1/surveys/rounds/$ROUND/report"
respondents=$(curl -fsS -H "Cookie: $COOKIE" "$API" | python3 -c 'import json,sys; print(json.load(sys.stdin)["respondents"])')
page_kb=$(( $(curl -fsS -H "Cookie: $COOKIE" "$PAGE" | wc -c) / 1024 ))

# One answer: a code from the letters' text file, sent to the API 20 times with new codes.
TOKEN=$(curl -fsS -c "$JAR" -b "$JAR" "$B/surveys/$OPEN" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
DEPARTMENT=$(curl -fsS -H "Cookie: $COOKIE" "$B/api/v1/surveys/rounds" | python3 -c "import json,sys; print([r for r in json.load(sys.stdin)['items'] if r['id']==$OPEN][0]['department_ids'][0])")
curl -fsS -c "$JAR" -b "$JAR" --data-urlencode "csrf_token=$TOKEN" --data-urlencode "department=$DEPARTMENT" \
  --data-urlencode "count=20" "$B/surveys/$OPEN/codes" | cut -f1 >"$TMP/codes.txt"
answer_ms=$(python3 - "$B" "$TMP/codes.txt" <<'PY'
import json, sys, time, urllib.request
base, codes = sys.argv[1], open(sys.argv[2]).read().split()
times = []
for code in codes:
    body = json.dumps({"code": code, "tils": [2, 1, 2], "who5": None, "age_band": None, "gender": None}).encode()
    req = urllib.request.Request(base + "/api/v1/surveys/answers", data=body, headers={"content-type": "application/json"})
    start = time.perf_counter()
    with urllib.request.urlopen(req) as r:
        assert r.status == 201
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(f"median {times[len(times)//2]:.1f} ms, slowest {times[-1]:.1f} ms")
PY
)

[ -n "${DATABASE_URL:-}" ] && psql -qAt "$DATABASE_URL" -c ANALYZE
for u in "http://127.0.0.1:$FLOOR_PORT/events" "$PAGE"; do
  wrk -t1 -c4 -d2s -H "Cookie: $COOKIE" "$u" >/dev/null
done
wrk -t1 -c1 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor1.txt"
wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor32.txt"
wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$PAGE" >"$TMP/page1.txt"
wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$PAGE" >"$TMP/page32.txt"
wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$API" >"$TMP/api1.txt"

ratio() { python3 -c "print(f'{$1/$2*100:.1f} %')"; }
cat <<OUT
date:            $(date -u +%Y-%m-%dT%H:%MZ)
machine:         $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB
backend:         $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
generated:       $ANSWERS answers in ${GEN_SECONDS} s; the report counts $respondents respondents (page ${page_kb} KB)
reference /events (50 rows), 1 conn:    $(rps "$TMP/floor1.txt") req/s, p50 $(p50 "$TMP/floor1.txt"), p99 $(p99 "$TMP/floor1.txt")
reference /events (50 rows), 32 conn:   $(rps "$TMP/floor32.txt") req/s, p99 $(p99 "$TMP/floor32.txt")
report page, 1 conn:                    $(rps "$TMP/page1.txt") req/s, p50 $(p50 "$TMP/page1.txt"), p99 $(p99 "$TMP/page1.txt")
report page, 32 conn:                   $(rps "$TMP/page32.txt") req/s ($(ratio "$(rps "$TMP/page32.txt")" "$(rps "$TMP/floor32.txt")") of /events), p99 $(p99 "$TMP/page32.txt"), non-2xx: $(non2xx "$TMP/page32.txt" || echo 0)
report API, 1 conn:                     $(rps "$TMP/api1.txt") req/s, p50 $(p50 "$TMP/api1.txt"), p99 $(p99 "$TMP/api1.txt")
one answer with a code (20 in a row):   $answer_ms
OUT
