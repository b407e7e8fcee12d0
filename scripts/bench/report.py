#!/usr/bin/env python3
"""The Markdown report of scripts/bench/indicators-bench.sh, from its raw directory.

    BENCH_*=... scripts/bench/report.py RAW_DIR > results.md

RAW_DIR holds the tab-separated files the benchmark writes (setup.tsv, import.tsv, endpoints.tsv,
solo.tsv, wrk.tsv); the run's context comes in BENCH_* environment variables (see the end of
indicators-bench.sh). Kept apart so that a report can be made again from a kept run (--keep).
"""
import os, statistics, sys
raw, env = sys.argv[1], os.environ

def rows(name):
    path = os.path.join(raw, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]

out = []
w = out.append
w("# indicators-service benchmark, %s UTC%s" % (env["BENCH_STAMP"], " (quick)" if env["BENCH_QUICK"] == "true" else ""))
w("")
w("- command: `%s`" % env["BENCH_CMD"])
w("- source: %s" % env["BENCH_COMMIT"])
w("- machine: %s" % env["BENCH_MACHINE"])
w("- JDK: %s; JVM options %s; H2 embedded (file), both services on loopback" % (env["BENCH_JDK"], env["BENCH_JAVA_OPTS"]))
w("- dataset: %s" % env["BENCH_SIZES"])
w("- load generator: %s, %s; reads as the board manager" % (env["BENCH_WRK"], env["BENCH_WRK_ARGS"]))
if env.get("BENCH_SIGNOFF"):
    w("- values: %s" % env["BENCH_SIGNOFF"])
w("- load average (1, 5, 15 min): %s" % env["BENCH_LOADS"])
w("- whole run: %.0f s" % float(env["BENCH_TOTAL_SECS"]))
w("")

setup = rows("setup.tsv")
imp = rows("import.tsv")
if imp:
    total = sum(int(r[1]) for r in imp)
    secs = float(env["BENCH_IMPORT_SECS"])
    rates = [float(r[3]) for r in imp]
    w("## Import")
    w("")
    w("| figure | value |")
    w("|---|---|")
    for s in setup:
        w("| setup: %s (API, curl --parallel 4) | %s calls in %.1f s |" % (s[0], s[1], float(s[2])))
    w("| rows imported | %d in %d request(s) |" % (total, len(imp)))
    w("| **overall rate (wall clock)** | **%.0f rows/s** (%.1f s) |" % (total / secs, secs))
    w("| per chunk: median / min / max | %.0f / %.0f / %.0f rows/s |" % (statistics.median(rates), min(rates), max(rates)))
    w("| first chunk / last chunk | %.0f / %.0f rows/s |" % (rates[0], rates[-1]))
    cpu = float(env["BENCH_IMPORT_CPU"])
    if cpu > 0:
        w("| indicators-service CPU during the import | %.1f s = %.0f rows per CPU-second |" % (cpu, total / cpu))
    w("| H2 file after import | %.0f MB |" % (int(env["BENCH_H2_BYTES"]) / 1e6))
    w("")
    w("<details><summary>per chunk</summary>")
    w("")
    w("| chunk | rows | seconds | rows/s |")
    w("|---|---|---|---|")
    for r in imp:
        w("| %s | %s | %.2f | %s |" % (r[0], r[1], float(r[2]), r[3]))
    w("")
    w("</details>")
    w("")

runs = rows("wrk.tsv")
if runs:
    info = {r[0]: r for r in rows("endpoints.tsv")}
    by = {}
    for r in runs:
        kv = dict(p.split("=", 1) for p in r[2].split())
        kv["load"] = "%s -> %s" % (r[3].split()[0], r[4].split()[0])
        by.setdefault(r[0], []).append(kv)
    med = lambda xs, k: statistics.median(float(x[k]) for x in xs)
    # wrk counts a request that hit its timeout but keeps no latency for it: a run whose requests
    # all timed out has percentiles of 0, which must not read as fast.
    answered = lambda x: int(x["requests"]) - int(x["err_timeout"])
    finished = lambda x: answered(x) > 0 and float(x["max_ms"]) > 0
    w("## Reads under load (median of %d run(s))" % max(len(v) for v in by.values()))
    w("")
    w("| endpoint | items with a value / items | bytes | one at a time ms | p50 ms | p95 ms | p99 ms | req/s | service CPU ms/req | errors | load 1 min before -> after |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    solo = {r[0]: [float(t) * 1000 for t in r[1].split()] for r in rows("solo.tsv") if len(r) > 1 and r[1].strip()}
    dur = float(env["BENCH_DURATION"])
    for name, xs in by.items():
        errs = sum(int(x[k]) for x in xs for k in ("err_connect", "err_read", "err_write", "err_status", "err_timeout"))
        i = info.get(name, [name, "?", "?", "?"])
        done = [x for x in xs if finished(x)]
        ms = lambda k: ("%.1f" % med(done, k)) if len(done) == len(xs) else ("> 10000 (%d of %d runs: no answer within wrk's 10 s timeout)" % (len(xs) - len(done), len(xs)) if not done else "%.1f*" % med(done, k))
        cpu_ms = ("%.0f%s" % (statistics.median(1000 * float(x["service_cpu_s"]) / answered(x) for x in done), "" if len(done) == len(xs) else "*")) if done else "n/a"
        s = solo.get(name)
        w("| `GET %s` | %s | %s | %s | %s | %s | %s | %.1f | %s | %d | %s |" % (
            i[1], i[2], i[3], ("%.0f" % statistics.median(s)) if s else "?", ms("p50_ms"), ms("p95_ms"), ms("p99_ms"),
            med(xs, "rps"), cpu_ms, errs, "; ".join(x["load"] for x in xs)))
    w("")
    w("One at a time: the median of up to 5 sequential requests. Service CPU per request: the")
    w("indicators-service process's CPU time during a run divided by the requests answered in it")
    w("(contention from other work on the machine stretches latency much more than it changes this;")
    w("requests a client gave up on are still computed, and their CPU is counted).")
    w("A * marks a median over only the runs in which requests were answered.")
    w("")
    w("<details><summary>every run</summary>")
    w("")
    w("| endpoint | run | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | service CPU s | load before | load after |")
    w("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        kv = dict(p.split("=", 1) for p in r[2].split())
        w("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (r[0], r[1], kv["requests"], kv["p50_ms"], kv["p95_ms"],
          kv["p99_ms"], kv["max_ms"], kv["rps"], kv["service_cpu_s"], r[3], r[4]))
    w("")
    w("</details>")
    w("")

w("## Targets")
w("")
if imp:
    rate = total / float(env["BENCH_IMPORT_SECS"])
    w("- import > 50,000 rows/s: %.0f rows/s, **%s**" % (rate, "met" if rate > 50000 else "not met"))
sc = by.get("scorecard") if runs else None
if sc:
    done = [x for x in sc if finished(x) and int(x["err_timeout"]) == 0]
    if len(done) == len(sc):
        p95 = med(sc, "p95_ms")
        w("- scorecard p95 < 50 ms: %.1f ms, **%s**" % (p95, "met" if p95 < 50 else "not met"))
    else:
        w("- scorecard p95 < 50 ms: **not met** (%d of %d runs had requests time out at 10 s)" % (len(sc) - len(done), len(sc)))
w("")
if env.get("BENCH_JFR"):
    w("JFR recordings and their hottest frames: `%s`" % env["BENCH_JFR"])
    w("")
print("\n".join(out))
