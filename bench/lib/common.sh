# Shared by the bench scripts: build, start/stop a Central System on loopback, run the generator.
# Sourced, not executed. Every failure names the step that failed.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPO_DIR="$(cd "$BENCH_DIR/.." && pwd)"
# Own artifacts path: the bench builds Release without touching the bin/ and obj/ other builds use.
ARTIFACTS="$BENCH_DIR/.artifacts"
CSMS_BIN_DIR="$ARTIFACTS/bin/OcppLab.Csms/release"
GENERATOR="$ARTIFACTS/bin/OcppLab.Bench/release/OcppLab.Bench"
FLOOR="$ARTIFACTS/bin/OcppLab.Bench.Floor/release/OcppLab.Bench.Floor"
PEER="$BENCH_DIR/peers/ocpp-rpc-csms.mjs"

STEP="setup"
SERVER_PID=""
SERVER_PORT=""
SERVER_LOG=""
BACKGROUND_PIDS=()

step() {
    STEP="$*"
    printf '\n== %s (load average %s)\n' "$STEP" "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

fail() {
    printf 'FAILED at step "%s": %s\n' "$STEP" "$*" >&2
    exit 1
}

# Stops only what this script started, by process id.
cleanup() {
    local pid
    for pid in "${BACKGROUND_PIDS[@]}" $SERVER_PID; do
        if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
            kill -TERM "$pid" 2>/dev/null || true
        fi
    done
    for pid in "${BACKGROUND_PIDS[@]}" $SERVER_PID; do
        if [[ -n "$pid" ]]; then
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -KILL "$pid" 2>/dev/null || true
        fi
    done
}

build_all() {
    step "build Release (csms, generator) and install the ocpp-rpc peer"
    dotnet build "$REPO_DIR/csms/OcppLab.Csms.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
        || fail "dotnet build of csms failed"
    dotnet build "$BENCH_DIR/OcppLab.Bench/OcppLab.Bench.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
        || fail "dotnet build of the generator failed"
    dotnet build "$BENCH_DIR/OcppLab.Bench.Floor/OcppLab.Bench.Floor.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
        || fail "dotnet build of the floor server failed"
    if [[ ! -d "$BENCH_DIR/peers/node_modules/ocpp-rpc" ]]; then
        (cd "$BENCH_DIR/peers" && npm ci --no-audit --no-fund) || fail "npm ci in bench/peers failed"
    fi
    [[ -x "$GENERATOR" ]] || fail "generator not found at $GENERATOR"
    [[ -f "$CSMS_BIN_DIR/OcppLab.Csms.dll" ]] || fail "Central System not found in $CSMS_BIN_DIR"
}

# start_server ours|ocpp-rpc|floor HEARTBEAT_SECONDS [ENV=VALUE ...]
# Sets SERVER_PID (the server process itself, not a wrapper) and SERVER_PORT (picked by the OS).
start_server() {
    local kind="$1" heartbeat="$2"
    shift 2
    SERVER_LOG="$RUN_DIR/server-$kind-$(date +%H%M%S%N).log"
    if [[ "$kind" == ours ]]; then
        # The built apphost, run directly (what `dotnet run -c Release --project csms` runs, without the
        # `dotnet run` parent process, so that the PID read from /proc is the server's).
        (cd "$CSMS_BIN_DIR" && exec env "$@" ./OcppLab.Csms --Urls "http://127.0.0.1:0" \
            --Csms:HeartbeatIntervalSeconds="$heartbeat" >"$SERVER_LOG" 2>&1) &
        SERVER_PID=$!
        SERVER_CMD="(cd $CSMS_BIN_DIR && env $* ./OcppLab.Csms --Urls http://127.0.0.1:0 --Csms:HeartbeatIntervalSeconds=$heartbeat)"
    elif [[ "$kind" == floor ]]; then
        # The bare Kestrel WebSocket endpoint with fixed answers (bench/OcppLab.Bench.Floor): the floor under ours.
        (exec env "$@" "$FLOOR" --port 0 --heartbeat-interval "$heartbeat" >"$SERVER_LOG" 2>&1) &
        SERVER_PID=$!
        SERVER_CMD="bench/.artifacts/bin/OcppLab.Bench.Floor/release/OcppLab.Bench.Floor --port 0 --heartbeat-interval $heartbeat"
    else
        (cd "$BENCH_DIR/peers" && exec env "$@" node ocpp-rpc-csms.mjs --port 0 --heartbeat-interval "$heartbeat" >"$SERVER_LOG" 2>&1) &
        SERVER_PID=$!
        SERVER_CMD="(cd bench/peers && env $* node ocpp-rpc-csms.mjs --port 0 --heartbeat-interval $heartbeat)"
    fi
    SERVER_PORT=""
    local i
    for i in $(seq 600); do
        kill -0 "$SERVER_PID" 2>/dev/null || fail "$kind server exited during start; see $SERVER_LOG: $(tail -5 "$SERVER_LOG")"
        if [[ "$kind" == ours ]]; then
            SERVER_PORT="$(grep -oE 'Now listening on: http://127\.0\.0\.1:[0-9]+' "$SERVER_LOG" | head -1 | grep -oE '[0-9]+$' || true)"
        else
            SERVER_PORT="$(grep -oE '"event":"listening","port":[0-9]+' "$SERVER_LOG" | head -1 | grep -oE '[0-9]+$' || true)"
        fi
        [[ -n "$SERVER_PORT" ]] && break
        sleep 0.1
    done
    [[ -n "$SERVER_PORT" ]] || fail "$kind server did not report a listening port within 60 s; see $SERVER_LOG"
    # The port is reported when the listener is bound; wait until it also accepts.
    for i in $(seq 100); do
        (exec 3<>"/dev/tcp/127.0.0.1/$SERVER_PORT") 2>/dev/null && break
        sleep 0.1
    done
    echo "  $kind server pid $SERVER_PID on port $SERVER_PORT" >&2
    echo "$SERVER_CMD" >>"$RUN_DIR/commands.txt"
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill -TERM "$SERVER_PID" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
    # Closed client sockets linger in TIME_WAIT; a short pause keeps one run's teardown out of the next.
    sleep 2
}

# The number of stations the running server says are connected (ours: operator API; ocpp-rpc and floor: SIGUSR2 stats).
server_connected() {
    local kind="$1"
    if [[ "$kind" == ours ]]; then
        curl -sf "http://127.0.0.1:$SERVER_PORT/api/charge-points?connected=true&limit=1" | jq -r '.total' || echo "null"
    else
        local before
        before=$(grep -c '"event":"stats"' "$SERVER_LOG" || true)
        kill -USR2 "$SERVER_PID"
        for _ in $(seq 50); do
            [[ $(grep -c '"event":"stats"' "$SERVER_LOG" || true) -gt $before ]] && break
            sleep 0.1
        done
        grep '"event":"stats"' "$SERVER_LOG" | tail -1 | jq -r '.connected'
    fi
}

# rss_kib PID / threads PID: from /proc/PID/status.
rss_kib() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status"; }
threads_of() { awk '/^Threads:/ {print $2}' "/proc/$1/status"; }

# generate NAME SCENARIO ARGS... — runs the generator against the running server; its JSON line goes to NAME.json.
generate() {
    local name="$1"
    shift
    local cmd=("$GENERATOR" "$@" --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --server-pid "$SERVER_PID")
    echo "  load average before: $(cat /proc/loadavg)" >&2
    echo "${cmd[*]#"$REPO_DIR/"}" | sed "s#$REPO_DIR/##g" >>"$RUN_DIR/commands.txt"
    "${cmd[@]}" >"$RUN_DIR/$name.json" 2>"$RUN_DIR/$name.log" || fail "generator run $name failed; see $RUN_DIR/$name.log: $(tail -3 "$RUN_DIR/$name.log")"
    jq -e . "$RUN_DIR/$name.json" >/dev/null || fail "generator run $name wrote no JSON line"
    sed -n '/^bench .*:$/,$p' "$RUN_DIR/$name.log" | grep -E 'PerSecond|P50Ms|P99Ms|UsPerCall|KiBPerStation|Booted|Held|Failures|refused|unanswered|lost' >&2 || true
}
