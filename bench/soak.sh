#!/usr/bin/env bash
# Soak: our Central System and one simulator fleet, each in its own process on loopback, for a long run with
# realistic sessions (arrivals, charging with meter values, stops, heartbeats). Samples both processes'
# memory and CPU and what the Central System reports (stations connected, transactions) every interval,
# then checks the fleet's report and the Central System's transaction list and appends a dated section to
# bench/RESULTS.md. The memory verdict is the Central System's RSS slope over the last 20 minutes of the run
# (at most 0.5 MiB/min); beside it, the slopes of the GC heap range and of glibc's malloc arenas (from
# /proc/PID/smaps) and of the live managed heap (dotnet-counters, installed into bench/.artifacts/tools).
#
#   bench/soak.sh                                             # 5,000 stations for 30 minutes, sample every 30 s
#   bench/soak.sh --stations 200 --duration 2m --sample 10s --no-results   # a short check that it works
#
# Options: --stations N (5000), --duration TIME (30m; 90s, 30m, 1h), --sample TIME (30s), --ramp RATE (50/s),
# --slope-window TIME (20m: the last part of the run the memory slopes are taken over), --no-counters (no
# dotnet-counters session), --no-results (do not touch RESULTS.md). Samples, logs and reports stay in bench/runs/<date>-soak/ (not committed).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

STATIONS=5000
DURATION=30m
SAMPLE=30s
RAMP=50/s
HEARTBEAT=60
COUNTERS_VERSION=10.0.750501
SLOPE_WINDOW=20m
COUNTERS=1
WRITE_RESULTS=1
ARGS="$*"
usage() { echo "usage: $0 [--stations N] [--duration TIME] [--sample TIME] [--ramp RATE] [--slope-window TIME] [--no-counters] [--no-results]" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --stations) STATIONS="${2:?}"; shift 2 ;;
        --duration) DURATION="${2:?}"; shift 2 ;;
        --sample) SAMPLE="${2:?}"; shift 2 ;;
        --ramp) RAMP="${2:?}"; shift 2 ;;
        --slope-window) SLOPE_WINDOW="${2:?}"; shift 2 ;;
        --no-counters) COUNTERS=0; shift ;;
        --no-results) WRITE_RESULTS=0; shift ;;
        *) usage ;;
    esac
done

# seconds TIME — 90, 90s, 10m, 1h → seconds.
seconds() {
    local n="${1%[smh]}"
    [[ "$n" =~ ^[0-9]+$ ]] || { echo "not a duration: $1" >&2; exit 2; }
    case "$1" in *m) echo $((n * 60)) ;; *h) echo $((n * 3600)) ;; *) echo "$n" ;; esac
}
[[ "$STATIONS" =~ ^[0-9]+$ && "$STATIONS" -ge 1 ]] || usage
DURATION_S=$(seconds "$DURATION")
SAMPLE_S=$(seconds "$SAMPLE")
SLOPE_WINDOW_S=$(seconds "$SLOPE_WINDOW")
((SAMPLE_S >= 1)) || usage

SIMULATOR="$ARTIFACTS/bin/OcppLab.Simulator/release/OcppLab.Simulator"
TEMPLATE="simulator/templates/wallbox-22kw.json"
CONNECTORS=$(sed -n 's/^ *"numberOfConnectors": *\([0-9]*\).*/\1/p' "$REPO_DIR/$TEMPLATE")
CARDS=$((STATIONS * CONNECTORS))
CARD_PATTERN='VALID{0:000}'
HZ=$(getconf CLK_TCK)

RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-soak"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
FLEET_PID=""
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

# rss_or_empty PID / cpu_seconds PID: VmRSS in KiB, utime+stime in seconds; empty when the process is gone.
rss_or_empty() { awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true; }
cpu_seconds() {
    local stat
    stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
    # Fields after the command name, which is in parentheses: utime and stime are fields 14 and 15 of the line.
    awk -v hz="$HZ" '{printf "%.2f", ($12 + $13) / hz}' <<<"${stat##*) }"
}
# api_total PATH — the "total" of a paged operator API list.
api_total() {
    curl -sf --max-time 20 "http://127.0.0.1:$SERVER_PORT$1" | grep -o '"total":[0-9]*' | head -1 | cut -d: -f2 || true
}

