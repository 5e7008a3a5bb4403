#!/usr/bin/env bash
# Where our Central System spends its CPU per Authorize: runs the saturate load against it (or against
# the ocpp-rpc peer) and samples the server with `perf record`, with JIT symbol maps enabled
# (DOTNET_PerfMapEnabled=1 for .NET, --perf-basic-prof for Node).
#
#   bench/profile-cpu.sh [ours|ocpp-rpc] [SECONDS] [saturate|open-loop]   # default: ours, 15 s, saturate
#
# open-loop is the 2,000/s over 10,000 stations load of run-side-by-side.sh.
#
# Prints the top symbols (self time) and leaves perf.data and the report in bench/runs/<date>-profile/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

KIND="${1:-ours}"
SECONDS_TO_SAMPLE="${2:-15}"
SCENARIO="${3:-saturate}"
case "$SCENARIO" in
    saturate) LOAD=(saturate --stations 50 --warmup 5) SETTLE=7 EXTRA=10 ;;
    open-loop) LOAD=(open-loop --stations 10000 --rate 2000 --warmup 5 --connect-concurrency 64) SETTLE=30 EXTRA=25 ;;
    *) echo "scenario must be saturate or open-loop" >&2; exit 2 ;;
esac
command -v perf >/dev/null || { echo "perf is not installed" >&2; exit 2; }
RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-profile-$KIND"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

build_all
step "start $KIND with JIT symbol maps"
if [[ "$KIND" == ours ]]; then
    # W^X off: with it, JIT code runs from a memfd double mapping that perf cannot match to the perf map.
    start_server ours 300 DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
else
    start_server ocpp-rpc 300 NODE_OPTIONS=--perf-basic-prof
fi

step "$SCENARIO against $KIND, sampled with perf for ${SECONDS_TO_SAMPLE}s"
"$GENERATOR" "${LOAD[@]}" --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --duration $((SECONDS_TO_SAMPLE + EXTRA)) \
    --server-pid "$SERVER_PID" --label "$KIND-profiled" >"$RUN_DIR/load.json" 2>"$RUN_DIR/load.log" &
GEN_PID=$!
BACKGROUND_PIDS+=("$GEN_PID")
# Past boot and warm-up: only the steady state is sampled.
sleep "$SETTLE"
perf record -F 999 -g -p "$SERVER_PID" -o "$RUN_DIR/perf.data" -- sleep "$SECONDS_TO_SAMPLE" 2>"$RUN_DIR/perf-record.log" \
    || fail "perf record failed; see $RUN_DIR/perf-record.log"
wait "$GEN_PID" || fail "the generator failed; see $RUN_DIR/load.log"
BACKGROUND_PIDS=()

step "report"
# head stops reading early; with pipefail the SIGPIPE that perf report gets would fail the step, so the
# step is judged by the file it leaves instead.
{ perf report -i "$RUN_DIR/perf.data" --no-children --sort dso,symbol --stdio 2>/dev/null | grep -v '^#' | grep -E '^ +[0-9]' \
    | head -60 >"$RUN_DIR/top-symbols.txt"; } || true
[[ -s "$RUN_DIR/top-symbols.txt" ]] || fail "perf report failed"
perf report -i "$RUN_DIR/perf.data" --no-children --sort dso --stdio 2>/dev/null | grep -v '^#' | grep -E '^ +[0-9]' \
    | head -20 >"$RUN_DIR/top-dsos.txt" || true
jq -c '{"label", callsPerSecond, answeredPerSecond, latencyP99Ms, serverCpuUsPerCall, serverCoresBusy, loadAverage}' "$RUN_DIR/load.json" >&2
echo "-- by library" >&2
cat "$RUN_DIR/top-dsos.txt" >&2
echo "-- by symbol (self)" >&2
head -40 "$RUN_DIR/top-symbols.txt" >&2
stop_server
