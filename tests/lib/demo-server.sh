# Shared by tests/browser/run.sh and tests/api/run.sh (sourced, not run): find the server
# binary, start `naboskab serve --demo` on a free port with a fresh data dir, wait until it is
# ready, and stop it again. The caller defines `die` and sets ROOT and LABEL first.
#
# Environment: NABOSKAB_BIN (use this binary), SKIP_BUILD=1 (never run cargo build).

# Sets BIN: $NABOSKAB_BIN, or target/debug/naboskab built unless SKIP_BUILD=1.
demo_server_binary() {
  if [[ -n "${NABOSKAB_BIN:-}" ]]; then
    BIN="$NABOSKAB_BIN"
  else
    BIN="$ROOT/target/debug/naboskab"
    if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
      echo "$LABEL: cargo build -p naboskab"
      cargo build -p naboskab
    fi
  fi
  [[ -x "$BIN" ]] || die "server binary not found or not executable: $BIN"
}

# Prints a free TCP port on 127.0.0.1.
demo_server_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the demo server with data in $1 and its log in $2; sets SERVER_PID and BASE_URL and
# returns once /readyz answers (at most 60 s).
demo_server_start() {
  local data_dir="$1" log="$2" port
  port="$(demo_server_free_port)" || die "could not find a free TCP port"
  BASE_URL="http://127.0.0.1:$port"
  echo "$LABEL: starting $BIN on $BASE_URL (data dir $data_dir)"
  NO_COLOR=1 "$BIN" serve --demo --data-dir "$data_dir" --bind "127.0.0.1:$port" >"$log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do # 120 x 0.5 s = 60 s
    kill -0 "$SERVER_PID" 2>/dev/null || die "server exited before it became ready"
    if curl -fsS --max-time 2 "$BASE_URL/readyz" >/dev/null 2>&1; then
      echo "$LABEL: server ready"
      return 0
    fi
    sleep 0.5
  done
  die "server not ready at $BASE_URL/readyz after 60 s"
}

# Stops the server started by demo_server_start, if it runs: politely, then after 5 s firmly.
demo_server_stop() {
  if [[ -n "${SERVER_PID:-}" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