sample() {
    local phase="$1" t fleet_rss="" fleet_cpu=""
    t=$(($(date +%s) - FLEET_STARTED))
    if [[ -n "$FLEET_PID" ]] && kill -0 "$FLEET_PID" 2>/dev/null; then
        fleet_rss=$(rss_or_empty "$FLEET_PID")
        fleet_cpu=$(cpu_seconds "$FLEET_PID")
    fi
    local connected active total split let_go
    split=$(python3 "$BENCH_DIR/lib/soak.py" memory "$SERVER_PID" 2>/dev/null || echo "null null")
    connected=$(api_total '/api/charge-points?connected=true&limit=1')
    active=$(api_total '/api/transactions?active=true&limit=1')
    total=$(api_total '/api/transactions?limit=1')
    # Stopped transactions let go of so far: above zero once the bounded history (Csms:KeepStoppedTransactions) is full.
    let_go=$(curl -sf --max-time 20 "http://127.0.0.1:$SERVER_PORT/api/transactions/summary" | grep -o '"letGo":[0-9]*' | cut -d: -f2 || true)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$phase" \
        "$(rss_or_empty "$SERVER_PID")" "$(cpu_seconds "$SERVER_PID")" "$fleet_rss" "$fleet_cpu" \
        "${connected:-null}" "${active:-null}" "${total:-null}" $(cut -d' ' -f1-3 /proc/loadavg) ${split// /$'\t'} "${let_go:-null}" >>"$RUN_DIR/samples.tsv"
    printf '  %5ss  csms %6s KiB %8ss cpu | fleet %6s KiB %8ss cpu | connected %s, transactions %s running / %s | load %s\n' \
        "$t" "$(rss_or_empty "$SERVER_PID")" "$(cpu_seconds "$SERVER_PID")" "${fleet_rss:--}" "${fleet_cpu:--}" \
        "${connected:-?}" "${active:-?}" "${total:-?}" "$(cut -d' ' -f1 /proc/loadavg)" >&2
}

step "build Release (csms, simulator) into bench/.artifacts"
dotnet build "$REPO_DIR/csms/OcppLab.Csms.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
    || fail "dotnet build of csms failed"
dotnet build "$REPO_DIR/simulator/OcppLab.Simulator.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q \
    || fail "dotnet build of the simulator failed"
[[ -x "$SIMULATOR" ]] || fail "simulator not found at $SIMULATOR"
[[ -f "$CSMS_BIN_DIR/OcppLab.Csms.dll" ]] || fail "Central System not found in $CSMS_BIN_DIR"
[[ "$CONNECTORS" =~ ^[0-9]+$ ]] || fail "no numberOfConnectors in $TEMPLATE"
COUNTERS_TOOL="$ARTIFACTS/tools/dotnet-counters"
if ((COUNTERS)) && [[ ! -x "$COUNTERS_TOOL" ]]; then
    dotnet tool install dotnet-counters --version "$COUNTERS_VERSION" --tool-path "$ARTIFACTS/tools" >/dev/null \
        || fail "installing dotnet-counters $COUNTERS_VERSION into bench/.artifacts/tools failed"
fi
echo "bench/soak.sh${ARGS:+ $ARGS}" >>"$RUN_DIR/commands.txt"

step "start our Central System (heartbeat interval ${HEARTBEAT} s)"
start_server ours "$HEARTBEAT"

step "seed $CARDS cards (one per connector, ${CARD_PATTERN}) through the operator API"
python3 "$BENCH_DIR/lib/soak.py" seed-tags "$SERVER_PORT" "$CARD_PATTERN" "$CARDS" || fail "seeding the id tags failed"
echo "python3 bench/lib/soak.py seed-tags PORT '$CARD_PATTERN' $CARDS   # PUT /api/id-tags/VALID001..: Accepted" >>"$RUN_DIR/commands.txt"

step "fleet: $STATIONS stations, ramp $RAMP, for $DURATION, sampled every ${SAMPLE_S} s"
FLEET_CMD=("$SIMULATOR" fleet --csms "ws://127.0.0.1:$SERVER_PORT/ocpp" --chargers "$STATIONS" --ramp "$RAMP"
    --duration "$DURATION" --template "$REPO_DIR/$TEMPLATE" --session-gap 2m --session-length 5m --seed 42 --quiet
    --report "$RUN_DIR/fleet-report")
