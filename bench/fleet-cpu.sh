#!/usr/bin/env bash
# What the fleet costs per OCPP message it sends: `simulator fleet` (published for this machine, as a user
# runs a release) and an ocpp-rpc client fleet
# (bench/peers/ocpp-rpc-fleet.mjs) on the same workload against our Central System (Release), one after the
# other in the same run, each against a fresh Central System:
#   STATIONS charge points of one connector (bench/fleet-templates/one-connector-10s.json), powered on at
#   100/s; per connector an exponential idle gap of mean 30 s, then a session (Authorize, StartTransaction,
#   MeterValues every 10 s, StopTransaction Local) of exponential length, mean 60 s; Heartbeat every 60 s
#   (the Central System's BootNotification interval); for DURATION, then the sessions stopped and the
#   connections closed.
# The CPU figure is the generator process's user + system time from /proc/PID/stat over its whole life
# (start-up, ramp, idle time and shutdown included), divided by the OCPP messages it sent (its CALLs and its
# answers to the Central System's CALLs, from its own counts). Memory: the process's resident set at 80 % of
# the run divided by the stations.
#
#   bench/fleet-cpu.sh                                 # 500 stations for 300 s (about 13 minutes with the build)
#   bench/fleet-cpu.sh --stations 100 --duration 60    # a quick check
#
# Options: --stations N, --duration SECONDS, --no-peer (only the fleet), --no-results (do not touch
# RESULTS.md), --note TEXT (a line under the section's title: what changed since the last run).
# Figures and logs stay in bench/runs/<date>-fleet-cpu/ (not committed).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

STATIONS=500
DURATION=300
PEER=1
WRITE_RESULTS=1
NOTE=""
usage() { echo "usage: $0 [--stations N] [--duration SECONDS] [--no-peer] [--no-results] [--note TEXT]" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --stations) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] && (($2 <= 20000)) || { echo "--stations '${2:-}' must be a whole number from 1 to 20000" >&2; usage; }; STATIONS=$2; shift ;;
        --duration) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] && (($2 <= 1800)) || { echo "--duration '${2:-}' must be seconds from 1 to 1800" >&2; usage; }; DURATION=$2; shift ;;
        --no-peer) PEER=0 ;;
        --no-results) WRITE_RESULTS=0 ;;
        --note) [[ -n "${2:-}" ]] || usage; NOTE=$2; shift ;;
        *) usage ;;
    esac
    shift
done

HEARTBEAT=60
RAMP=100
GAP=30
LENGTH=60
METER=10
TEMPLATE="bench/fleet-templates/one-connector-10s.json"
# The fleet as a user runs it from a release: `dotnet publish` for this machine's runtime, whose assemblies are
# compiled ahead of time (PublishReadyToRun in simulator/OcppLab.Simulator.csproj).
SIMULATOR_DIR="$ARTIFACTS/publish/fleet"
SIMULATOR="$SIMULATOR_DIR/OcppLab.Simulator"
RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-fleet-cpu"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM
STARTED=$(date +%s)

step "build Release (csms), publish the simulator into bench/.artifacts and install the ocpp-rpc peer"
dotnet build "$REPO_DIR/csms/OcppLab.Csms.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
    || fail "dotnet build of csms failed"
dotnet publish "$REPO_DIR/simulator/OcppLab.Simulator.csproj" -c Release --use-current-runtime --self-contained false \
    --artifacts-path "$ARTIFACTS" -o "$SIMULATOR_DIR" -nologo -v q \
    || fail "dotnet publish of the simulator failed"
echo "dotnet publish simulator/OcppLab.Simulator.csproj -c Release --use-current-runtime --self-contained false -o bench/.artifacts/publish/fleet" >>"$RUN_DIR/commands.txt"
[[ -x "$SIMULATOR" ]] || fail "simulator not found at $SIMULATOR"
if [[ ! -d "$BENCH_DIR/peers/node_modules/ocpp-rpc" ]]; then
    (cd "$BENCH_DIR/peers" && npm ci --no-audit --no-fund) || fail "npm ci in bench/peers failed"
fi

# cpu_ticks PID — utime + stime of the process (all its threads), in clock ticks; empty once it is gone.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || true; }
TICKS=$(getconf CLK_TCK)

