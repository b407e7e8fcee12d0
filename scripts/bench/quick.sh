#!/usr/bin/env bash
# The CI-sized performance check: fails only on gross regressions, never on ordinary noise.
#
#   scripts/bench/quick.sh [--record]
#
# Runs scripts/bench/region-bench.sh --quick (the whole suite on loopback with a tenth of one
# partnership of audits, findings and actions loaded, the indicators demo data; ten endpoints of
# audits-service and actions-service, the indicators scorecard and the gateway's /board page; 4
# connections, 1 s warm-up, 2 s measured each) and compares each endpoint's p95 with
# scripts/bench/quick-baseline.json. Fails (exit 1) when:
#   - any request failed or answered other than 200, or an endpoint is missing from the run;
#   - an endpoint's p95 is more than FACTOR (default 5, QUADRANT_BENCH_FACTOR) times its baseline
#     p95 AND more than FLOOR_MS (default 100, QUADRANT_BENCH_FLOOR_MS) milliseconds — so a 3 ms
#     call that takes 20 ms on a busy CI machine is not a failure, a 3 ms call that takes 500 ms is.
# --record writes this run's figures as the new baseline instead of comparing (do it on a quiet
# machine, and commit the file with the change that justifies it).
# Bounded: about 2 minutes on 2 cores (start-ups, SQL load, 12 x 3 s of load); every step has a timeout.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
RECORD=false
case "${1:-}" in
  --record) RECORD=true ;;
  -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  "") ;;
  *) echo "quick.sh: unknown argument $1" >&2; exit 2 ;;
esac
BASELINE=scripts/bench/quick-baseline.json
OUT="$(mktemp -d /tmp/quadrant-quick-bench.XXXXXX)"
trap 'rm -rf "$OUT"' EXIT
started=$SECONDS
QUADRANT_BENCH_RESULTS="$OUT/quick.md" timeout 600 scripts/bench/region-bench.sh --quick --warmup 1 --duration 2
echo "[quick] region benchmark took $((SECONDS - started)) s"
if $RECORD; then
  cp "$OUT/quick.json" "$BASELINE"
  echo "[quick] baseline recorded in $BASELINE"
  exit 0
fi
python3 - "$OUT/quick.json" "$BASELINE" "${QUADRANT_BENCH_FACTOR:-5}" "${QUADRANT_BENCH_FLOOR_MS:-100}" <<'PY'
import json, sys
run, base = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
factor, floor = float(sys.argv[3]), float(sys.argv[4])
bad = []
for name, b in sorted(base.items()):
    r = run.get(name)
    if r is None:
        bad.append(f"{name}: not measured")
        continue
    verdict = "ok"
    if r["non_200"] or r["errors"] or r["p95"] is None:
        verdict = f"FAILED requests (non-200 {r['non_200']}, errors {r['errors']})"
    elif r["p95"] > factor * b["p95"] and r["p95"] > floor:
        verdict = f"REGRESSION: p95 {r['p95']} ms > {factor:g} x baseline {b['p95']} ms"
    print(f"[quick] {name}: p95 {r['p95']} ms (baseline {b['p95']} ms), p50 {r['p50']} ms, {r['rps']} req/s: {verdict}")
    if verdict != "ok":
        bad.append(f"{name}: {verdict}")
if bad:
    print("[quick] FAILED:\n  " + "\n  ".join(bad))
    sys.exit(1)
print("[quick] no gross regression")
PY
