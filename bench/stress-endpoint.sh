#!/usr/bin/env bash
# The endpoint stress test (calls racing Close, DisposeAsync and a replacing connection, 3,000 rounds a run;
# tests/OcppLab.Protocol.Tests/Rpc/EndpointLifetimeTests.cs) run many times in a row, each with its own seed
# (OCPPLAB_STRESS_SEED). Prints one line per run and a summary; stops at the first failing seed unless --keep-going.
#
#   bench/stress-endpoint.sh                  # 100 runs, seeds 1..100
#   bench/stress-endpoint.sh --runs 5 --first-seed 1000
#
# Options: --runs N (100, at most 1000), --first-seed S (1), --keep-going, --per-run-timeout S (300).
# Each run's log stays in bench/runs/<date>-stress-endpoint/ (not committed).
set -euo pipefail
REPO_DIR="$(cd "$(dirname "$0")/.." && pwd)"
RUNS=100
FIRST=1
KEEP_GOING=0
PER_RUN=300
usage() { echo "usage: $0 [--runs N] [--first-seed S] [--keep-going] [--per-run-timeout S]" >&2; exit 2; }
while (($#)); do
    case "$1" in
        --runs) RUNS="${2:?}"; shift 2 ;;
        --first-seed) FIRST="${2:?}"; shift 2 ;;
        --keep-going) KEEP_GOING=1; shift ;;
        --per-run-timeout) PER_RUN="${2:?}"; shift 2 ;;
        *) usage ;;
    esac
done
for n in "$RUNS" "$FIRST" "$PER_RUN"; do [[ "$n" =~ ^[0-9]+$ ]] || usage; done
((RUNS >= 1 && RUNS <= 1000)) || usage

PROJECT="$REPO_DIR/tests/OcppLab.Protocol.Tests"
FILTER="FullyQualifiedName~EndpointLifetimeTests.Calls_racing_close_dispose_and_a_replacing_connection"
RUN_DIR="$REPO_DIR/bench/runs/$(date -u +%Y%m%dT%H%M%SZ)-stress-endpoint"
mkdir -p "$RUN_DIR"

dotnet build "$PROJECT" -nologo -v q >"$RUN_DIR/build.log" 2>&1 || { echo "build failed; see $RUN_DIR/build.log" >&2; exit 1; }

STARTED=$(date +%s)
passed=0 failed=0 failing=()
for seed in $(seq "$FIRST" $((FIRST + RUNS - 1))); do
    t0=$(date +%s%N)
    rc=0
    OCPPLAB_STRESS_SEED=$seed timeout "$PER_RUN" dotnet test "$PROJECT" --no-build --filter "$FILTER" \
        >"$RUN_DIR/seed-$seed.log" 2>&1 || rc=$?
    ms=$((($(date +%s%N) - t0) / 1000000))
    # The run counts only when the one test was found and passed (a filter matching nothing also exits 0).
    if ((rc == 0)) && grep -q "Passed:     1," "$RUN_DIR/seed-$seed.log"; then
        passed=$((passed + 1))
        printf 'seed %s: passed (%d ms)\n' "$seed" "$ms"
    else
        failed=$((failed + 1))
        failing+=("$seed")
        printf 'seed %s: FAILED (exit %s, %d ms); see %s\n' "$seed" "$rc" "$ms" "${RUN_DIR#"$REPO_DIR/"}/seed-$seed.log"
        ((KEEP_GOING)) || break
    fi
done
ELAPSED=$(($(date +%s) - STARTED))
echo "seeds $FIRST..$((FIRST + RUNS - 1)): $passed passed, $failed failed${failing:+ (seeds ${failing[*]})} in $ELAPSED s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
((failed == 0))
