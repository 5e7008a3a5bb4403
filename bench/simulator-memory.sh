#!/usr/bin/env bash
# Memory per connected, booted, heartbeating station at the charge point end: our simulator's fleet
# (virtual charge points, one process) side by side with ocpp-rpc clients (one Node process), both
# against our Central System on loopback, one after the other. Appends a dated section to bench/RESULTS.md.
#
#   bench/simulator-memory.sh                  # 5,000 stations (about 4 minutes on 2 cores)
#   bench/simulator-memory.sh --stations 500   # a quick check of the pipeline
#   bench/simulator-memory.sh --no-results     # do not touch RESULTS.md
#
# Method: each side runs twice, with BASE (20) stations and with N; after every station booted and one
# heartbeat round (10 s) has passed, VmRSS of the charge point process is read. Memory per station is
# (RSS(N) - RSS(BASE)) / (N - BASE), so the runtime's fixed cost is not spread over the stations.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

STATIONS=5000
BASE=20
HEARTBEAT=10
WRITE_RESULTS=1
while (($#)); do
    case "$1" in
        --stations) STATIONS="$2"; shift 2 ;;
        --no-results) WRITE_RESULTS=0; shift ;;
        *) echo "usage: $0 [--stations N] [--no-results]" >&2; exit 2 ;;
    esac
done
[[ "$STATIONS" =~ ^[0-9]+$ ]] && ((STATIONS > BASE && STATIONS <= 15000)) \
    || { echo "--stations '$STATIONS' must be a whole number from $((BASE + 1)) to 15000" >&2; exit 2; }

SIMULATOR="$ARTIFACTS/bin/OcppLab.Simulator/release/OcppLab.Simulator"
RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-simulator-memory"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM
STARTED=$(date +%s)

build_all
step "build Release (simulator)"
dotnet build "$REPO_DIR/simulator/OcppLab.Simulator.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
    || fail "dotnet build of the simulator failed"
[[ -x "$SIMULATOR" ]] || fail "simulator not found at $SIMULATOR"

start_server ours "$HEARTBEAT"

# wait_connected N — until the Central System reports N stations connected (at most 5 minutes).
wait_connected() {
    local want="$1" now=""
    for _ in $(seq 1500); do
        now=$(server_connected ours)
        [[ "$now" == "$want" ]] && return 0
        sleep 0.2
    done
    fail "the Central System reports $now stations connected, not $want"
}

declare -A RSS LOADS

# measure SIDE COUNT — starts COUNT stations of SIDE (simulator | ocpp-rpc), waits until they are all
# connected and a heartbeat round has passed, keeps the charge point process's VmRSS (KiB) in RSS, stops it.
measure() {
    local side="$1" count="$2" log="$RUN_DIR/$1-$2.log" pid cmd
    step "$side: $count stations"
    if [[ "$side" == simulator ]]; then
        # Sessions are drawn so far apart that none starts: the fleet holds idle, heartbeating stations.
        cmd=("$SIMULATOR" fleet --csms "ws://127.0.0.1:$SERVER_PORT/ocpp" --chargers "$count" --ramp 500/s
            --duration 10m --session-gap 24h --id-pattern "SIM{0:00000}" --quiet --report "$RUN_DIR/fleet-$count")
        "${cmd[@]}" >"$log" 2>&1 &
    else
        cmd=(node "$BENCH_DIR/peers/ocpp-rpc-chargers.mjs" --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --stations "$count"
            --id-prefix RPC --connect-concurrency 64 --duration 600)
        "${cmd[@]}" >"$log" 2>&1 &
    fi
    pid=$!
    BACKGROUND_PIDS+=("$pid")
    echo "${cmd[*]}" | sed "s#$REPO_DIR/##g; s#127.0.0.1:$SERVER_PORT#127.0.0.1:PORT#g" >>"$RUN_DIR/commands.txt"
    wait_connected "$count"
    sleep $((HEARTBEAT + 5))
    kill -0 "$pid" 2>/dev/null || fail "$side exited early; see $log"
    RSS[$side-$count]=$(rss_kib "$pid")
    echo "  $side $count stations: VmRSS ${RSS[$side-$count]} KiB, $(threads_of "$pid") threads, load average $(cut -d' ' -f1 /proc/loadavg)" >&2
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    wait_connected 0
    sleep 2
}