# measure NAME COMMAND... — runs the generator, samples its CPU and RSS from /proc every 0.2 s until it exits.
# The last sample is taken a moment before the exit; the generator's own count of its CPU closes the gap
# where it reports one (the fleet's report), so NAME.cpu holds the larger of the two.
measure() {
    local name="$1"
    shift
    echo "  load average before: $(cat /proc/loadavg)" >&2
    local load_before
    load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
    "$@" >"$RUN_DIR/$name.out" 2>"$RUN_DIR/$name.err" &
    local pid=$! started_ns
    started_ns=$(date +%s%N)
    BACKGROUND_PIDS+=("$pid")
    local ticks=0 t rss_at="" sample_at=$(( (DURATION * 8 / 10) * 1000000000 )) deadline=$((DURATION + 240))
    while kill -0 "$pid" 2>/dev/null; do
        t=$(cpu_ticks "$pid")
        [[ -n "$t" ]] && ticks=$t
        if [[ -z "$rss_at" ]] && (($(date +%s%N) - started_ns >= sample_at)); then
            rss_at=$(rss_kib "$pid" || true)
        fi
        (( ($(date +%s%N) - started_ns) / 1000000000 < deadline )) || fail "$name still running ${deadline} s after it started; see $RUN_DIR/$name.err"
        sleep 0.2
    done
    local rc=0
    wait "$pid" || rc=$?
    BACKGROUND_PIDS=()
    ((rc == 0)) || fail "$name exited with $rc; see $RUN_DIR/$name.err: $(tail -3 "$RUN_DIR/$name.err")"
    jq -n --arg load "$load_before" --argjson cpu "$(jq -n "$ticks / $TICKS")" --argjson rss "${rss_at:-null}" \
        --argjson wall "$(jq -n "($(date +%s%N) - $started_ns) / 1e9")" \
        '{loadAverage: $load, procCpuSeconds: $cpu, rssKiBAt80Percent: $rss, wallSeconds: $wall}' >"$RUN_DIR/$name.proc.json"
}

step "our Central System (heartbeat interval ${HEARTBEAT} s) for the fleet"
start_server ours "$HEARTBEAT"
python3 "$BENCH_DIR/lib/soak.py" seed-tags "$SERVER_PORT" 'VALID{0:000}' "$STATIONS" || fail "seeding the id tags failed"
echo "python3 bench/lib/soak.py seed-tags PORT 'VALID{0:000}' $STATIONS   # PUT /api/id-tags/VALID001..: Accepted" >>"$RUN_DIR/commands.txt"

step "fleet: $STATIONS stations for ${DURATION} s"
FLEET_CMD=("$SIMULATOR" fleet --csms "ws://127.0.0.1:$SERVER_PORT/ocpp" --chargers "$STATIONS" --ramp "$RAMP/s"
    --duration "${DURATION}s" --template "$REPO_DIR/$TEMPLATE" --session-gap "${GAP}s" --session-length "${LENGTH}s"
    --seed 42 --quiet --report "$RUN_DIR/fleet-report")
echo "${FLEET_CMD[*]}" | sed -e "s#$REPO_DIR/##g" -e "s#127.0.0.1:$SERVER_PORT#127.0.0.1:PORT#" -e "s#runs/[^/]*/#runs/<date>-fleet-cpu/#" >>"$RUN_DIR/commands.txt"
measure fleet "${FLEET_CMD[@]}"
[[ -f "$RUN_DIR/fleet-report.json" ]] || fail "the fleet wrote no report"
stop_server

if ((PEER)); then
    step "our Central System (heartbeat interval ${HEARTBEAT} s) for the ocpp-rpc peer"
    start_server ours "$HEARTBEAT"
    python3 "$BENCH_DIR/lib/soak.py" seed-tags "$SERVER_PORT" 'VALID{0:000}' "$STATIONS" || fail "seeding the id tags failed"
    step "ocpp-rpc peer: $STATIONS stations for ${DURATION} s"
    PEER_CMD=(node "$BENCH_DIR/peers/ocpp-rpc-fleet.mjs" --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --stations "$STATIONS"
        --ramp "$RAMP" --session-gap "$GAP" --session-length "$LENGTH" --meter-interval "$METER" --duration "$DURATION"
        --seed 42 --id-tags "$STATIONS")
    echo "${PEER_CMD[*]}" | sed -e "s#$REPO_DIR/##g" -e "s#127.0.0.1:$SERVER_PORT#127.0.0.1:PORT#" >>"$RUN_DIR/commands.txt"
    measure peer "${PEER_CMD[@]}"
    tail -1 "$RUN_DIR/peer.out" | jq -e '.event == "done"' >/dev/null || fail "the peer printed no summary; see $RUN_DIR/peer.err"
    stop_server
fi

