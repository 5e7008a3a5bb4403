#!/usr/bin/env bash
# The largest fleet this machine runs: STATIONS charge points in SHARDS `simulator fleet --shard k/n` processes
# (each under the 20,000 open-files limit), against FLOORS floor servers (bench/OcppLab.Bench.Floor, fixed
# answers, so that the server side costs as little as it can), floor f listening on 127.0.0.(f+1): one
# ephemeral port range (net.ipv4.ip_local_port_range, about 28,000 ports) per source/target address pair, so
# more than 28,000 stations need a second target address. Loopback only, bounded by --duration.
#
# Session mix (realistic rather than busy): one connector per station, mean idle gap 60 minutes, mean
# session 30 minutes, MeterValues every 60 s (bench/fleet-templates/one-connector-60s.json), Heartbeat 300 s.
#
#   bench/fleet-scale.sh --stations 50000 --shards 4 --floors 2 --ramp 400 --duration 240
#   bench/fleet-scale.sh --stations 2000 --shards 2 --floors 2 --ramp 200 --duration 40     # quick check
#
# Prints and writes RUN_DIR/summary.json: per shard connected/booted/calls/errors/CPU/RSS, the floors'
# connection counts, and the machine's load. Nothing is appended to RESULTS.md (the figures go there by hand
# with their reading: what limited the run). Figures stay in bench/runs/<date>-fleet-scale/.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

STATIONS=10000 SHARDS=2 FLOORS=1 RAMP=200 DURATION=120 BUILD=1
usage() { echo "usage: $0 [--stations N] [--shards N] [--floors N] [--ramp PER_SECOND] [--duration SECONDS] [--no-build]" >&2; exit 2; }
while (($#)); do
    if [[ "$1" == --no-build ]]; then BUILD=0; shift; continue; fi
    [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || { echo "$1 '${2:-}' must be a whole number above 0" >&2; usage; }
    case "$1" in
        --stations) STATIONS=$2 ;; --shards) SHARDS=$2 ;; --floors) FLOORS=$2 ;; --ramp) RAMP=$2 ;; --duration) DURATION=$2 ;;
        *) usage ;;
    esac
    shift 2
done
((STATIONS <= 100000 && SHARDS <= 16 && FLOORS <= 8 && DURATION <= 900)) || { echo "at most 100,000 stations, 16 shards, 8 floors, 900 s" >&2; usage; }
PER_SHARD=$(((STATIONS + SHARDS - 1) / SHARDS))
((PER_SHARD <= 18000)) || { echo "$PER_SHARD stations per shard: over the 20,000 open-files limit of one process; add shards" >&2; exit 2; }
PER_FLOOR=$(((STATIONS + FLOORS - 1) / FLOORS))
((PER_FLOOR <= 18000)) || { echo "$PER_FLOOR connections per floor: over one process's open-files limit and one address's ports; add floors" >&2; exit 2; }

SIMULATOR="$ARTIFACTS/bin/OcppLab.Simulator/release/OcppLab.Simulator"
RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-fleet-scale"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM

step "build Release (simulator, floor) into bench/.artifacts"
if ((BUILD)); then
    dotnet build "$REPO_DIR/simulator/OcppLab.Simulator.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q || fail "dotnet build of the simulator failed"
    dotnet build "$BENCH_DIR/OcppLab.Bench.Floor/OcppLab.Bench.Floor.csproj" -c Release --artifacts-path "$ARTIFACTS" -nologo -v q || fail "dotnet build of the floor failed"
fi
[[ -x "$SIMULATOR" && -x "$FLOOR" ]] || fail "simulator or floor not built in bench/.artifacts"

step "$FLOORS floor servers on 127.0.0.1..$FLOORS"
FLOOR_PIDS=() FLOOR_URLS=()
for f in $(seq "$FLOORS"); do
    log="$RUN_DIR/floor-$f.log"
    "$FLOOR" --port 0 --heartbeat-interval 300 --host "127.0.0.$f" >"$log" 2>&1 &
    FLOOR_PIDS+=($!)
    BACKGROUND_PIDS+=($!)
    port=""
    for _ in $(seq 300); do
        port="$(grep -oE '"event":"listening","port":[0-9]+' "$log" | grep -oE '[0-9]+$' || true)"
        [[ -n "$port" ]] && break
        sleep 0.1
    done
    [[ -n "$port" ]] || fail "floor $f did not listen; see $log"
    FLOOR_URLS+=("ws://127.0.0.$f:$port/ocpp")
    echo "bench/.artifacts/bin/OcppLab.Bench.Floor/release/OcppLab.Bench.Floor --port 0 --heartbeat-interval 300 --host 127.0.0.$f" >>"$RUN_DIR/commands.txt"
done