for side in simulator ocpp-rpc; do
    for count in "$BASE" "$STATIONS"; do
        LOADS[$side-$count]=$(cut -d' ' -f1 /proc/loadavg)
        measure "$side" "$count"
    done
done
stop_server

per_station() { jq -nr "((${RSS[$1-$STATIONS]} - ${RSS[$1-$BASE]}) / ($STATIONS - $BASE) * 10 | round / 10)"; }
SIM_KIB=$(per_station simulator)
RPC_KIB=$(per_station ocpp-rpc)
VERDICT=$(jq -nr "if $SIM_KIB <= 40 then \"met\" else \"**missed**\" end")
ELAPSED=$(($(date +%s) - STARTED))

SECTION=$(cat <<EOF
## $(date -u +%Y-%m-%d) — charge point end: memory per station ($(basename "$RUN_DIR"))

**Machine:** $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),
$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r);
.NET SDK $(dotnet --version), Node $(node --version), ocpp-rpc $(jq -r .version "$BENCH_DIR/peers/node_modules/ocpp-rpc/package.json");
commit $(git -C "$REPO_DIR" rev-parse --short HEAD). Whole run: ${ELAPSED} s. Command: \`bench/simulator-memory.sh --stations $STATIONS\`.

Each side connected to our Central System (heartbeat interval ${HEARTBEAT} s), booted, reported its
connectors and heartbeated; VmRSS of the charge point process was read one heartbeat round after the
last station connected, once with $BASE and once with $STATIONS stations.

| Measure | our simulator (fleet) | ocpp-rpc clients | Target (ours) | Ours |
| --- | --- | --- | --- | --- |
| Memory per connected, booted, heartbeating station (KiB) | $SIM_KIB | $RPC_KIB | ≤ 40 KiB | $VERDICT |
| Process RSS with $BASE / $STATIONS stations (MiB) | $((RSS[simulator-$BASE] / 1024)) / $((RSS[simulator-$STATIONS] / 1024)) | $((RSS[ocpp-rpc-$BASE] / 1024)) / $((RSS[ocpp-rpc-$STATIONS] / 1024)) | | |
| Load average (1 min) at the start of the $BASE / $STATIONS runs | ${LOADS[simulator-$BASE]} / ${LOADS[simulator-$STATIONS]} | ${LOADS[ocpp-rpc-$BASE]} / ${LOADS[ocpp-rpc-$STATIONS]} | | |

Our virtual charge point is a full one (configuration keys, authorization cache, local list, Rx
schedulers for heartbeat and metering, transaction queue, certificate store); the ocpp-rpc peer is a bare
RPC client that boots and heartbeats. Our charge point and Central System both carry frames on the protocol's \`WebSocketTransport\`
(a receive buffer that starts at 256 bytes) over a socket whose opening handshake the charge point does
itself (\`WebSocketUpgrade\`), so no HTTP connection or client library's buffers stay behind it; where the
rest goes is read from a \`dotnet-gcdump\` of an idle fleet (see the reading under the section).
Commands, with the Central System's port as PORT:

\`\`\`sh
$(sed "s#$REPO_DIR/##g" "$RUN_DIR/commands.txt")
\`\`\`
EOF
)
echo "$SECTION" >"$RUN_DIR/section.md"
echo "$SECTION"
if ((WRITE_RESULTS)); then
    printf '\n%s\n' "$SECTION" >>"$BENCH_DIR/RESULTS.md"
    echo "appended to bench/RESULTS.md" >&2
fi
