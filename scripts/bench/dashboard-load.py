#!/usr/bin/env python3
"""Closed-loop load on one gateway page, reading its Server-Timing header.

Each of C workers sends GET <url> with the given bearer token back to back for D seconds and records
the client-side latency and the page's Server-Timing entries: every downstream call (service;desc;dur),
the template rendering (render;dur) and the page's own total, which includes the rendering. Prints one JSON object: client latency percentiles, requests/s, the slowest
downstream call per request (percentiles), and the composition ratio (page total / slowest call) at
p50, computed both as a ratio of medians and as the median of per-request ratios, with and without the
rendering.

Standard library only, so it runs wherever python3 does.
"""
import argparse
import http.client
import json
import re
import statistics
import threading
import time
import urllib.parse

ENTRY = re.compile(r'\s*([A-Za-z0-9_-]+)(?:;desc="([^"]*)")?;dur=([0-9.]+)')


def percentile(values, p):
    if not values:
        return None
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def worker(url, token, deadline, out, errors, accept="text/html"):
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    path = u.path + ("?" + u.query if u.query else "")
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Authorization": "Bearer " + token, "Accept": accept})
            resp = conn.getresponse()
            resp.read()
        except Exception as e:  # noqa: BLE001 - a failed request is counted, not fatal
            errors.append(repr(e))
            conn.close()
            conn = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
            continue
        elapsed = (time.perf_counter() - started) * 1000.0
        timing = resp.getheader("Server-Timing") or ""
        calls, total, render = [], None, None
        for m in ENTRY.finditer(timing):
            name, desc, dur = m.group(1), m.group(2), float(m.group(3))
            if name == "total":
                total = dur
            elif name == "render":
                render = dur
            else:
                calls.append((name, desc, dur))
        out.append((resp.status, elapsed, total, calls, render))
    conn.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--connections", type=int, default=4)
    ap.add_argument("--duration", type=float, default=20)
    ap.add_argument("--accept", default="text/html", help="Accept header (text/html for pages, application/json for the APIs)")
    args = ap.parse_args()

    out, errors = [], []
    deadline = time.monotonic() + args.duration
    threads = [threading.Thread(target=worker, args=(args.url, args.token, deadline, out, errors, args.accept))
               for _ in range(args.connections)]
    began = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - began

    ok = [r for r in out if r[0] == 200]
    client = [r[1] for r in ok]
    totals = [r[2] for r in ok if r[2] is not None]
    slowest = [max(c[2] for c in r[3]) for r in ok if r[3]]
    ratios = [r[2] / max(c[2] for c in r[3]) for r in ok if r[3] and r[2] is not None and max(c[2] for c in r[3]) > 0]
    renders = [r[4] for r in ok if r[4] is not None]
    # The page without its template rendering: what composing the calls cost.
    composed = [r[2] - r[4] for r in ok if r[2] is not None and r[4] is not None]
    composed_ratios = [(r[2] - r[4]) / max(c[2] for c in r[3]) for r in ok
                       if r[3] and r[2] is not None and r[4] is not None and max(c[2] for c in r[3]) > 0]
    per_call = {}
    for r in ok:
        for name, desc, dur in r[3]:
            per_call.setdefault(name + " " + (desc or ""), []).append(dur)
    result = {
        "requests": len(out),
        "non_200": len(out) - len(ok),
        "errors": len(errors),
        "requests_per_s": round(len(out) / wall, 1),
        "client_ms": {p: round(percentile(client, int(p[1:])), 1) for p in ("p50", "p95", "p99")} if client else None,
        "server_total_ms": {p: round(percentile(totals, int(p[1:])), 1) for p in ("p50", "p95", "p99")} if totals else None,
        "slowest_call_ms": {p: round(percentile(slowest, int(p[1:])), 1) for p in ("p50", "p95", "p99")} if slowest else None,
        "ratio_of_p50s": round(statistics.median(totals) / statistics.median(slowest), 2) if totals and slowest else None,
        "client_ratio_of_p50s": round(statistics.median(client) / statistics.median(slowest), 2) if client and slowest else None,
        "median_ratio": round(statistics.median(ratios), 2) if ratios else None,
        "render_ms": {p: round(percentile(renders, int(p[1:])), 1) for p in ("p50", "p95", "p99")} if renders else None,
        "composed_ms": {p: round(percentile(composed, int(p[1:])), 1) for p in ("p50", "p95", "p99")} if composed else None,
        "composed_ratio_of_p50s": round(statistics.median(composed) / statistics.median(slowest), 2) if composed and slowest else None,
        "composed_median_ratio": round(statistics.median(composed_ratios), 2) if composed_ratios else None,
        "calls_p50_ms": {k: round(statistics.median(v), 1) for k, v in sorted(per_call.items())},
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
