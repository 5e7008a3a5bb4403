# write_results RUN_DIR MODE ELAPSED_SECONDS — prints the Markdown section for bench/RESULTS.md.
# Sourced after common.sh.

# fig FILE JQ_EXPR [DECIMALS] — a figure from a run's JSON, rounded; "n/a" when missing.
fig() {
    local file="$1" expr="$2" decimals="${3:-1}"
    [[ -f "$file" ]] || { echo "n/a"; return; }
    jq -r --argjson d "$decimals" "($expr) as \$v | if \$v == null then \"n/a\" elif (\$v|type) == \"number\" then (\$v * pow(10; \$d) | round / pow(10; \$d) | tostring) else (\$v|tostring) end" "$file"
}

load1() { [[ -f "$1" ]] && jq -r '.loadAverage | split(" ") | .[0]' "$1" || echo "n/a"; }

# verdict OK_EXPRESSION — "met" / "**missed**" / "n/a" from a jq boolean over the named values.
verdict() {
    local result
    result=$(jq -nr "$1" 2>/dev/null || echo null)
    case "$result" in true) echo "met" ;; false) echo "**missed**" ;; *) echo "n/a" ;; esac
}

write_results() {
    local dir="$1" mode="$2" elapsed="$3"
    local labels=(ours ocpp-rpc floor)
    local l
    declare -A cpu sat p50 p99 svc99 lag99 boot99 kib gkib held boot loads
    for l in "${labels[@]}"; do
        cpu[$l]=$(fig "$dir/saturate-$l.json" .serverCpuUsPerCall 1)
        sat[$l]=$(fig "$dir/saturate-$l.json" .callsPerSecond 0)
        p50[$l]=$(fig "$dir/open-loop-$l.json" .latencyP50Ms 2)
        p99[$l]=$(fig "$dir/open-loop-$l.json" .latencyP99Ms 2)
        svc99[$l]=$(fig "$dir/open-loop-$l.json" .serviceP99Ms 2)
        lag99[$l]=$(fig "$dir/open-loop-$l.json" .sendLagP99Ms 2)
        boot99[$l]=$(fig "$dir/open-loop-$l.json" .afterBootLatencyP99Ms 2)
        kib[$l]=$(fig "$dir/hold-$l.json" .serverKiBPerStation 1)
        gkib[$l]=$(fig "$dir/hold-$l.json" .generatorKiBPerStation 1)
        held[$l]=$(fig "$dir/hold-$l.json" .connectedAtSample 0)
        boot[$l]=$(fig "$dir/boot-rate-$l.json" .bootedPerSecond 0)
        loads[$l]="$(load1 "$dir/saturate-$l.json") / $(load1 "$dir/open-loop-$l.json") / $(load1 "$dir/boot-rate-$l.json") / $(jq -r '.loadAverage | split(" ") | .[0]' "$dir/hold-$l.json" 2>/dev/null || echo n/a)"
    done
    local ol_cpu_ours ol_cpu_rpc ol_cpu_floor
    ol_cpu_ours=$(fig "$dir/open-loop-ours.json" .serverCpuUsPerCall 1)
    ol_cpu_rpc=$(fig "$dir/open-loop-ocpp-rpc.json" .serverCpuUsPerCall 1)
    ol_cpu_floor=$(fig "$dir/open-loop-floor.json" .serverCpuUsPerCall 1)
    local ratio floor_ratio ol_ratio
    ratio=$(jq -nr "(${cpu[ocpp-rpc]} / ${cpu[ours]} * 100 | round / 100)" 2>/dev/null || echo n/a)
    floor_ratio=$(jq -nr "(${cpu[ocpp-rpc]} / ${cpu[floor]} * 100 | round / 100)" 2>/dev/null || echo n/a)
    ol_ratio=$(jq -nr "(${ol_cpu_rpc} / ${ol_cpu_ours} * 100 | round / 100)" 2>/dev/null || echo n/a)
    local hold_n
    hold_n=$(jq -r .stations "$dir/hold-ours.json" 2>/dev/null || echo n/a)

    cat <<EOF
## $(date -u +%Y-%m-%d) — $mode run ($(basename "$dir"))

**Machine:** $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'),
$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r);
.NET SDK $(dotnet --version), Node $(node --version), ocpp-rpc $(jq -r .version "$BENCH_DIR/peers/node_modules/ocpp-rpc/package.json");
open-files limit $(ulimit -n); commit $(git -C "$REPO_DIR" rev-parse --short HEAD)$(git -C "$REPO_DIR" diff --quiet HEAD -- csms protocol || echo ' (csms/protocol with uncommitted changes of the working tree)').
Whole run: ${elapsed} s. Load average (1 min) at the start of each measurement is in the last column;
the machine has 2 cores, so anything much above 2 means the figures are noisy (other builds and tests ran at the same time).

