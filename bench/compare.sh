#!/usr/bin/env bash
# Compares two Naboskab builds on the read paths, interleaved: the reference server and both
# builds run at once, and short wrk runs take turns (reference, before, after, reference, …),
# so a change in the machine's load falls on all three alike. Prints the median, lowest and
# highest requests per second of each, and each build's median as a share of the reference's.
#
#   bash bench/compare.sh BEFORE_BIN AFTER_BIN
#   OFFERS=100000 ROUNDS=8 RUN=3s bash bench/compare.sh ../before/target/release/naboskab target/release/naboskab
#
# Why interleaved: on this shared 2-core machine, back-to-back 10 s runs of one binary moved
# by up to 30 % between sittings, more than the changes being judged. Build the older commit
# in a separate worktree with its own target directory (see BENCHMARKS.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SHARED="${NABOSKAB_SHARED:-$ROOT/../shared}"
BEFORE="${1:?the before binary}"
AFTER="${2:?the after binary}"
OFFERS="${OFFERS:-100000}"
ROUNDS="${ROUNDS:-8}"
RUN="${RUN:-3s}"
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk"; exit 1; }
TMP="$(mktemp -d)"
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT
# shellcheck source=bench/lib.sh
source "$ROOT/bench/lib.sh"
wait_for() { until curl -fsS "$1" >/dev/null 2>&1; do sleep 0.05; done; }

echo "building the reference server…" >&2
cp -r "$SHARED/bench/floor/." "$TMP/floor"
(cd "$TMP/floor" && cargo build --release -q)
FLOOR_PORT=$(free_port)
"$TMP/floor/target/release/floor" seed "$TMP/events.db" >/dev/null
"$TMP/floor/target/release/floor" serve "$TMP/events.db" "127.0.0.1:$FLOOR_PORT" >/dev/null 2>&1 &
PIDS+=($!)

declare -A PORT
for name in before after; do
  bin=$BEFORE
  [ "$name" = after ] && bin=$AFTER
  # Each build seeds its own data: two versions may differ in schema.
  echo "$name: generating $OFFERS offers…" >&2
  "$bin" demo --data-dir "$TMP/$name" --extra-offers "$OFFERS" >"$TMP/$name.gen.log" 2>&1
  PORT[$name]=$(free_port)
  "$bin" serve --data-dir "$TMP/$name" --bind "127.0.0.1:${PORT[$name]}" >"$TMP/$name.log" 2>&1 &
  PIDS+=($!)
done
wait_for "http://127.0.0.1:$FLOOR_PORT/hello"
for name in before after; do
  B="http://127.0.0.1:${PORT[$name]}"
  wait_for "$B/readyz"
  for q in strik "f%C3%A6llesspisning" lektiecafe; do curl -s "$B/api/v1/offers?q=$q" >/dev/null; done
  curl -s "$B/offers" >/dev/null
done

rps() { awk '/Requests\/sec/ {print $2}'; }
# one_run CONNECTIONS URL [wrk args…]
one_run() {
  local c=$1 url=$2
  shift 2
  local threads=2
  [ "$c" = 1 ] && threads=1
  wrk -t"$threads" -c"$c" -d"$RUN" "$@" "$url" | rps
}
summary() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {m=(NR%2?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2); printf "%.0f %.0f %.0f", m, a[1], a[NR]}'; }

# measure LABEL CONNECTIONS REFERENCE_PATH NABOSKAB_PATH|search
measure() {
  local label=$1 c=$2 ref=$3 path=$4 r name url
  local -A got=([reference]="" [before]="" [after]="")
  for r in $(seq 1 "$ROUNDS"); do
    got[reference]+=" $(one_run "$c" "http://127.0.0.1:$FLOOR_PORT$ref")"
    for name in before after; do
      if [ "$path" = search ]; then
        got[$name]+=" $(one_run "$c" "http://127.0.0.1:${PORT[$name]}" -s "$ROOT/bench/search.lua")"
      else
        got[$name]+=" $(one_run "$c" "http://127.0.0.1:${PORT[$name]}$path")"
      fi
    done
  done
  read -r ref_med ref_lo ref_hi <<<"$(echo "${got[reference]}" | summary)"
  read -r b_med b_lo b_hi <<<"$(echo "${got[before]}" | summary)"
  read -r a_med a_lo a_hi <<<"$(echo "${got[after]}" | summary)"
  python3 - "$label" "$c" "$ref" "$ref_med" "$ref_lo" "$ref_hi" "$b_med" "$b_lo" "$b_hi" "$a_med" "$a_lo" "$a_hi" <<'PY'
import sys
label, c, ref, rm, rl, rh, bm, bl, bh, am, al, ah = sys.argv[1:]
rm, bm, am = float(rm), float(bm), float(am)
print(f"| {label}, {c} conn. | {ref} {rm:,.0f} ({rl}–{rh}) "
      f"| {bm:,.0f} ({bl}–{bh}), {bm / rm * 100:.0f} % | {am:,.0f} ({al}–{ah}), {am / rm * 100:.0f} % "
      f"| {(am / bm - 1) * 100:+.1f} % |")
PY
}

echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; SQLite; $OFFERS generated offers; $ROUNDS rounds of $RUN each, medians (lowest–highest) in requests/s"
echo "| Measure | Reference | Before | After | After against before |"
echo "|---|---|---|---|---|"
measure "/healthz against /hello" 32 /hello /healthz
measure "GET /api/v1/offers?limit=50 against /events" 32 /events "/api/v1/offers?limit=50"
measure "/offers (HTML, 20 cards) against /events" 32 /events /offers
measure "Text search against /events" 1 /events search
measure "Text search against /events" 32 /events search
