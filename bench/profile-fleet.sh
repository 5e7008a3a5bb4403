#!/usr/bin/env bash
# Where the fleet spends its CPU on the workload of bench/fleet-cpu.sh: runs `simulator fleet` (the Release
# build fleet-cpu.sh measures) against our Central System under `perf record` over the fleet's whole life
# (start-up, ramp, idle time and shutdown, as the CPU figure counts them), with JIT symbol maps
# (DOTNET_PerfMapEnabled=1), and prints the top libraries and symbols by self time and by inclusive time.
#
#   bench/profile-fleet.sh [--stations N] [--duration SECONDS] [--window FROM:LENGTH] [--env NAME=VALUE]...
#
# Default: 500 stations for 120 s, sampled over the whole life. --window 40:60 samples only from 40 s after the
# start for 60 s (the steady state, past the ramp and the first sessions).
# --env passes a runtime setting to the fleet (e.g. --env DOTNET_TieredCompilation=0) to compare one with another.
# perf.data and the reports stay in bench/runs/<date>-profile-fleet/ (not committed).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

STATIONS=500
DURATION=120
FREQUENCY=999
FLEET_ENV=()
WINDOW=""
usage() { echo "usage: $0 [--stations N] [--duration SECONDS] [--window FROM:LENGTH] [--env NAME=VALUE]..." >&2; exit 2; }
while (($#)); do
    case "$1" in
        --stations) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] && (($2 <= 1000)) || usage; STATIONS=$2; shift ;;
        --duration) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] && (($2 <= 1800)) || usage; DURATION=$2; shift ;;
        --window) [[ "${2:-}" =~ ^[0-9]+:[1-9][0-9]*$ ]] || usage; WINDOW=$2; shift ;;
        --env) [[ "${2:-}" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || usage; FLEET_ENV+=("$2"); shift ;;
        *) usage ;;
    esac
    shift
done
command -v perf >/dev/null || { echo "perf is not installed" >&2; exit 2; }

SIMULATOR_DIR="$ARTIFACTS/publish/fleet"
SIMULATOR="$SIMULATOR_DIR/OcppLab.Simulator"
RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-profile-fleet"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT

# context_switches PID — voluntary and involuntary context switches of all the process's threads so far.
context_switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ {n += $2} END {print n + 0}'; }
trap 'fail "interrupted"' INT TERM

step "build Release (csms) and publish the simulator into bench/.artifacts"
dotnet build "$REPO_DIR/csms/OcppLab.Csms.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
    || fail "dotnet build of csms failed"
dotnet publish "$REPO_DIR/simulator/OcppLab.Simulator.csproj" -c Release --use-current-runtime --self-contained false \
    --artifacts-path "$ARTIFACTS" -o "$SIMULATOR_DIR" -nologo -v q \
    || fail "dotnet publish of the simulator failed"
[[ -x "$SIMULATOR" ]] || fail "simulator not found at $SIMULATOR"

start_server ours 60
python3 "$BENCH_DIR/lib/soak.py" seed-tags "$SERVER_PORT" 'VALID{0:000}' "$STATIONS" || fail "seeding the id tags failed"

step "fleet: $STATIONS stations for ${DURATION} s under perf record"
# W^X off: with it, JIT code runs from a memfd double mapping that perf cannot match to the perf map.
FLEET_CMD=(env DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "${FLEET_ENV[@]}" "$SIMULATOR" fleet
    --csms "ws://127.0.0.1:$SERVER_PORT/ocpp" --chargers "$STATIONS" --ramp 100/s --duration "${DURATION}s"
    --template "$REPO_DIR/bench/fleet-templates/one-connector-10s.json" --session-gap 30s --session-length 60s
    --seed 42 --quiet --report "$RUN_DIR/fleet-report")
echo "  load average before: $(cat /proc/loadavg)" >&2
if [[ -z "$WINDOW" ]]; then
    echo "perf record -F $FREQUENCY -g -o perf.data -- ${FLEET_CMD[*]}" | sed -e "s#$REPO_DIR/##g" -e "s#127.0.0.1:$SERVER_PORT#127.0.0.1:PORT#" >>"$RUN_DIR/commands.txt"
    perf record -F $FREQUENCY -g -o "$RUN_DIR/perf.data" -- "${FLEET_CMD[@]}" >"$RUN_DIR/fleet.out" 2>"$RUN_DIR/fleet.err" \
        || fail "the fleet failed under perf; see $RUN_DIR/fleet.err"
else
    FROM=${WINDOW%%:*}
    LENGTH=${WINDOW#*:}
    ((FROM + LENGTH <= DURATION)) || fail "--window $WINDOW ends after the run's $DURATION s"
    echo "${FLEET_CMD[*]} &   # then, $FROM s after its start: perf record -F $FREQUENCY -g -p PID -o perf.data -- sleep $LENGTH" \
        | sed -e "s#$REPO_DIR/##g" -e "s#127.0.0.1:$SERVER_PORT#127.0.0.1:PORT#" >>"$RUN_DIR/commands.txt"
    "${FLEET_CMD[@]}" >"$RUN_DIR/fleet.out" 2>"$RUN_DIR/fleet.err" &
    FLEET_PID=$!
    BACKGROUND_PIDS+=("$FLEET_PID")
    sleep "$FROM"
    # env execs the simulator, so the PID is the fleet's own. Its context switches and messages over the window
    # tell how many thread wake-ups a message costs.
    switches_before=$(context_switches "$FLEET_PID")
    ticks_before=$(awk '{print $14 + $15}' "/proc/$FLEET_PID/stat")
    perf record -F $FREQUENCY -g -p "$FLEET_PID" -o "$RUN_DIR/perf.data" -- sleep "$LENGTH" 2>"$RUN_DIR/perf-record.log" \
        || fail "perf record failed; see $RUN_DIR/perf-record.log"
    jq -n --argjson s "$(($(context_switches "$FLEET_PID") - switches_before))" \
        --argjson cpu "$(jq -n "($(awk '{print $14 + $15}' "/proc/$FLEET_PID/stat") - $ticks_before) / $(getconf CLK_TCK)")" \
        --argjson seconds "$LENGTH" '{windowSeconds: $seconds, cpuSeconds: $cpu, contextSwitches: $s}' >"$RUN_DIR/window.json"
    wait "$FLEET_PID" || fail "the fleet failed; see $RUN_DIR/fleet.err"
    BACKGROUND_PIDS=()
fi
stop_server

step "report"
jq -c '{callsSent, callsReceived, cpuSeconds: .process.cpuSeconds}' "$RUN_DIR/fleet-report.json" >&2 || true
[[ -f "$RUN_DIR/window.json" ]] && jq -c . "$RUN_DIR/window.json" >&2
# head stops reading early; with pipefail the SIGPIPE perf report gets would fail the step, so the step is
# judged by the files it leaves instead.
{ perf report -i "$RUN_DIR/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -v '^#' | grep -E '^ +[0-9]' \
    | head -20 >"$RUN_DIR/top-dsos.txt"; } || true
{ perf report -i "$RUN_DIR/perf.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -E '^ +[0-9]' \
    | head -80 >"$RUN_DIR/top-symbols.txt"; } || true
{ perf report -i "$RUN_DIR/perf.data" --children --sort symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -E '^ +[0-9]' \
    | head -120 >"$RUN_DIR/top-inclusive.txt"; } || true
{ perf report -i "$RUN_DIR/perf.data" --no-children --sort comm --stdio -g none 2>/dev/null | grep -v '^#' | grep -E '^ +[0-9]' \
    | head -20 >"$RUN_DIR/top-threads.txt"; } || true
[[ -s "$RUN_DIR/top-symbols.txt" ]] || fail "perf report failed"
echo "-- by thread" >&2
cat "$RUN_DIR/top-threads.txt" >&2
echo "-- by library" >&2
cat "$RUN_DIR/top-dsos.txt" >&2
echo "-- by symbol (self)" >&2
head -40 "$RUN_DIR/top-symbols.txt" >&2
echo "reports in ${RUN_DIR#"$REPO_DIR/"}" >&2