| Measure | ours | ocpp-rpc | floor¹ | Target (ours) | Ours |
| --- | --- | --- | --- | --- | --- |
| Server CPU per Authorize at saturation (µs) | ${cpu[ours]} | ${cpu[ocpp-rpc]} | ${cpu[floor]} | ≥ 5× less than ocpp-rpc | ${ratio}× less (the floor: ${floor_ratio}×): $(verdict "${ratio} >= 5") |
| Server CPU per Authorize, open loop $OL_RATE/s (µs) | ${ol_cpu_ours} | ${ol_cpu_rpc} | ${ol_cpu_floor} | ≥ 5× less than ocpp-rpc | ${ol_ratio}× less: $(verdict "${ol_ratio} >= 5") |
| Authorize calls/s at saturation ($SAT_STATIONS stations closed loop) | ${sat[ours]} | ${sat[ocpp-rpc]} | ${sat[floor]} | | |
| Authorize p99 in the first ${OL_WARMUP} s after $OL_STATIONS boots, $OL_RATE/s (ms, from intended send time) | ${boot99[ours]} | ${boot99[ocpp-rpc]} | ${boot99[floor]} | ≤ 5 ms | $(verdict "${boot99[ours]} <= 5") |
| Authorize p50, the next ${OL_SECONDS} s (steady state; ms, from intended send time) | ${p50[ours]} | ${p50[ocpp-rpc]} | ${p50[floor]} | | |
| Authorize p99, same (ms) | ${p99[ours]} | ${p99[ocpp-rpc]} | ${p99[floor]} | ≤ 5 ms | $(verdict "${p99[ours]} <= 5") |
| … p99 from actual send (ms) / generator send lag p99 (ms) | ${svc99[ours]} / ${lag99[ours]} | ${svc99[ocpp-rpc]} / ${lag99[ocpp-rpc]} | ${svc99[floor]} / ${lag99[floor]} | | |
| Server memory per connected, booted, heartbeating station (KiB, RSS delta / connected) | ${kib[ours]} | ${kib[ocpp-rpc]} | ${kib[floor]} | ≤ 40 KiB | $(verdict "${kib[ours]} <= 40") |
| Generator memory per station (KiB; the bench's raw client, not the simulator) | ${gkib[ours]} | ${gkib[ocpp-rpc]} | ${gkib[floor]} | | |
| Stations booted per second (connect + BootNotification, 64 in flight, $BOOT_STATIONS stations) | ${boot[ours]} | ${boot[ocpp-rpc]} | ${boot[floor]} | | |
| Most stations held by one server process (connected per the server, of $hold_n tried) | ${held[ours]} | ${held[ocpp-rpc]} | ${held[floor]} | 15,000 | $(verdict "${held[ours]} >= 15000") |
| Load average at start: saturate / open loop / boot / hold | ${loads[ours]} | ${loads[ocpp-rpc]} | ${loads[floor]} | | |

¹ Not a Central System: \`bench/OcppLab.Bench.Floor\`, a bare ASP.NET Core WebSocket endpoint on the same runtime
settings as ours that finds the UniqueId and Action of each CALL and sends a fixed CALLRESULT, with no schema check,
routing, state or observers. What ours costs above it is the OCPP work; what it costs itself is the runtime, Kestrel
and the kernel, which no server on this stack goes below. Our server runs with its defaults (workstation GC and no
pool-thread spinning, from its project file; Information logging to a file). ocpp-rpc runs with \`strictMode: true\`
(every request and answer validated against the OCPP 1.6 schemas, as ours validates every inbound payload) and its
default 30 s WebSocket ping; our generator sends no pings.

Commands (from the repository root; ports are picked by the OS, \`PORT\`/\`PID\` below are the server's):

\`\`\`sh
bench/run-side-by-side.sh$( [[ $mode == quick ]] && echo ' --quick')
$(sed -E "s#ws://127\.0\.0\.1:[0-9]+#ws://127.0.0.1:PORT#; s#--server-pid [0-9]+#--server-pid PID#; s#$RUN_DIR/##g; s#$BENCH_DIR/.artifacts/bin/OcppLab.Csms/release#bench/.artifacts/bin/OcppLab.Csms/release#g" "$dir/commands.txt" | awk '!seen[$0]++')
\`\`\`
EOF
}