echo "${FLEET_CMD[*]}" | sed -e "s#$REPO_DIR/##g" -e "s#127.0.0.1:$SERVER_PORT#127.0.0.1:PORT#" -e "s#runs/[^/]*/#runs/<date>-soak/#" >>"$RUN_DIR/commands.txt"
printf 't_s\tphase\tcsms_rss_kib\tcsms_cpu_s\tfleet_rss_kib\tfleet_cpu_s\tconnected\ttx_active\ttx_total\tload1\tload5\tload15\tcsms_gc_kib\tcsms_malloc_kib\ttx_let_go\n' >"$RUN_DIR/samples.tsv"
echo "  load average before: $(cat /proc/loadavg)" >&2
FLEET_STARTED=$(date +%s)
"${FLEET_CMD[@]}" >"$RUN_DIR/fleet.log" 2>&1 &
FLEET_PID=$!
BACKGROUND_PIDS+=("$FLEET_PID")
echo "  fleet pid $FLEET_PID, Central System pid $SERVER_PID" >&2
if ((COUNTERS)); then
    # The live managed heap as the runtime reports it, one EventPipe session for the whole run.
    "$COUNTERS_TOOL" collect -p "$SERVER_PID" --refresh-interval "$SAMPLE_S" --format csv -o "$RUN_DIR/counters.csv" \
        --counters "System.Runtime[dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size,dotnet.process.memory.working_set]" \
        --duration "$(date -u -d @$((DURATION_S + 60)) +%H:%M:%S)" >"$RUN_DIR/counters.log" 2>&1 &
    BACKGROUND_PIDS+=("$!")
    echo "bench/.artifacts/tools/dotnet-counters collect -p PID --refresh-interval $SAMPLE_S --format csv --counters System.Runtime[...]" >>"$RUN_DIR/commands.txt"
fi

# The fleet stops by itself after DURATION and then ends its sessions; give it that plus a margin.
DEADLINE=$((FLEET_STARTED + DURATION_S + 180))
next=$FLEET_STARTED
while kill -0 "$FLEET_PID" 2>/dev/null; do
    now=$(date +%s)
    if ((now >= next)); then
        sample run
        next=$((next + SAMPLE_S))
        while ((next <= now)); do next=$((next + SAMPLE_S)); done
    fi
    ((now < DEADLINE)) || fail "the fleet was still running $((DEADLINE - FLEET_STARTED)) s after it started; see $RUN_DIR/fleet.log"
    sleep 1
done
FLEET_RC=0
wait "$FLEET_PID" || FLEET_RC=$?
FLEET_PID=""
echo "  fleet exited with $FLEET_RC after $(($(date +%s) - FLEET_STARTED)) s" >&2
((FLEET_RC == 0)) || fail "the fleet exited with $FLEET_RC; see $RUN_DIR/fleet.log: $(tail -3 "$RUN_DIR/fleet.log")"
[[ -f "$RUN_DIR/fleet-report.json" ]] || fail "the fleet wrote no report"

step "after the fleet: Central System state and transaction list"
sleep 5
sample after
python3 "$BENCH_DIR/lib/soak.py" transactions "$SERVER_PORT" "$RUN_DIR/transactions.json" >/dev/null \
    || fail "reading the transaction list failed"
stop_server

step "checks"
{
    echo "REPO_DIR=$REPO_DIR"
    echo "STATIONS=$STATIONS"
    echo "DURATION=$DURATION"
    echo "DURATION_S=$DURATION_S"
    echo "SAMPLE=$SAMPLE"
    echo "SLOPE_WINDOW_S=$SLOPE_WINDOW_S"
    echo "FLEET_STARTED=$FLEET_STARTED"
    echo "NOFILE=$(ulimit -n)"
} >"$RUN_DIR/run.env"
CHECKS_RC=0
python3 "$BENCH_DIR/lib/soak.py" analyse "$RUN_DIR" || CHECKS_RC=$?
((CHECKS_RC <= 1)) || fail "the analysis failed"
cat "$RUN_DIR/verdicts.txt" >&2
if ((WRITE_RESULTS)); then
    { echo; cat "$RUN_DIR/section.md"; } >>"$BENCH_DIR/RESULTS.md"
    echo "appended to bench/RESULTS.md; raw figures in ${RUN_DIR#"$REPO_DIR/"}" >&2
else
    echo "section (not appended): $RUN_DIR/section.md" >&2
fi
exit "$CHECKS_RC"
