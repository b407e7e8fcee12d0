#!/usr/bin/env bash
# The published statistics' figures (issue 16) on loopback: the EES import, the comparison and the
# /benchmarks page with many indicators mapped.
#
#   scripts/bench/benchmarks-bench.sh [--indicators N] [--samples S]
#
# 1. starts the whole suite with its demo data (scripts/run-local.sh, embedded H2, a fresh temporary
#    data directory) on ports BASE..BASE+3 (default 28380, or QUADRANT_BENCH_PORT_BASE);
# 2. signs in as the board manager through POST /api/v1/auth/token;
# 3. runs scripts/bench/benchmarks-load.py: defines N indicators (default 100), maps each to the
#    published children-looked-after file's children_count and imports that file for each (the file
#    as published, about 2,500 rows; the first also as a dry run), then times S comparisons
#    (default 400) on the service and through the gateway, and the /benchmarks page and its CSV;
# 4. writes a Markdown report to scripts/bench/results/benchmarks-<time>.md.
# Targets (issue 16): import of a 2,000-row file < 2 s; comparison p95 < 20 ms; /benchmarks with 100
# mapped indicators < 300 ms. Needs: JDK 17+, python3, curl.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { echo "[benchmarks-bench] $*"; }
die() { echo "[benchmarks-bench] ERROR: $*" >&2; exit 1; }

ARGS="$*"
COUNT=100; SAMPLES=400
while [ $# -gt 0 ]; do
  case "$1" in
    --indicators) COUNT="$2"; shift ;;
    --samples) SAMPLES="$2"; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1" ;;
  esac
  shift
done
FILE="${QUADRANT_BENCH_EES_FILE:-indicators-service/src/main/resources/demo/ees/cla_number_and_rate_per_10k_children.csv}"
[ -f "$FILE" ] || die "no EES file at $FILE"

# shellcheck source=scripts/bench/demo-suite.sh
. scripts/bench/demo-suite.sh
start_demo_suite benchmarks-bench 28380

GW="http://127.0.0.1:$BASE"
IND="http://127.0.0.1:$((BASE + 1))"
TOKEN="$(curl -sf -H 'Content-Type: application/json' \
  -d "{\"username\":\"manager\",\"password\":\"$QUADRANT_DEMO_PASSWORD\"}" "$GW/api/v1/auth/token" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
[ -n "$TOKEN" ] || die "could not sign in as the manager"

say "mapping and importing $COUNT indicators, then $SAMPLES comparisons"
started=$SECONDS
RESULT="$(python3 scripts/bench/benchmarks-load.py --gateway "$GW" --indicators "$IND" --token "$TOKEN" \
  --file "$FILE" --indicators-count "$COUNT" --samples "$SAMPLES")"
say "took $((SECONDS - started)) s"
echo "$RESULT"

mkdir -p scripts/bench/results
OUT="scripts/bench/results/benchmarks-$(date -u +%Y%m%dT%H%M%SZ).md"
python3 - "$OUT" "$ARGS" "$RESULT" "$FILE" <<'PY'
import json, os, platform, sys
out, args, result, file = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]
def row(name, key, target):
    s = result.get(key) or {}
    return f"| {name} | {s.get('n')} | {s.get('p50')} | {s.get('p95')} | {s.get('max')} | {target} |"
lines = [
    "# Published statistics benchmark (issue 16)", "",
    f"Command: `scripts/bench/benchmarks-bench.sh {args}`".replace(" `", " `").rstrip(),
    f"Machine: {os.cpu_count()} cores, {platform.platform()}, load average {os.getloadavg()[0]:.2f} at the end",
    f"File: `{file}` ({result['file_lines']} lines); {result['indicators_mapped']} indicators mapped and imported; "
    f"failures: {result['failed_count']}; non-200 reads: {result['non_200_reads']}. One client, sequential requests, embedded H2.",
    "", "| figure (ms) | n | p50 | p95 | max | target |", "|---|---|---|---|---|---|",
    row("EES import, whole file, written", "import_ms", "< 2,000 for 2,000 rows"),
    row("EES import, dry run", "dry_run_ms", ""),
    row("comparison, on indicators-service", "comparison_direct_ms", "p95 < 20"),
    row("comparison, through the gateway", "comparison_through_gateway_ms", ""),
    row(f"/benchmarks page, {result['indicators_mapped']} + demo indicators mapped", "benchmarks_page_ms", "< 300"),
    row("/benchmarks.csv", "benchmarks_csv_ms", ""),
]
if result["failures"]:
    lines += ["", "First failures:", ""] + [f"- {f}" for f in result["failures"]]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "report: $OUT"
