#!/usr/bin/env bash
# Benchmark of the board dashboard's composition on loopback: how long /board takes under load next
# to the slowest downstream call it makes (read from the page's Server-Timing header).
#
#   scripts/bench/dashboard-bench.sh [--quick] [--connections C] [--duration S] [--repeat R]
#
# 1. builds the four jars if missing or older than the sources (scripts/run-local.sh does);
# 2. starts the whole suite with its demo data on ports BASE..BASE+3 (default 28280, or
#    QUADRANT_BENCH_PORT_BASE) with a fresh temporary data directory; an EXIT trap stops it;
# 3. signs in as the board chair through POST /api/v1/auth/token;
# 4. warms up, then runs scripts/bench/dashboard-load.py R times (C closed-loop connections for S
#    seconds each) and reports the median of each figure: client p50/p95/p99, the page's own total,
#    the slowest downstream call per request, and the composition ratio (page total / slowest call);
# 5. writes a Markdown report to scripts/bench/results/dashboard-<time>[-quick].md.
# Options (defaults; quick=): --connections [4], --duration [20, quick=5], --repeat [3, quick=1],
#   --warmup [10, quick=3]. Needs: JDK 17+, python3, curl.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { echo "[dashboard-bench] $*"; }
die() { echo "[dashboard-bench] ERROR: $*" >&2; exit 1; }

ARGS="$*"
QUICK=false; CONNECTIONS=4; DURATION=""; REPEAT=""; WARMUP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --repeat) REPEAT="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
  shift
done
if $QUICK; then DURATION="${DURATION:-5}"; REPEAT="${REPEAT:-1}"; WARMUP="${WARMUP:-3}"; fi
DURATION="${DURATION:-20}"; REPEAT="${REPEAT:-3}"; WARMUP="${WARMUP:-10}"

# shellcheck source=scripts/bench/demo-suite.sh
. scripts/bench/demo-suite.sh
start_demo_suite dashboard-bench 28280

GW="http://127.0.0.1:$BASE"
TOKEN="$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"chair\",\"password\":\"$QUADRANT_DEMO_PASSWORD\"}" "$GW/api/v1/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
[ -n "$TOKEN" ] || die "could not sign in as the chair"

LOAD="python3 scripts/bench/dashboard-load.py --url $GW/board --token $TOKEN --connections $CONNECTIONS"
say "warm-up ${WARMUP}s"
$LOAD --duration "$WARMUP" > /dev/null
RUNS=()
for i in $(seq 1 "$REPEAT"); do
  say "run $i/$REPEAT: $CONNECTIONS connections for ${DURATION}s"
  RUNS+=("$($LOAD --duration "$DURATION")")
  echo "  ${RUNS[-1]}"
done

mkdir -p scripts/bench/results
STAMP="$(date -u +%Y%m%dT%H%M%SZ)"
OUT="scripts/bench/results/dashboard-$STAMP$($QUICK && echo -quick || true).md"
printf '%s\n' "${RUNS[@]}" > "$DATA/runs.jsonl"
python3 - "$OUT" "$CONNECTIONS" "$DURATION" "$REPEAT" "$ARGS" "$DATA/runs.jsonl" <<'PY'
import json, statistics, sys, platform, os
out, conns, dur, rep, args, runs_file = sys.argv[1:7]
runs = [json.loads(l) for l in open(runs_file) if l.strip()]
def med(path):
    vals = []
    for r in runs:
        v = r
        for k in path:
            v = v.get(k) if isinstance(v, dict) else None
        if v is not None:
            vals.append(v)
    return round(statistics.median(vals), 2) if vals else None
lines = [
    f"# Board dashboard composition benchmark",
    "",
    f"Command: `scripts/bench/dashboard-bench.sh {args}`".replace(" `", " `").rstrip(),
    f"Machine: {os.cpu_count()} cores, {platform.platform()}, load average {os.getloadavg()[0]:.2f}",
    f"Load: {conns} closed-loop connections, {dur} s per run, median of {rep} run(s); page GET /board as the board chair, demo data.",
    "",
    "| figure | p50 | p95 | p99 |",
    "|---|---|---|---|",
    f"| /board, client side (ms) | {med(['client_ms','p50'])} | {med(['client_ms','p95'])} | {med(['client_ms','p99'])} |",
    f"| /board, page total from Server-Timing, rendering included (ms) | {med(['server_total_ms','p50'])} | {med(['server_total_ms','p95'])} | {med(['server_total_ms','p99'])} |",
    f"| of which template rendering (ms) | {med(['render_ms','p50'])} | {med(['render_ms','p95'])} | {med(['render_ms','p99'])} |",
    f"| page total without rendering: the composed calls (ms) | {med(['composed_ms','p50'])} | {med(['composed_ms','p95'])} | {med(['composed_ms','p99'])} |",
    f"| slowest downstream call per request (ms) | {med(['slowest_call_ms','p50'])} | {med(['slowest_call_ms','p95'])} | {med(['slowest_call_ms','p99'])} |",
    "",
    f"Throughput: {med(['requests_per_s'])} requests/s; non-200: {sum(r['non_200'] for r in runs)}; errors: {sum(r['errors'] for r in runs)}.",
    f"Composition ratio at p50 (page total p50 / slowest call p50, rendering included): **{med(['ratio_of_p50s'])}**; median of per-request ratios: {med(['median_ratio'])}; client-side p50 / slowest call p50: {med(['client_ratio_of_p50s'])} (target ≤ 1.2).",
    f"Without the template rendering (total - render): ratio of p50s {med(['composed_ratio_of_p50s'])}, median of per-request ratios {med(['composed_median_ratio'])}.",
    "",
    "Downstream calls, p50 (ms), last run:",
    "",
]
for k, v in runs[-1]["calls_p50_ms"].items():
    lines.append(f"- `{k}`: {v}")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "report: $OUT"
