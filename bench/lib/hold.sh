# hold_measure KIND LABEL STATIONS SHARDS HEARTBEAT [ENV=VALUE ...]
# Memory per connected, booted, heartbeating station, and the most stations one server process held.
# Starts a fresh server, warms it with a few stations, samples its RSS, then connects STATIONS across
# SHARDS generator processes (one process stays under the 20,000 open-files limit), waits until every
# shard has booted its share plus a heartbeat round, and samples again while all of them are held.
# Writes RUN_DIR/hold-LABEL.json. Sourced after common.sh.

hold_measure() {
    local kind="$1" label="$2" stations="$3" shards="$4" heartbeat="$5"
    shift 5
    step "hold $stations stations on $label ($shards generator processes, heartbeat ${heartbeat}s)"
    start_server "$kind" "$heartbeat" "$@"

    # Warm-up: JIT and first-connection costs are not per-station memory.
    "$GENERATOR" hold --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --stations 20 --duration 2 --heartbeat 1 --id-prefix WARM \
        >/dev/null 2>"$RUN_DIR/hold-$label-warmup.log" || fail "warm-up of $label failed; see $RUN_DIR/hold-$label-warmup.log"
    sleep 2
    local load rss0 rss1 threads connected
    load="$(cat /proc/loadavg)"
    rss0="$(rss_kib "$SERVER_PID")"

    local per=$(((stations + shards - 1) / shards))
    # Held long enough to boot everything, sample, and keep heartbeating past the sample.
    local hold_seconds=$((heartbeat * 3 + 10))
    local k pids=() ready=()
    for k in $(seq "$shards"); do
        local count=$per
        if ((k == shards)); then count=$((stations - per * (shards - 1))); fi
        local ready_file="$RUN_DIR/hold-$label-$k.ready"
        rm -f "$ready_file"
        local cmd=("$GENERATOR" hold --url "ws://127.0.0.1:$SERVER_PORT/ocpp" --stations "$count" --duration "$hold_seconds"
            --heartbeat "$heartbeat" --id-prefix "S$k" --connect-concurrency 32 --ready-file "$ready_file")
        echo "${cmd[*]}" | sed "s#$REPO_DIR/##g" >>"$RUN_DIR/commands.txt"
        "${cmd[@]}" >"$RUN_DIR/hold-$label-$k.json" 2>"$RUN_DIR/hold-$label-$k.log" &
        pids+=($!)
        BACKGROUND_PIDS+=($!)
        ready+=("$ready_file")
    done

    local waited=0 all
    while :; do
        all=1
        for f in "${ready[@]}"; do [[ -f "$f" ]] || all=0; done
        ((all)) && break
        for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || fail "a hold generator for $label exited before booting its stations; see $RUN_DIR/hold-$label-*.log"; done
        ((waited++ > 1800)) && fail "stations on $label did not all boot within 180 s"
        sleep 0.1
    done
    # One full heartbeat round after the last boot, so every station has exchanged more than its boot.
    sleep $((heartbeat + 3))
    rss1="$(rss_kib "$SERVER_PID")"
    threads="$(threads_of "$SERVER_PID")"
    connected="$(server_connected "$kind")"
    echo "  $label: RSS $rss0 -> $rss1 KiB with $connected connected, $threads threads" >&2

    for p in "${pids[@]}"; do wait "$p" || fail "a hold generator for $label failed; see $RUN_DIR/hold-$label-*.log"; done
    BACKGROUND_PIDS=()
    stop_server

    jq -s --arg lbl "$label" --arg load "$load" --argjson stations "$stations" --argjson shards "$shards" \
        --argjson rss0 "$rss0" --argjson rss1 "$rss1" --argjson threads "$threads" --argjson connected "${connected:-0}" --arg env "$*" '
        {
          scenario: "hold", "label": $lbl, "env": $env, loadAverage: $load, stations: $stations, generatorProcesses: $shards,
          stationsBooted: (map(.stationsBooted) | add), stationsHeld: (map(.stationsHeld) | add),
          stationsLost: (map(.stationsLost) | add), heartbeatsAnswered: (map(.heartbeatsAnswered) | add),
          bootFailures: (map(.bootFailures) | add),
          connectedAtSample: $connected, serverRssBeforeKiB: $rss0, serverRssAfterKiB: $rss1, serverThreads: $threads,
          serverKiBPerStation: (if $connected > 0 then (($rss1 - $rss0) / $connected) else null end),
          generatorKiBPerStation: ((map(.generatorKiBPerStation) | add) / length),
          generatorRssAfterKiB: (map(.generatorRssAfterKiB) | max)
        }' "$RUN_DIR"/hold-"$label"-[0-9]*.json >"$RUN_DIR/hold-$label.json" || fail "could not combine the hold figures of $label"
    jq -c '{"label", connectedAtSample, stationsHeld, serverKiBPerStation, generatorKiBPerStation, loadAverage}' "$RUN_DIR/hold-$label.json" >&2
}
