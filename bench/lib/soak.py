#!/usr/bin/env python3
"""Helpers of bench/soak.sh (standard library only).

  soak.py seed-tags PORT PATTERN COUNT          PUT COUNT Accepted id tags into the Central System's operator API
  soak.py transactions PORT OUT.json            every transaction the Central System knows, paged, into one JSON list
  soak.py memory PID                            the process's resident memory split: GC heap range, malloc arenas (KiB)
  soak.py analyse RUN_DIR                       verdicts (verdicts.txt, summary.json) and the RESULTS.md section (section.md)

The analysis reads RUN_DIR/samples.tsv (written by soak.sh), RUN_DIR/counters.csv (dotnet-counters, when there),
RUN_DIR/fleet-report.json, RUN_DIR/transactions.json and RUN_DIR/run.env; it exits 1 when a verdict fails, after
writing every file.
"""

import collections
import csv
import http.client
import json
import os
import re
import platform
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone


def api(port):
    return http.client.HTTPConnection("127.0.0.1", int(port), timeout=60)


def seed_tags(port, pattern, count):
    conn = api(port)
    body = json.dumps({"status": "Accepted"}).encode()
    for n in range(1, int(count) + 1):
        tag = format_net(pattern, n)
        conn.request("PUT", f"/api/id-tags/{tag}", body=body, headers={"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        if response.status != 200:
            sys.exit(f"PUT /api/id-tags/{tag} answered {response.status}")
    conn.close()


def format_net(pattern, n):
    """The .NET composite formats the fleet uses for cards: {0:000} (zero-padded) or {0}."""
    start = pattern.index("{0")
    end = pattern.index("}", start)
    spec = pattern[start + 2:end]
    digits = len(spec[1:]) if spec.startswith(":") and set(spec[1:]) == {"0"} else 0
    return pattern[:start] + str(n).zfill(digits) + pattern[end + 1:]


def transactions(port, out):
    conn = api(port)
    items, offset, total = [], 0, None
    while total is None or offset < total:
        conn.request("GET", f"/api/transactions?offset={offset}&limit=1000")
        response = conn.getresponse()
        page = json.loads(response.read())
        if response.status != 200:
            sys.exit(f"GET /api/transactions answered {response.status}")
        total = page["total"]
        if not page["items"]:
            break
        items.extend(page["items"])
        offset += len(page["items"])
    # The history in memory is bounded (Csms:KeepStoppedTransactions): the counts since the start cover all.
    conn.request("GET", "/api/transactions/summary")
    response = conn.getresponse()
    counts = json.loads(response.read()) if response.status == 200 else None
    conn.close()
    with open(out, "w") as f:
        json.dump(items, f)
    with open(os.path.splitext(out)[0] + "-summary.json", "w") as f:
        json.dump(counts, f)
    print(len(items))


def read_env(path):
    env = {}
    with open(path) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                env[k] = v
    return env


def read_samples(path):
    rows = []
    with open(path) as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            values = line.rstrip("\n").split("\t")
            row = {}
            for k, v in zip(header, values):
                try:
                    row[k] = float(v) if "." in v else int(v)
                except ValueError:
                    row[k] = None if v in ("", "null") else v
            rows.append(row)
    return rows


def mib(kib):
    return kib / 1024


def fmt_mib(kib):
    return "n/a" if kib is None else f"{mib(kib):.0f}"


# The Central System's RSS must not grow in the steady state: the slope over the last SLOPE_WINDOW of the run.
RSS_SLOPE_LIMIT_MIB_PER_MIN = 0.5


def memory_split(pid):
    """Resident KiB of the GC's reserved range and of glibc's malloc arenas, from /proc/PID/smaps.

    The GC reserves one large range up front (the biggest inaccessible anonymous mapping, with the regions it has
    committed just below it); a glibc arena is a 64 MiB-aligned anonymous heap. What is neither (thread stacks,
    the runtime's own mappings, files, JIT code) is left out: it does not grow in a steady state.
    """
    maps, cur = [], None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            m = re.match(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$", line)
            if m:
                cur = [int(m.group(1), 16), int(m.group(2), 16), m.group(3), m.group(4).strip(), 0]
                maps.append(cur)
            elif cur is not None and line.startswith("Rss:"):
                cur[4] = int(line.split()[1])
    anon = [m for m in maps if m[3] == ""]
    reserved = [m for m in anon if m[2] == "---p"]
    if not reserved:
        return 0, 0
    big = max(reserved, key=lambda m: m[1] - m[0])
    i = maps.index(big)
    low = big[0]
    while i > 0 and maps[i - 1][1] == maps[i][0] and maps[i - 1][3] == "":
        i -= 1
        low = maps[i][0]
    in_gc = lambda m: low <= m[0] < big[1]
    arenas = {m[0] >> 26 for m in anon if m[0] & ((1 << 26) - 1) == 0 and not in_gc(m)}
    gc = sum(m[4] for m in anon if in_gc(m))
    malloc = sum(m[4] for m in anon if not in_gc(m) and (m[0] >> 26) in arenas)
    return gc, malloc


def read_counters(path):
    """{Unix time: {counter: value}} from a dotnet-counters CSV (local-time stamps); tagged series are summed."""
    if not os.path.exists(path):
        return {}
    series = collections.defaultdict(lambda: collections.defaultdict(float))
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            try:
                at = datetime.strptime(row["Timestamp"][:19], "%m/%d/%Y %H:%M:%S")
            except (KeyError, ValueError):
                try:
                    at = datetime.fromisoformat(row["Timestamp"][:19])
                except (KeyError, ValueError):
                    continue
            name = row.get("Counter Name", "").split(" (")[0].split("[")[0].strip()
            value = row.get("Mean/Increment") or row.get("Mean/Increment/Value") or ""
            try:
                series[time.mktime(at.timetuple())][name] += float(value)
            except ValueError:
                continue
    return series


def slope_over(points):
    """Least-squares slope of [(minutes, MiB)], or None with fewer than three points."""
    if len(points) < 3 or len({x for x, _ in points}) < 2:
        return None
    return statistics.linear_regression([x for x, _ in points], [y for _, y in points]).slope


def memory_trend(rows, key, t0, t1):
    """Mean RSS of the first and second half of [t0, t1] and the slope of the second half (MiB/min)."""
    window = [r for r in rows if t0 <= r["t_s"] <= t1 and r.get(key)]
    if len(window) < 4:
        return None
    mid = (t0 + t1) / 2
    first = [r[key] for r in window if r["t_s"] <= mid]
    second = [r for r in window if r["t_s"] > mid]
    if not first or len(second) < 2:
        return None
    xs = [r["t_s"] / 60 for r in second]
    ys = [mib(r[key]) for r in second]
    slope = statistics.linear_regression(xs, ys).slope if len(set(xs)) > 1 else 0.0
    m1, m2 = statistics.mean(first), statistics.mean([r[key] for r in second])
    return {
        "from_s": t0, "to_s": t1,
        "start_kib": window[0][key], "end_kib": window[-1][key],
        "peak_kib": max(r[key] for r in window),
        "first_half_mean_kib": m1, "second_half_mean_kib": m2,
        "growth_pct": (m2 - m1) / m1 * 100,
        "second_half_slope_mib_per_min": slope,
    }


def sh(*cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "n/a"


def analyse(run_dir):
    env = read_env(os.path.join(run_dir, "run.env"))
    rows = read_samples(os.path.join(run_dir, "samples.tsv"))
    with open(os.path.join(run_dir, "fleet-report.json")) as f:
        report = json.load(f)
    with open(os.path.join(run_dir, "transactions.json")) as f:
        txs = json.load(f)
    counts_path = os.path.join(run_dir, "transactions-summary.json")
    counts = None
    if os.path.exists(counts_path):
        with open(counts_path) as f:
            counts = json.load(f)

    stations = int(env["STATIONS"])
    duration_s = int(env["DURATION_S"])
    during = [r for r in rows if r["phase"] == "run"]
    after = [r for r in rows if r["phase"] == "after"]
    # Steady state: from the first sample with every station connected to the end of the fleet's duration.
    ramp_end = next((r["t_s"] for r in during if (r["connected"] or 0) >= stations), None)
    steady = [r for r in during if ramp_end is not None and ramp_end <= r["t_s"] <= duration_s]

    verdicts = []

    def verdict(ok, text):
        verdicts.append(("ok  " if ok else "FAIL") + " " + text)
        return ok

    errors = report.get("errors", {})
    error_total = sum(errors.values())
    verdict(error_total == 0, f"fleet errors: {error_total}" + ("" if not errors else " (" + ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) + ")"))

    if ramp_end is None:
        verdict(False, f"stations connected: never all {stations} in the samples (most: {max((r['connected'] or 0) for r in during) if during else 'n/a'})")
    else:
        low = min(r["connected"] for r in steady)
        verdict(low >= stations, f"stations connected per the Central System from {ramp_end:.0f} s to the end: min {low}, of {stations}")

    sessions = report["sessions"]
    active = [t for t in txs if t["active"]]
    unknown = [t for t in txs if t["startUnknown"]]
    dup = [t for t in txs if t["duplicateStops"]]
    not_accepted = [t for t in txs if t["startAuthorization"] != "Accepted"]
    stopped = [t for t in txs if not t["active"]]
    verdict(not active, f"transactions left running after the fleet stopped: {len(active)} of {len(txs)}"
            + ("" if not active else " (e.g. " + ", ".join(f"{t['transactionId']}@{t['chargePointId']}/{t['connectorId']}" for t in active[:5]) + ")"))
    verdict(not unknown and not dup, f"stopped transactions with exactly one stop: {len(stopped) - len(dup)} of {len(stopped)}; "
            f"duplicate stops on {len(dup)}, stop without a known start on {len(unknown)} (of the transactions held in memory)")
    if counts is not None:
        # Every transaction since the start, also those let go from memory.
        verdict(counts["started"] == sessions["started"] and counts["stopped"] == counts["started"] and counts["running"] == 0
                and counts["stoppedWithoutStart"] == 0 and counts["repeatedStops"] == 0 and counts["foreignStops"] == 0,
                f"Central System counts since start: {counts['started']} started, {counts['stopped']} stopped, {counts['running']} running, "
                f"{counts['stoppedWithoutStart']} stopped without a known start, {counts['repeatedStops']} repeated and "
                f"{counts['foreignStops']} foreign stops, {counts['repeatedStarts']} resent starts; {counts['letGo']} let go from memory, "
                f"{counts['held']} held; sessions started by the fleet: {sessions['started']}, completed: {sessions['completed']}")
        verdict(not not_accepted, f"starts not Accepted among the {len(txs)} transactions held: {len(not_accepted)}")
    else:
        verdict(len(txs) == sessions["started"] and not not_accepted,
                f"transactions at the Central System: {len(txs)}, sessions started by the fleet: {sessions['started']}, "
                f"completed: {sessions['completed']}; starts not Accepted: {len(not_accepted)}")
    verdict(sessions["failed"] == 0 and sessions["refused"] == 0,
            f"fleet sessions failed: {sessions['failed']}, refused: {sessions['refused']}, skipped (station not ready): {sessions['skipped']}")

    # The steady-state window: the last SLOPE_WINDOW of the run (20 minutes by default), after the ramp.
    window_s = int(env.get("SLOPE_WINDOW_S", "1200"))
    w0 = max(ramp_end if ramp_end is not None else 0, duration_s - window_s)
    memory = {"window": {"from_s": w0, "to_s": duration_s}}
    in_window = [r for r in during if w0 <= r["t_s"] <= duration_s]

    def kib_slope(key):
        return slope_over([(r["t_s"] / 60, mib(r[key])) for r in in_window if r.get(key)])

    rss_slope = kib_slope("csms_rss_kib")
    memory["csms_rss_slope_mib_per_min"] = rss_slope
    span = f"minutes {w0 / 60:.1f}–{duration_s / 60:.1f}"
    if rss_slope is None:
        verdict(False, f"Central System RSS slope over {span}: too few samples to judge")
    else:
        ends = [r["csms_rss_kib"] for r in in_window if r.get("csms_rss_kib")]
        verdict(rss_slope <= RSS_SLOPE_LIMIT_MIB_PER_MIN,
                f"Central System RSS slope over {span}: {rss_slope:+.2f} MiB/min (limit {RSS_SLOPE_LIMIT_MIB_PER_MIN} MiB/min; "
                f"RSS {fmt_mib(ends[0])} → {fmt_mib(ends[-1])} MiB, peak {fmt_mib(max(ends))})")
    # Where the RSS is: the GC's range and glibc's malloc arenas (smaps), and the live managed heap (dotnet-counters).
    parts = []
    for key, name in (("csms_gc_kib", "GC heap range"), ("csms_malloc_kib", "malloc arenas")):
        value = kib_slope(key)
        memory[key + "_slope"] = value
        if value is not None:
            parts.append(f"{name} {value:+.2f}")
    counters = read_counters(os.path.join(run_dir, "counters.csv"))
    if counters:
        offset = -float(env.get("FLEET_STARTED", "0"))
        for counter, name in (("dotnet.gc.last_collection.heap.size", "managed heap after the last GC"),
                              ("dotnet.gc.last_collection.memory.committed_size", "GC committed")):
            points = [((t + offset) / 60, c[counter] / 1048576) for t, c in sorted(counters.items()) if counter in c and w0 <= t + offset <= duration_s]
            value = slope_over(points)
            memory[counter + ".slope"] = value
            if value is not None:
                parts.append(f"{name} {value:+.2f} ({points[0][1]:.0f} → {points[-1][1]:.0f} MiB)")
    # The bounded transaction history grows until it is full; growth before then is by design, not a leak.
    full_at = next((r["t_s"] for r in during if (r.get("tx_let_go") or 0) > 0), None)
    memory["history_full_at_s"] = full_at
    parts.append("transaction history full " + (f"from minute {full_at / 60:.1f}" if full_at is not None else "never during the run")
                 + (" (inside the window: its filling counts in the slope)" if full_at is None or full_at > w0 else ""))
    memory_line = "info " + (f"Central System memory slopes over {span} (MiB/min): " + ", ".join(parts))

    trend = memory_trend(rows, "fleet_rss_kib", ramp_end if ramp_end is not None else 0, duration_s) if during else None
    memory["fleet_rss_kib"] = trend
    if trend is None:
        verdict(False, "fleet memory: too few samples after the ramp to judge")
    else:
        # The fleet is the load, not what is measured: flat enough when its second half grows by at most 1% of its mean a minute.
        limit = mib(trend["second_half_mean_kib"]) * 0.01
        flat = trend["second_half_slope_mib_per_min"] <= limit
        verdict(flat, f"fleet memory {'flat' if flat else 'GROWS'}: RSS {fmt_mib(trend['start_kib'])} MiB after the ramp, "
                f"{fmt_mib(trend['end_kib'])} MiB at the end (peak {fmt_mib(trend['peak_kib'])}); second half slope "
                f"{trend['second_half_slope_mib_per_min']:+.2f} MiB/min (flat = at most {limit:.1f} MiB/min, 1% of its mean)")

    loads = [r["load1"] for r in during if r.get("load1") is not None]
    load_line = (f"load average (1 min) over the run: min {min(loads):.2f}, mean {statistics.mean(loads):.2f}, max {max(loads):.2f} on "
                 f"{os.cpu_count()} cores") if loads else "load average: n/a"

    summary = {"verdicts": verdicts, "errors": errors, "sessions": sessions, "transactions": len(txs),
               "memory": memory, "memoryLine": memory_line, "rampEnd_s": ramp_end, "load": load_line}
    with open(os.path.join(run_dir, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    with open(os.path.join(run_dir, "verdicts.txt"), "w") as f:
        f.write("\n".join(verdicts + [memory_line, load_line]) + "\n")
    with open(os.path.join(run_dir, "section.md"), "w") as f:
        f.write(section(run_dir, env, rows, report, txs, verdicts + [memory_line], load_line, ramp_end))
    return all(v.startswith("ok") for v in verdicts)


def table_rows(rows, duration_s):
    """About a dozen rows: one per 2-3 minutes of a 30-minute run (scaled for shorter runs), plus the last samples."""
    during = [r for r in rows if r["phase"] == "run"]
    if not during:
        return []
    step = 150 if duration_s >= 1200 else max(duration_s / 10, 1)
    picked, next_t = [], 0.0
    for r in during:
        if r["t_s"] >= next_t:
            picked.append(r)
            next_t = (int(r["t_s"] / step) + 1) * step
    if during[-1] is not picked[-1]:
        picked.append(during[-1])
    picked += [r for r in rows if r["phase"] != "run"]
    return picked


def section(run_dir, env, rows, report, txs, verdicts, load_line, ramp_end):
    repo = env["REPO_DIR"]
    cpu_model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "n/a")
    mem_total = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0) / 1048576
    os_name = next((l.split("=", 1)[1].strip().strip('"') for l in open("/etc/os-release") if l.startswith("PRETTY_NAME")), "n/a")
    commit = sh("git", "-C", repo, "rev-parse", "--short", "HEAD")
    dirty = subprocess.run(["git", "-C", repo, "diff", "--quiet", "HEAD", "--", "csms", "protocol", "simulator"]).returncode != 0
    sessions = report["sessions"]
    stations = int(env["STATIONS"])
    duration_s = int(env["DURATION_S"])
    date = datetime.now(timezone.utc).strftime("%Y-%m-%d")
    ok = all(v.startswith(("ok", "info")) for v in verdicts)

    lines = [
        f"## {date} — soak: {stations:,} stations for {env['DURATION']} ({os.path.basename(run_dir)})",
        "",
        f"**Machine:** {os.cpu_count()} cores, {cpu_model}, {mem_total:.1f} GiB RAM, {os_name}, kernel {platform.release()}; "
        f".NET SDK {sh('dotnet', '--version')}; open-files limit {env['NOFILE']}; commit {commit}"
        + (" (csms/protocol/simulator with uncommitted changes)" if dirty else "") + ".",
        f"The machine was shared: other builds and test runs went on during the soak, so CPU figures and latencies are "
        f"noisy. {load_line[0].upper() + load_line[1:]}.",
        "",
        f"**Overall: {'every check passed' if ok else 'checks failed, see the verdicts'}.**",
        "",
        "Commands (from the repository root; `PORT` is the port the OS gave the Central System):",
        "",
        "```sh",
    ]
    with open(os.path.join(run_dir, "commands.txt")) as f:
        lines += [l.rstrip("\n").replace(repo + "/", "").replace("&& env  ./", "&& ./") for l in f if l.strip()]
    lines += [
        "```",
        "",
        "Memory is VmRSS of each process, CPU is utime+stime (cumulative seconds), stations and transactions are as the "
        "Central System's operator API reports them (`/api/charge-points?connected=true`, `/api/transactions`).",
        "",
        "| Elapsed | CSMS RSS (MiB) | CSMS CPU (s) | Fleet RSS (MiB) | Fleet CPU (s) | Connected | Transactions running / held in memory | Load (1 min) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in table_rows(rows, duration_s):
        label = f"{r['t_s'] / 60:.1f} min" + (" (fleet stopped)" if r["phase"] == "after" else "")
        fleet_rss = fmt_mib(r["fleet_rss_kib"]) if r.get("fleet_rss_kib") else "—"
        fleet_cpu = f"{r['fleet_cpu_s']:.0f}" if r.get("fleet_cpu_s") is not None and r.get("fleet_rss_kib") else "—"
        lines.append(f"| {label} | {fmt_mib(r['csms_rss_kib'])} | {r['csms_cpu_s']:.0f} | {fleet_rss} | {fleet_cpu} | "
                     f"{r['connected']} | {r['tx_active']} / {r['tx_total']} | {r['load1']:.2f} |")

    errors = report.get("errors", {})
    lines += ["", "**Fleet errors by kind:** " + (", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) if errors else "none") + ".",
              "",
              f"**Sessions (fleet):** {sessions['arrivals']:,} arrivals, {sessions['started']:,} started, {sessions['completed']:,} completed, "
              f"{sessions['refused']} refused, {sessions['skipped']} skipped, {sessions['failed']} failed. "
              f"**Transactions (Central System):** {len(txs):,} held in memory at the end, {sum(1 for t in txs if t['active'])} of them still running after the fleet stopped "
              f"(the counts since the start, which include those let go from memory, are in the verdicts). "
              f"Calls sent by the fleet: {report['callsSent']:,} (mean {report['meanCallsPerSecond']:.0f}/s, peak {report['peakCallsPerSecond']:.0f}/s); "
              f"fleet process peak RSS {report['process']['peakRssBytes'] / 1048576:.0f} MiB.",
              "",
              "Latency per action as the stations measured it (request sent → answer received, ms):",
              "",
              "| Action | Calls | p50 | p95 | p99 | max |",
              "| --- | --- | --- | --- | --- | --- |"]
    for a in [report["connectTime"], report["bootTime"]] + sorted(report["actions"], key=lambda a: -a["count"]):
        lines.append(f"| {a['name']} | {a['count']:,} | {a['p50Ms']:.2f} | {a['p95Ms']:.2f} | {a['p99Ms']:.2f} | {a['maxMs']:.1f} |")
    lines += ["", "Verdicts:", "", "```"] + verdicts + ["```", ""]
    lines.append(f"Raw samples every {env['SAMPLE']} (`samples.tsv`), the fleet report, the transaction list and both logs: "
                 f"`bench/runs/{os.path.basename(run_dir)}/` (not committed).")
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "seed-tags":
        seed_tags(*args)
    elif command == "transactions":
        transactions(*args)
    elif command == "memory":
        print(*memory_split(*args))
    elif command == "analyse":
        sys.exit(0 if analyse(*args) else 1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
