#!/usr/bin/env bash
# Fuzz at scale: the seeded fuzz tests, sized up. Against the Central System, six fuzzing connections send
# --csms-frames frames in all (mutated, truncated, random and deliberately faulty CALLs) while a healthy station
# runs complete sessions; against the virtual charge point, --cp-frames frames arrive from a hostile Central
# System while it charges. Every CALL with a readable id must be answered with the answer OCPP-J 1.6 §4.2.3
# makes right for it (tests/Shared/OcppJFrameOracle.cs), nothing may crash or log an error, and the healthy
# side's transactions must each start and stop exactly once. In process, on loopback only, bounded by the
# frame counts. Appends a dated section to bench/RESULTS.md.
#
#   bench/fuzz.sh                                          # 100,000 frames at the Central System, 20,000 at the charge point, seed 9
#   bench/fuzz.sh --csms-frames 6000 --cp-frames 2000 --no-results   # a short check that it works
#
# Options: --csms-frames N (100000), --cp-frames N (20000), --seed N (9), --no-results (do not touch RESULTS.md).
# Test output stays in bench/runs/<date>-fuzz/ (not committed).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

CSMS_FRAMES=100000
CP_FRAMES=20000
SEED=9
WRITE_RESULTS=1
ARGS="$*"
FUZZERS=6 # CentralSystemFuzzTests.Fuzzers: the Central System's frames are split over six connections.
usage() { echo "usage: $0 [--csms-frames N] [--cp-frames N] [--seed N] [--no-results]" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --csms-frames) CSMS_FRAMES="${2:?}"; shift 2 ;;
        --cp-frames) CP_FRAMES="${2:?}"; shift 2 ;;
        --seed) SEED="${2:?}"; shift 2 ;;
        --no-results) WRITE_RESULTS=0; shift ;;
        *) usage ;;
    esac
done
[[ "$CSMS_FRAMES" =~ ^[0-9]+$ && "$CSMS_FRAMES" -ge $FUZZERS ]] || { echo "--csms-frames must be a whole number of at least $FUZZERS, not '$CSMS_FRAMES'" >&2; exit 2; }
[[ "$CP_FRAMES" =~ ^[0-9]+$ && "$CP_FRAMES" -ge 1 ]] || { echo "--cp-frames must be a whole number of at least 1, not '$CP_FRAMES'" >&2; exit 2; }
[[ "$SEED" =~ ^-?[0-9]+$ ]] || { echo "--seed must be a whole number, not '$SEED'" >&2; exit 2; }
PER_FUZZER=$(((CSMS_FRAMES + FUZZERS - 1) / FUZZERS))

RUN_DIR="$BENCH_DIR/runs/$(date -u +%Y%m%dT%H%M%SZ)-fuzz"
mkdir -p "$RUN_DIR"
trap cleanup EXIT

# run_test NAME PROJECT FILTER ENV=VALUE... — runs one test with its output kept; sets RC_<NAME> and SECONDS_<NAME>.
run_test() {
    local name="$1" project="$2" filter="$3"
    shift 3
    local started rc=0
    started=$(date +%s)
    env "$@" dotnet test "$REPO_DIR/$project" --filter "$filter" --logger "console;verbosity=detailed" -nologo \
        >"$RUN_DIR/$name.log" 2>&1 || rc=$?
    printf -v "RC_$name" '%s' "$rc"
    printf -v "SECONDS_$name" '%s' "$(($(date +%s) - started))"
    echo "env $* dotnet test $project --filter \"$filter\" --logger \"console;verbosity=detailed\"" >>"$RUN_DIR/commands.txt"
}

# line NAME PATTERN — the first output line of a run that starts with PATTERN (trimmed), or "n/a".
line() { grep -m1 -E "^\s*$2" "$RUN_DIR/$1.log" | sed -e 's/^\s*//' || echo "n/a"; }

: >"$RUN_DIR/commands.txt"
step "Central System: $CSMS_FRAMES frames ($FUZZERS connections x $PER_FUZZER), seed $SEED, a healthy station alongside"
run_test csms tests/OcppLab.Csms.Tests "FullyQualifiedName~CentralSystemFuzzTests" OCPPLAB_FUZZ_ITERATIONS="$PER_FUZZER" OCPPLAB_FUZZ_SEED="$SEED"
tail -5 "$RUN_DIR/csms.log" >&2

step "virtual charge point: $CP_FRAMES frames, seed $SEED, while it charges"
run_test cp tests/OcppLab.Simulator.Tests "FullyQualifiedName~BadFramesFromCentralSystemTests.Seeded_mutations" OCPPLAB_FUZZ_CP_FRAMES="$CP_FRAMES" OCPPLAB_FUZZ_SEED="$SEED"
tail -5 "$RUN_DIR/cp.log" >&2

verdict() { [[ "$1" == 0 ]] && echo "passed" || echo "**FAILED** (see the run directory)"; }
SECTION="$RUN_DIR/section.md"
{
    echo "## $(date -u +%Y-%m-%d) — fuzz: $CSMS_FRAMES frames at the Central System, $CP_FRAMES at the charge point ($(basename "$RUN_DIR"))"
    echo
    echo "**Machine:** $(nproc) cores, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r); .NET SDK $(dotnet --version); commit $(git -C "$REPO_DIR" rev-parse --short HEAD)$(git -C "$REPO_DIR" diff --quiet HEAD -- csms protocol simulator tests || echo ' (with uncommitted changes)'). Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
    echo
    echo "Commands (from the repository root):"
    echo
    echo '```sh'
    echo "bench/fuzz.sh${ARGS:+ $ARGS}"
    sed -e "s#$REPO_DIR/##g" "$RUN_DIR/commands.txt"
    echo '```'
    echo
    echo "**Central System** ($(verdict "$RC_csms"), ${SECONDS_csms} s):"
    echo
    echo '```'
    for p in "seed " "sent by kind" "answers:" "CALLs with a readable id" "right answers by rule" "closes:" "managed heap"; do line csms "$p"; done
    echo '```'
    echo
    echo "**Virtual charge point** ($(verdict "$RC_cp"), ${SECONDS_cp} s):"
    echo
    echo '```'
    for p in "seed " "right answers by rule"; do line cp "$p"; done
    echo '```'
} >"$SECTION"
cat "$SECTION" >&2
if ((WRITE_RESULTS)); then
    { echo; cat "$SECTION"; } >>"$BENCH_DIR/RESULTS.md"
    echo "appended to bench/RESULTS.md; test output in ${RUN_DIR#"$REPO_DIR/"}" >&2
fi
[[ "$RC_csms" == 0 && "$RC_cp" == 0 ]]
