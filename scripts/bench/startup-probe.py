#!/usr/bin/env python3
"""Start one service JVM, time it to a 200 from /health, warm it up, read its resident memory.

    startup-probe.py --port P --path /api/v1/... --requests N [--token-url URL --user U --password W]
                     [--timeout S] [--log FILE] -- java [options] -jar service.jar

1. starts the command (environment inherited) and polls http://127.0.0.1:P/health every 20 ms;
   "healthy_ms" is the wall-clock time from just before the process is forked to the first 200;
2. signs in (POST --token-url with the demo user; the gateway may be the process itself) and sends
   N GET requests to --path one after another on one keep-alive connection (every status counted);
3. waits 1 s, reads VmRSS and VmHWM from /proc/<pid>/status;
4. stops the process with SIGTERM (SIGKILL after 20 s) and prints one JSON object.

Micronaut's own "Startup completed in X ms" line is read from the log when present.
Standard library only.
"""
import argparse
import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request


def status(port, path, headers=None, timeout=2.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        resp.read()
        return resp.status
    finally:
        conn.close()


def proc_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--path", required=True)
    ap.add_argument("--requests", type=int, default=300)
    ap.add_argument("--token-url")
    ap.add_argument("--user", default="chair")
    ap.add_argument("--password", default="quadrant-demo-2026")
    ap.add_argument("--timeout", type=float, default=90)
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.command[1:] if args.command and args.command[0] == "--" else args.command
    if not cmd:
        ap.error("no command")

    # Stopped from outside (the benchmark interrupted): still stop the JVM, in the finally below.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    log = open(args.log, "wb")
    began = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    result = {"pid": proc.pid}
    try:
        healthy = None
        while time.perf_counter() - began < args.timeout:
            if proc.poll() is not None:
                raise SystemExit(f"startup-probe: the process exited ({proc.returncode}) before /health answered; see {args.log}")
            try:
                if status(args.port, "/health", timeout=1.0) == 200:
                    healthy = time.perf_counter() - began
                    break
            except OSError:
                pass
            time.sleep(0.02)
        if healthy is None:
            raise SystemExit(f"startup-probe: /health not 200 within {args.timeout} s")
        result["healthy_ms"] = round(healthy * 1000)
        result["rss_at_healthy_kb"] = proc_kb(proc.pid, "VmRSS")

        headers = {"Accept": "application/json"}
        if args.token_url:
            body = json.dumps({"username": args.user, "password": args.password}).encode()
            req = urllib.request.Request(args.token_url, data=body, headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=10) as r:
                headers["Authorization"] = "Bearer " + json.load(r)["access_token"]
        codes = {}
        conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        t0 = time.perf_counter()
        for _ in range(args.requests):
            try:
                conn.request("GET", args.path, headers=headers)
                resp = conn.getresponse()
                resp.read()
                codes[resp.status] = codes.get(resp.status, 0) + 1
            except OSError:
                codes["error"] = codes.get("error", 0) + 1
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=10)
        conn.close()
        result["warmup_requests"] = args.requests
        result["warmup_s"] = round(time.perf_counter() - t0, 2)
        result["warmup_status"] = {str(k): v for k, v in codes.items()}
        time.sleep(1)
        result["rss_kb"] = proc_kb(proc.pid, "VmRSS")
        result["hwm_kb"] = proc_kb(proc.pid, "VmHWM")
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        log.close()
    try:
        m = re.search(rb"Startup completed in (\d+)ms", open(args.log, "rb").read())
        result["micronaut_startup_ms"] = int(m.group(1)) if m else None
    except OSError:
        result["micronaut_startup_ms"] = None
    print(json.dumps(result))


if __name__ == "__main__":
    main()
