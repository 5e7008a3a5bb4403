#!/usr/bin/env bash
# Side-by-side benchmark: our Central System, an ocpp-rpc Central System and the floor (a bare Kestrel
# WebSocket endpoint with fixed answers, bench/OcppLab.Bench.Floor), each in its own process on loopback,
# measured one after the other with the same load from bench/OcppLab.Bench. Appends a dated section to
# bench/RESULTS.md. One command, about 13 minutes on 2 cores:
#
#   bench/run-side-by-side.sh            # full run (10,000 / 15,000 stations)
#   bench/run-side-by-side.sh --quick    # the same pipeline with small counts (~2 minutes), to check it works
#
# Options: --quick, --no-results (do not touch RESULTS.md), --no-floor (skip the floor column).
# Figures and logs of each run stay in bench/runs/<date>/ (not committed).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/hold.sh"
source "$(dirname "$0")/lib/results.sh"

MODE=full
WRITE_RESULTS=1
FLOOR_COLUMN=1
for arg in "$@"; do
    case "$arg" in
        --quick) MODE=quick ;;
        --no-results) WRITE_RESULTS=0 ;;
        --no-floor) FLOOR_COLUMN=0 ;;
        *) echo "usage: $0 [--quick] [--no-results] [--no-floor]" >&2; exit 2 ;;
    esac
done

if [[ $MODE == full ]]; then
    SAT_STATIONS=50 SAT_SECONDS=20
    # The first minute after 10,000 boots is reported apart (afterBootLatency): it holds the one-time
    # collection of what the connects left behind; the measured minute after it is the steady state.
    OL_STATIONS=10000 OL_RATE=2000 OL_WARMUP=60 OL_SECONDS=60
    BOOT_STATIONS=5000
    HOLD_STATIONS=15000 HOLD_SHARDS=2 HOLD_HEARTBEAT=10
else
    SAT_STATIONS=20 SAT_SECONDS=5
    OL_STATIONS=500 OL_RATE=500 OL_WARMUP=5 OL_SECONDS=5
    BOOT_STATIONS=500
    HOLD_STATIONS=1000 HOLD_SHARDS=2 HOLD_HEARTBEAT=3
fi
WARMUP=5

RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-$MODE"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM
STARTED=$(date +%s)

build_all

KINDS=("ours:ours" "ocpp-rpc:ocpp-rpc")
if ((FLOOR_COLUMN)); then KINDS+=("floor:floor"); fi

for entry in "${KINDS[@]}"; do
    kind="${entry%%:*}" label="${entry#*:}"
    step "saturate: $SAT_STATIONS stations, Authorize back to back for ${SAT_SECONDS}s against $label"
    start_server "$kind" 300
    generate "saturate-$label" saturate --stations "$SAT_STATIONS" --duration "$SAT_SECONDS" --warmup "$WARMUP" --label "$label"
    stop_server
done

for entry in "${KINDS[@]}"; do
    kind="${entry%%:*}" label="${entry#*:}"
    step "open loop: Authorize at $OL_RATE/s over $OL_STATIONS stations for ${OL_WARMUP}s + ${OL_SECONDS}s against $label"
    start_server "$kind" 300
    generate "open-loop-$label" open-loop --stations "$OL_STATIONS" --rate "$OL_RATE" --duration "$OL_SECONDS" --warmup "$OL_WARMUP" --label "$label"
    stop_server
done

for entry in "${KINDS[@]}"; do
    kind="${entry%%:*}" label="${entry#*:}"
    step "boot rate: $BOOT_STATIONS stations connect + BootNotification against $label"
    start_server "$kind" 300
    # A few stations first: JIT and first-connection costs of a fresh process are not a boot rate.
    "$GENERATOR" boot-rate --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --stations 20 --id-prefix WARM >/dev/null 2>&1 \
        || fail "boot-rate warm-up of $label failed"
    generate "boot-rate-$label" boot-rate --stations "$BOOT_STATIONS" --connect-concurrency 64 --label "$label"
    stop_server
done

for entry in "${KINDS[@]}"; do
    kind="${entry%%:*}" label="${entry#*:}"
    hold_measure "$kind" "$label" "$HOLD_STATIONS" "$HOLD_SHARDS" "$HOLD_HEARTBEAT"
done

step "results"
ELAPSED=$(($(date +%s) - STARTED))
write_results "$RUN_DIR" "$MODE" "$ELAPSED" >"$RUN_DIR/section.md" || fail "could not write the results section"
cat "$RUN_DIR/section.md" >&2
if ((WRITE_RESULTS)); then
    { echo; cat "$RUN_DIR/section.md"; } >>"$BENCH_DIR/RESULTS.md"
    echo "appended to bench/RESULTS.md; raw figures in ${RUN_DIR#"$REPO_DIR/"}" >&2
fi
