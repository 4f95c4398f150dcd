#!/usr/bin/env bash
# Fund benchmark, with the reference server measured in the same run: a call with 500
# submitted applications (the demo's and generated ones, each with three activities, six
# budget lines and two income lines), read by the municipal officer as
#   1. the review list (HTML, totals and points computed per row), 1 and 32 connections;
#   2. the committee's export as CSV and as XLSX, 1 connection;
#   3. one application as a PDF for the committee (typeset on each request), 1 and 8
#      connections.
#   bash bench/fund.sh
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/naboskab_fund bash bench/fund.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
APPLICATIONS="${APPLICATIONS:-500}"
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
# NABOSKAB_BIN: a naboskab binary built elsewhere (another commit); by default this
# checkout's release build.
if [ -z "${NABOSKAB_BIN:-}" ]; then (cd "$ROOT" && cargo build --release -q -p naboskab); fi
BIN="${NABOSKAB_BIN:-$ROOT/target/release/naboskab}"
DB_ARGS=(--data-dir "$TMP/data")
[ -n "${DATABASE_URL:-}" ] && DB_ARGS+=(--database-url "$DATABASE_URL")

# The demo's newest call holds a draft (the applicant's alone) and a submitted application;
# the rest are generated, so that the municipality's list holds $APPLICATIONS.
echo "generating applications…" >&2
"$BIN" demo "${DB_ARGS[@]}" --extra-applications "$((APPLICATIONS - 1))" >"$TMP/gen.log" 2>&1
CALL=$(awk '/applications to call/ {print $6}' "$TMP/gen.log")
GEN_SECONDS=$(awk '/applications to call/ {print $(NF-1)}' "$TMP/gen.log")

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

# Sign the municipal officer in through the form, as a browser would.
JAR="$TMP/jar"
TOKEN=$(curl -fsS -c "$JAR" -b "$JAR" "$B/login" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
curl -fsS -o /dev/null -c "$JAR" -b "$JAR" --data-urlencode "email=kommune@demo.naboskab.dk" \
  --data-urlencode "password=$PASSWORD" --data-urlencode "csrf_token=$TOKEN" "$B/login"
COOKIE=$(sed 's/^#HttpOnly_//' "$JAR" | awk '!/^#/ && NF >= 7 {printf "%s%s=%s", sep, $6, $7; sep="; "}')
LIST="$B/grants/calls/$CALL/applications"
rows=$(curl -fsS -H "Cookie: $COOKIE" "$LIST" | grep -o '<tr><td><a href="/grants/applications/' | wc -l)
list_kb=$(( $(curl -fsS -H "Cookie: $COOKIE" "$LIST" | wc -c) / 1024 ))
csv_rows=$(( $(curl -fsS -H "Cookie: $COOKIE" "$LIST.csv" | wc -l) - 1 ))
xlsx_kb=$(( $(curl -fsS -H "Cookie: $COOKIE" "$LIST.xlsx" | wc -c) / 1024 ))
FIRST=$(curl -fsS -H "Cookie: $COOKIE" "$LIST" | grep -o 'href="/grants/applications/[0-9]*"' | head -1 | grep -o '[0-9]*')
PDF="$B/grants/applications/$FIRST/application.pdf"
pdf_kb=$(( $(curl -fsS -H "Cookie: $COOKIE" "$PDF" | wc -c) / 1024 ))

[ -n "${DATABASE_URL:-}" ] && psql -qAt "$DATABASE_URL" -c ANALYZE
for u in "http://127.0.0.1:$FLOOR_PORT/events" "$LIST"; do
  wrk -t1 -c4 -d2s -H "Cookie: $COOKIE" "$u" >/dev/null
done
wrk -t1 -c1 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor1.txt"
wrk -t2 -c32 -d"$DURATION" --latency "http://127.0.0.1:$FLOOR_PORT/events" >"$TMP/floor32.txt"
wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$LIST" >"$TMP/list1.txt"
wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$LIST" >"$TMP/list32.txt"
wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$LIST.csv" >"$TMP/csv1.txt"
wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$LIST.xlsx" >"$TMP/xlsx1.txt"
wrk -t1 -c1 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$PDF" >"$TMP/pdf1.txt"
wrk -t2 -c8 -d"$DURATION" --latency -H "Cookie: $COOKIE" "$PDF" >"$TMP/pdf8.txt"

ratio() { python3 -c "print(f'{$1/$2*100:.1f} %')"; }
cat <<OUT
date:            $(date -u +%Y-%m-%dT%H:%MZ)
machine:         $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB
backend:         $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite)
generated:       $((APPLICATIONS - 1)) applications in ${GEN_SECONDS} s; the list shows $rows rows (${list_kb} KB), the CSV $csv_rows, the XLSX ${xlsx_kb} KB
reference /events (50 rows), 1 conn:    $(rps "$TMP/floor1.txt") req/s, p50 $(p50 "$TMP/floor1.txt"), p99 $(p99 "$TMP/floor1.txt")
reference /events (50 rows), 32 conn:   $(rps "$TMP/floor32.txt") req/s, p99 $(p99 "$TMP/floor32.txt")
review list, 1 conn:                    $(rps "$TMP/list1.txt") req/s, p50 $(p50 "$TMP/list1.txt"), p99 $(p99 "$TMP/list1.txt")
review list, 32 conn:                   $(rps "$TMP/list32.txt") req/s ($(ratio "$(rps "$TMP/list32.txt")" "$(rps "$TMP/floor32.txt")") of /events), p99 $(p99 "$TMP/list32.txt"), non-2xx: $(non2xx "$TMP/list32.txt" || echo 0)
export CSV, 1 conn:                     $(rps "$TMP/csv1.txt") req/s, p50 $(p50 "$TMP/csv1.txt"), p99 $(p99 "$TMP/csv1.txt")
export XLSX, 1 conn:                    $(rps "$TMP/xlsx1.txt") req/s, p50 $(p50 "$TMP/xlsx1.txt"), p99 $(p99 "$TMP/xlsx1.txt")
application PDF (${pdf_kb} KB), 1 conn:     $(rps "$TMP/pdf1.txt") req/s, p50 $(p50 "$TMP/pdf1.txt"), p99 $(p99 "$TMP/pdf1.txt")
application PDF, 8 conn:                $(rps "$TMP/pdf8.txt") req/s, p50 $(p50 "$TMP/pdf8.txt"), p99 $(p99 "$TMP/pdf8.txt"), non-2xx: $(non2xx "$TMP/pdf8.txt" || echo 0)
OUT
