#!/usr/bin/env python3
"""The published-statistics figures of issue 16, against a running suite (see benchmarks-bench.sh).

  benchmarks-load.py --gateway URL --indicators URL --token T --file EES.csv [--indicators-count N]
                     [--samples S] [--prefix P]

1. defines N indicators (P-001 …, half COUNT lower-is-better, half RATE_PER_10K higher-is-better (the
   rate worked out from the counts and the ONS populations),
   one in five NEUTRAL) through the indicators-service API, maps each to the file's
   children_count for "children looked after on 31 March", and imports the file for each: the
   first import is a dry run, every import is timed (the file as published, about 2,500 rows);
2. times S comparisons (GET /api/v1/indicators/{code}/comparison, latest period) round-robin over
   the N indicators, directly on indicators-service and through the gateway's pass-through;
3. times S loads of the gateway's /benchmarks page (every mapped indicator) and of its CSV.
Prints one JSON object: per figure n, p50, p95, max in milliseconds, and the counts.
Needs only the Python standard library.
"""
import argparse
import json
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request

FILTER = "population_type:Children looked after on 31 March each year"


def call(method, url, token, body=None, content_type="application/json", accept="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", "Bearer " + token)
    req.add_header("Accept", accept)
    if data is not None:
        req.add_header("Content-Type", content_type)
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=60) as resp:
            payload = resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        payload, status = e.read(), e.code
    return status, payload, (time.perf_counter() - started) * 1000


def summary(ms):
    ms = sorted(ms)
    if not ms:
        return None
    p95 = ms[min(len(ms) - 1, int(round(0.95 * len(ms))) - 1)]
    return {"n": len(ms), "p50": round(statistics.median(ms), 2), "p95": round(p95, 2), "max": round(ms[-1], 2)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gateway", required=True)
    ap.add_argument("--indicators", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("--indicators-count", type=int, default=100)
    ap.add_argument("--samples", type=int, default=400)
    ap.add_argument("--prefix", default="BENCH")
    a = ap.parse_args()
    csv = open(a.file, "rb").read()
    rows = csv.count(b"\n")
    codes, imports, dry, failures = [], [], [], []
    for i in range(1, a.indicators_count + 1):
        code = f"{a.prefix}-{i:03d}"
        rate = i % 2 == 0
        polarity = "NEUTRAL" if i % 5 == 0 else ("HIGHER_IS_BETTER" if rate else "LOWER_IS_BETTER")
        definition = {"code": code, "title": f"Benchmark check {i}", "unit": "RATE_PER_10K" if rate else "COUNT",
                      "polarity": polarity, "frequency": "FINANCIAL_YEAR", "ownerAgency": "CSC", "priority": 5,
                      "published": True}
        if rate:
            definition["population"] = "UNDER_18"  # rates per 10,000 children from the ONS populations
        status, body, _ = call("POST", f"{a.indicators}/api/v1/indicators", a.token, definition)
        if status not in (200, 201, 409):
            failures.append(f"define {code}: {status} {body[:200]!r}")
            continue
        status, body, _ = call("PUT", f"{a.indicators}/api/v1/benchmarks/mappings/{code}", a.token,
                               {"measure": "children_count", "filters": [FILTER]})
        if status != 200:
            failures.append(f"map {code}: {status} {body[:200]!r}")
            continue
        query = urllib.parse.urlencode({"format": "ees", "indicator": code, "measure": "children_count",
                                        "filter": FILTER, "fileName": a.file.rsplit("/", 1)[-1]})
        if i == 1:
            status, body, ms = call("POST", f"{a.indicators}/api/v1/benchmarks/import?{query}&dryRun=true", a.token,
                                    csv, "text/csv")
            dry.append(ms)
            if status != 200:
                failures.append(f"dry run {code}: {status} {body[:300]!r}")
        status, body, ms = call("POST", f"{a.indicators}/api/v1/benchmarks/import?{query}&dryRun=false", a.token,
                                csv, "text/csv")
        if status != 200:
            failures.append(f"import {code}: {status} {body[:300]!r}")
            continue
        imports.append(ms)
        codes.append(code)
    direct, through, page, page_csv = [], [], [], []
    bad = 0
    for n in range(a.samples):
        code = codes[n % len(codes)] if codes else None
        if code is None:
            break
        status, _, ms = call("GET", f"{a.indicators}/api/v1/indicators/{code}/comparison", a.token)
        bad += status != 200
        direct.append(ms)
        status, _, ms = call("GET", f"{a.gateway}/api/indicators/v1/indicators/{code}/comparison", a.token)
        bad += status != 200
        through.append(ms)
    for n in range(max(20, a.samples // 10)):
        status, body, ms = call("GET", f"{a.gateway}/benchmarks", a.token, accept="text/html")
        bad += status != 200
        page.append(ms)
        status, _, ms = call("GET", f"{a.gateway}/benchmarks.csv", a.token, accept="text/csv")
        bad += status != 200
        page_csv.append(ms)
    print(json.dumps({
        "file_lines": rows, "indicators_mapped": len(codes), "failures": failures[:10], "failed_count": len(failures),
        "non_200_reads": bad,
        "import_ms": summary(imports), "dry_run_ms": summary(dry),
        "comparison_direct_ms": summary(direct), "comparison_through_gateway_ms": summary(through),
        "benchmarks_page_ms": summary(page), "benchmarks_csv_ms": summary(page_csv),
    }))


if __name__ == "__main__":
    main()
