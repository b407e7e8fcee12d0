# Sourced by the benchmarks that need the whole suite with its demo data (dashboard-bench.sh,
# benchmarks-bench.sh): start_demo_suite NAME DEFAULT_PORT_BASE starts scripts/run-local.sh on ports
# BASE..BASE+3 (QUADRANT_BENCH_PORT_BASE, else the default) with a fresh temporary data directory,
# waits until it is ready (at most 120 s), and stops it and removes the directory on exit.
# Sets BASE and DATA; the caller defines die().
start_demo_suite() {
  local name="$1"
  BASE="${QUADRANT_BENCH_PORT_BASE:-$2}"
  export QUADRANT_GATEWAY_PORT=$BASE QUADRANT_INDICATORS_PORT=$((BASE + 1)) QUADRANT_AUDITS_PORT=$((BASE + 2)) QUADRANT_ACTIONS_PORT=$((BASE + 3))
  export QUADRANT_DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
  DATA="$(mktemp -d "/tmp/quadrant-$name.XXXXXX")"
  export QUADRANT_DATA_DIR="$DATA"
  DEMO_SUITE_PID=""
  trap stop_demo_suite EXIT
  echo "[$name] starting the suite on ports $BASE-$((BASE + 3)) (data: $DATA)"
  QUADRANT_CDS="${QUADRANT_CDS:-off}" scripts/run-local.sh > "$DATA/run-local.out" 2>&1 &
  DEMO_SUITE_PID=$!
  for _ in $(seq 1 240); do
    grep -q "\[run-local\] ready" "$DATA/run-local.out" 2>/dev/null && break
    kill -0 "$DEMO_SUITE_PID" 2>/dev/null || { cat "$DATA/run-local.out" >&2; die "the suite did not start"; }
    sleep 0.5
  done
  grep -q "\[run-local\] ready" "$DATA/run-local.out" || die "the suite was not ready in 120 s"
}

stop_demo_suite() {
  if [ -n "${DEMO_SUITE_PID:-}" ] && kill -0 "$DEMO_SUITE_PID" 2>/dev/null; then
    kill "$DEMO_SUITE_PID" 2>/dev/null || true
    wait "$DEMO_SUITE_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA"
}
