#!/usr/bin/env bash
# Strict outbound on the hot path: our Central System with Csms:ValidateOutgoing on (the default) and off, and
# ocpp-rpc in strict mode (which checks what it sends as well), each in its own process on loopback, under the
# same closed loop of Authorize from bench/OcppLab.Bench. The three servers take turns, round after round, so that
# a change in the machine's load falls on all of them alike. Appends a dated section to bench/RESULTS.md.
#
#   bench/strict-outbound.sh                          # 5 rounds of 20 s each (plus 5 s warm-up), ~8 minutes
#   bench/strict-outbound.sh --rounds 1 --seconds 5 --no-results   # a short check that it works
#
# Options: --rounds N (5), --seconds S (20), --stations N (50), --no-results (do not touch RESULTS.md).
# Figures and logs stay in bench/runs/<date>-strict-outbound/ (not committed).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ROUNDS=5
SECONDS_PER_RUN=20
STATIONS=50
WARMUP=5
WRITE_RESULTS=1
ARGS="$*"
usage() { echo "usage: $0 [--rounds N] [--seconds S] [--stations N] [--no-results]" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --rounds) ROUNDS="${2:?}"; shift 2 ;;
        --seconds) SECONDS_PER_RUN="${2:?}"; shift 2 ;;
        --stations) STATIONS="${2:?}"; shift 2 ;;
        --no-results) WRITE_RESULTS=0; shift ;;
        *) usage ;;
    esac
done
for n in "$ROUNDS" "$SECONDS_PER_RUN" "$STATIONS"; do [[ "$n" =~ ^[0-9]+$ && "$n" -ge 1 ]] || usage; done
((ROUNDS <= 20 && SECONDS_PER_RUN <= 120)) || { echo "at most 20 rounds of 120 s" >&2; exit 2; }

RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-strict-outbound"
mkdir -p "$RUN_DIR"
: >"$RUN_DIR/commands.txt"
trap cleanup EXIT
trap 'fail "interrupted"' INT TERM
STARTED=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

build_all
echo "bench/strict-outbound.sh${ARGS:+ $ARGS}" >>"$RUN_DIR/commands.txt"

# label:kind:environment of the server
CONFIGS=("strict:ours:Csms__ValidateOutgoing=true" "lax:ours:Csms__ValidateOutgoing=false" "ocpp-rpc:ocpp-rpc:")
for round in $(seq "$ROUNDS"); do
    for entry in "${CONFIGS[@]}"; do
        IFS=: read -r label kind env <<<"$entry"
        step "round $round/$ROUNDS: $STATIONS stations, Authorize back to back for ${SECONDS_PER_RUN}s against $label"
        # shellcheck disable=SC2086 # env is one VAR=VALUE or nothing
        start_server "$kind" 300 $env
        generate "saturate-$label-$round" saturate --stations "$STATIONS" --duration "$SECONDS_PER_RUN" --warmup "$WARMUP" --label "$label"
        stop_server
    done
done

step "results"
ELAPSED=$(($(date +%s) - STARTED))
python3 - "$RUN_DIR" "$ROUNDS" "$STATIONS" "$SECONDS_PER_RUN" "$LOAD_BEFORE" "$ELAPSED" "$REPO_DIR" >"$RUN_DIR/section.md" <<'PY' || fail "could not write the results section"
import json, os, platform, statistics, subprocess, sys
from datetime import datetime, timezone
run_dir, rounds, stations, seconds, load_before, elapsed, repo = sys.argv[1:]
rounds = int(rounds)
labels = [("strict", "ours, `ValidateOutgoing` on (default)"), ("lax", "ours, `ValidateOutgoing` off"), ("ocpp-rpc", "ocpp-rpc 2.2.1, `strictMode: true`")]
runs = {l: [json.load(open(os.path.join(run_dir, f"saturate-{l}-{r}.json"))) for r in range(1, rounds + 1)] for l, _ in labels}
def med(l, key): return statistics.median(r[key] for r in runs[l])
def all_(l, key, d): return ", ".join(f"{r[key]:.{d}f}" for r in runs[l])
commit = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "n/a")
loads = [r["loadAverage"].split()[0] for l, _ in labels for r in runs[l]]
out = [
    f"## {datetime.now(timezone.utc):%Y-%m-%d} — strict outbound on the hot path ({os.path.basename(run_dir)})",
    "",
    f"**Machine:** {os.cpu_count()} cores, {cpu}, kernel {platform.release()}; commit {commit}. Load average before: {load_before}; "
    f"at the start of each measurement (1 min): {', '.join(loads)}. {elapsed} s in all.",
    "",
    "Commands (from the repository root; `PORT` is the port the OS gave the server):",
    "",
    "```sh",
]
out += [l.rstrip("\n").replace(repo + "/", "") for l in open(os.path.join(run_dir, "commands.txt")) if l.strip()]
out += [
    "```",
    "",
    f"{stations} stations send Authorize back to back (closed loop) for {seconds} s after 5 s of warm-up; each "
    "Authorize.conf the Central System sends is checked against its 1.6 schema when strict outbound is on. The servers "
    f"take turns, {rounds} rounds; medians over the rounds, every round in brackets. Server CPU per call = Δ(utime+stime) "
    "of the server process over the measured window / calls.",
    "",
    "| Server | Server CPU per call (µs) | Calls/s | Closed-loop p50 (ms) | p99 (ms) |",
    "| --- | --- | --- | --- | --- |",
]
for l, name in labels:
    out.append(f"| {name} | {med(l, 'serverCpuUsPerCall'):.1f} ({all_(l, 'serverCpuUsPerCall', 1)}) | "
               f"{med(l, 'callsPerSecond'):.0f} ({all_(l, 'callsPerSecond', 0)}) | {med(l, 'closedLoopP50Ms'):.2f} | "
               f"{med(l, 'closedLoopP99Ms'):.2f} ({all_(l, 'closedLoopP99Ms', 2)}) |")
strict, lax = med("strict", "serverCpuUsPerCall"), med("lax", "serverCpuUsPerCall")
spread = statistics.pstdev([r["serverCpuUsPerCall"] for r in runs["lax"]]) if rounds > 1 else float("nan")
out += ["", f"Strict outbound minus lax, median CPU per call: {strict - lax:+.1f} µs ({(strict - lax) / lax * 100:+.1f}%); "
        f"the spread of the lax rounds alone (standard deviation): {spread:.1f} µs.", ""]
print("\n".join(out))
PY
cat "$RUN_DIR/section.md" >&2
if ((WRITE_RESULTS)); then
    { echo; cat "$RUN_DIR/section.md"; } >>"$BENCH_DIR/RESULTS.md"
    echo "appended to bench/RESULTS.md; raw figures in ${RUN_DIR#"$REPO_DIR/"}" >&2
fi