step "fleet: $STATIONS stations in $SHARDS shards, ramp $RAMP/s over the fleet's id space (a shard powers its slice when the ramp reaches it), for ${DURATION} s"
echo "  load average before: $(cat /proc/loadavg)" >&2
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
SHARD_PIDS=()
for k in $(seq "$SHARDS"); do
    url="${FLOOR_URLS[$(((k - 1) % FLOORS))]}"
    cmd=("$SIMULATOR" fleet --csms "$url" --chargers "$STATIONS" --shard "$k/$SHARDS" --ramp "$RAMP/s"
        --duration "${DURATION}s" --template "$REPO_DIR/bench/fleet-templates/one-connector-60s.json" --session-gap 60m
        --session-length 30m --seed 42 --quiet --report "$RUN_DIR/shard-$k")
    echo "${cmd[*]}" | sed -e "s#$REPO_DIR/##g" -e "s#:[0-9]*/ocpp#:PORT/ocpp#" -e "s#runs/[^/]*/#runs/<date>-fleet-scale/#" >>"$RUN_DIR/commands.txt"
    "${cmd[@]}" >"$RUN_DIR/shard-$k.out" 2>&1 &
    SHARD_PIDS+=($!)
    BACKGROUND_PIDS+=($!)
done

# Every 10 s: each shard's CPU and RSS, the floors' connections, the load; the peak RSS is kept.
printf 't_s\tshard_cpu_s\tshard_rss_mib\tfloor_connected\tload1\n' >"$RUN_DIR/samples.tsv"
declare -A PEAK_RSS LAST_CPU
START=$(date +%s)
while :; do
    alive=0 cpu="" rss=""
    for k in $(seq "$SHARDS"); do
        pid=${SHARD_PIDS[$((k - 1))]}
        if kill -0 "$pid" 2>/dev/null; then
            alive=1
            c=$(awk '{print ($14 + $15) / 100}' "/proc/$pid/stat" 2>/dev/null || echo "")
            r=$(rss_kib "$pid" 2>/dev/null || echo 0)
            [[ -n "$c" ]] && LAST_CPU[$k]=$c
            ((r > ${PEAK_RSS[$k]:-0})) && PEAK_RSS[$k]=$r
            cpu+="${c:-?},"
            rss+="$((r / 1024)),"
        fi
    done
    ((alive)) || break
    conn=""
    for f in $(seq "$FLOORS"); do
        before=$(grep -c '"event":"stats"' "$RUN_DIR/floor-$f.log" || true)
        kill -USR2 "${FLOOR_PIDS[$((f - 1))]}" 2>/dev/null || true
        for _ in $(seq 20); do [[ $(grep -c '"event":"stats"' "$RUN_DIR/floor-$f.log" || true) -gt $before ]] && break; sleep 0.1; done
        conn+="$(grep '"event":"stats"' "$RUN_DIR/floor-$f.log" | tail -1 | jq -r .connected),"
    done
    t=$(($(date +%s) - START))
    printf '%s\t%s\t%s\t%s\t%s\n' "$t" "$cpu" "$rss" "$conn" "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$RUN_DIR/samples.tsv" >&2
    ((t < DURATION + 300)) || fail "the shards still ran $t s after the start"
    sleep 10
done
for pid in "${SHARD_PIDS[@]}"; do wait "$pid" || true; done
BACKGROUND_PIDS=("${FLOOR_PIDS[@]}")

step "results"
for k in $(seq "$SHARDS"); do
    [[ -f "$RUN_DIR/shard-$k.json" ]] || { echo "shard $k wrote no report; see $RUN_DIR/shard-$k.out: $(tail -3 "$RUN_DIR/shard-$k.out")" >&2; continue; }
    jq --argjson k "$k" --argjson cpu "${LAST_CPU[$k]:-0}" --argjson rss "${PEAK_RSS[$k]:-0}" \
        '{shard: $k, stations: .shardChargers, connected: .chargersConnected, booted: .chargersBooted, calls: .callsSent,
          answers, sessions: .sessions.started, errors: (.errors | add // 0), errorKinds: .errors, cpuSeconds: ([$cpu, .process.cpuSeconds] | max),
          peakRssMiB: ($rss / 1024), connectP99Ms: .connectTime.p99Ms, bootP99Ms: .bootTime.p99Ms}' "$RUN_DIR/shard-$k.json"
done | jq -s --arg load "$LOAD_BEFORE" --argjson n "$STATIONS" --argjson d "$DURATION" \
    '{stations: $n, durationSeconds: $d, loadAverageBefore: $load, shards: .,
      connected: (map(.connected) | add), booted: (map(.booted) | add), calls: (map(.calls) | add),
      cpuSeconds: (map(.cpuSeconds) | add), rssMiB: (map(.peakRssMiB) | add),
      cpuUsPerMessage: ((map(.cpuSeconds) | add) * 1e6 / (map(.calls) | add)),
      kibPerStation: ((map(.peakRssMiB) | add) * 1024 / $n)}' >"$RUN_DIR/summary.json"
jq . "$RUN_DIR/summary.json" >&2
echo "figures in ${RUN_DIR#"$REPO_DIR/"}" >&2