step "results"
# Messages sent: the fleet's CALLs plus its answers to the Central System's CALLs (one each).
jq -n --slurpfile r "$RUN_DIR/fleet-report.json" --slurpfile p "$RUN_DIR/fleet.proc.json" --argjson n "$STATIONS" '
    ($r[0]) as $r | ($p[0]) as $p
    | ([$p.procCpuSeconds, $r.process.cpuSeconds] | max) as $cpu
    | ($r.callsSent + $r.callsReceived) as $msgs
    | {label: "fleet", stations: $n, connected: $r.chargersConnected, booted: $r.chargersBooted, messages: $msgs,
       callsSent: $r.callsSent, callsReceived: $r.callsReceived, sessions: $r.sessions.started, cpuSeconds: $cpu,
       cpuUsPerMessage: ($cpu * 1e6 / $msgs), rssKiB: $p.rssKiBAt80Percent, kibPerStation: ($p.rssKiBAt80Percent / $n),
       errors: ($r.errors | add // 0), loadAverage: $p.loadAverage, wallSeconds: $p.wallSeconds,
       byAction: ($r.actions | map({(.name): .count}) | add)}' >"$RUN_DIR/fleet.json" \
    || fail "could not read the fleet's report"
if ((PEER)); then
    jq -n --slurpfile o "$RUN_DIR/peer.out" --slurpfile p "$RUN_DIR/peer.proc.json" --argjson n "$STATIONS" '
        ($o[-1]) as $o | ($p[0]) as $p
        | {label: "ocpp-rpc", stations: $n, connected: $o.booted, booted: $o.booted, messages: $o.callsSent,
           callsSent: $o.callsSent, callsReceived: 0, sessions: $o.sessions, cpuSeconds: $p.procCpuSeconds,
           cpuUsPerMessage: ($p.procCpuSeconds * 1e6 / $o.callsSent), rssKiB: $p.rssKiBAt80Percent,
           kibPerStation: ($p.rssKiBAt80Percent / $n), errors: $o.failed, loadAverage: $p.loadAverage,
           wallSeconds: $p.wallSeconds, byAction: $o.byAction}' >"$RUN_DIR/peer.json" || fail "could not read the peer's summary"
fi
ELAPSED=$(($(date +%s) - STARTED))

row() { # row FILE — one table row
    jq -r '"| \(.label) | \(.stations) | \(.booted) | \(.messages) | \(.sessions) | \(.cpuSeconds * 100 | round / 100) | **\(.cpuUsPerMessage | round)** | \(.kibPerStation * 10 | round / 10) | \(.errors) | \(.loadAverage) |"' "$1"
}
{
    echo "## $(date -u +%Y-%m-%d) — fleet CPU per message: $STATIONS stations for ${DURATION} s ($(basename "$RUN_DIR"))"
    echo
    [[ -n "$NOTE" ]] && { echo "$NOTE"; echo; }
    echo "**Machine:** $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),"
    echo "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM; .NET SDK $(dotnet --version), Node $(node --version), ocpp-rpc $(jq -r .version "$BENCH_DIR/peers/node_modules/ocpp-rpc/package.json");"
    echo "commit $(git -C "$REPO_DIR" rev-parse --short HEAD)$(git -C "$REPO_DIR" diff --quiet HEAD -- simulator chargepoint protocol || echo ' (with uncommitted changes)'). Whole run: ${ELAPSED} s."
    echo "Workload: one connector per station, ramp ${RAMP}/s, idle gap exponential mean ${GAP} s, session exponential mean ${LENGTH} s,"
    echo "MeterValues every ${METER} s, Heartbeat ${HEARTBEAT} s, against our Central System (Release, a fresh process for each generator)."
    echo "CPU: the generator process's utime + stime over its whole life (start-up and shutdown included) / OCPP messages it sent."
    echo "Memory: the process's RSS at 80 % of the run / stations. Target: ≤ 150 µs per message."
    echo
    echo "| Generator | Stations | Booted | Messages sent | Sessions | CPU (s) | CPU per message (µs) | RSS per station (KiB) | Errors | Load average at start |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    row "$RUN_DIR/fleet.json"
    ((PEER)) && row "$RUN_DIR/peer.json"
    echo
    echo "Messages by action (fleet / ocpp-rpc): $(jq -rn --slurpfile f "$RUN_DIR/fleet.json" --slurpfile p "$RUN_DIR/peer.json" \
        '[$f[0].byAction | to_entries[] | "\(.key) \(.value) / \($p[0].byAction[.key] // "-")"] | join(", ")' 2>/dev/null \
        || jq -r '[.byAction | to_entries[] | "\(.key) \(.value)"] | join(", ")' "$RUN_DIR/fleet.json")."
    echo
    echo '```sh'
    echo "bench/fleet-cpu.sh --stations $STATIONS --duration $DURATION$( ((PEER)) || echo ' --no-peer')"
    sed -E "s#$BENCH_DIR/.artifacts/bin/OcppLab.Csms/release#bench/.artifacts/bin/OcppLab.Csms/release#g" "$RUN_DIR/commands.txt" | awk '!seen[$0]++'
    echo '```'
} >"$RUN_DIR/section.md"
cat "$RUN_DIR/section.md" >&2
if ((WRITE_RESULTS)); then
    { echo; cat "$RUN_DIR/section.md"; } >>"$BENCH_DIR/RESULTS.md"
    echo "appended to bench/RESULTS.md; raw figures in ${RUN_DIR#"$REPO_DIR/"}" >&2
fi
