#!/usr/bin/env bash
# Mutation score of the conformance suite: Stryker.NET mutates the Central System's OCPP handlers and the command
# logic behind them (bench/mutation/stryker-config.json: csms/Handlers/Core, IdTagAuthorizer, LocalListPlanner,
# RemoteStartProfiles) and runs tests/OcppLab.Conformance against each mutant, only the cases that cover it (perTest
# coverage analysis: the charge-point cases never reach the Central System, so only its cases run). No
# test-case-filter: with one in the configuration Stryker.NET's initial run ended "could not be completed"
# (stryker-net issue #3242). A mutant the suite lets through is a
# defect in a CSMS that the suite would certify.
#
#   bench/mutation.sh                      # at most 60 minutes, one test process at a time (2 cores)
#   bench/mutation.sh --timeout 20m        # a shorter bound
#
# Stryker.NET (dotnet-stryker, pinned below) is installed into bench/.tools, not globally. The reports stay in
# bench/runs/<date>-mutation/ (not committed); the score goes into bench/RESULTS.md by hand, with the surviving
# mutants read from the Markdown report.
set -euo pipefail
cd "$(dirname "$0")/.."

STRYKER_VERSION=5.1.0
TIMEOUT=60m
while (($#)); do
    case "$1" in
        --timeout) TIMEOUT="${2:?}"; shift 2 ;;
        *) echo "usage: $0 [--timeout DURATION]" >&2; exit 2 ;;
    esac
done

TOOLS=bench/.tools/stryker
if [[ ! -x "$TOOLS/dotnet-stryker" ]]; then
    dotnet tool install dotnet-stryker --version "$STRYKER_VERSION" --tool-path "$TOOLS"
fi

OUT="$PWD/bench/runs/$(date -u +%Y%m%d-%H%M)-mutation"
mkdir -p "$OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$OUT/load.txt"
cd tests/OcppLab.Conformance
# timeout bounds the whole run; Stryker's own per-mutant timeout (additional-timeout) bounds each test run.
status=0
timeout --kill-after=30s "$TIMEOUT" "../../$TOOLS/dotnet-stryker" \
    --config-file ../../bench/mutation/stryker-config.json \
    --output "$OUT" --skip-version-check --log-to-file || status=$?
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
echo "reports: $OUT/reports (exit $status)"
exit "$status"
