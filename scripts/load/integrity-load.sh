#!/usr/bin/env bash
# Bounded load test with integrity checks on loopback: many agency users writing values and progress
# updates at once while the chair reads the dashboard; afterwards every write is reconciled.
#
#   scripts/load/integrity-load.sh [--quick] [--duration S] [options]
#
# 1. builds the four jars if missing or older than the sources (scripts/run-local.sh does);
# 2. starts the whole suite with its demo data (scripts/run-local.sh) on ports BASE..BASE+3
#    (default 28380, or QUADRANT_LOAD_PORT_BASE) with a fresh temporary QUADRANT_DATA_DIR; an EXIT
#    trap stops it (and checks no JVM of the run is left);
# 3. generates a dataset with scripts/bench/generate-values.py and loads it through the gateway as
#    the board manager (definitions, targets, POST /api/indicators/v1/values/import);
# 4. runs scripts/load/integrity_load.py: 24 agency users (<code>.lead, <code>.user of the 12
#    agencies), 12 racers, the manager and the chair, concurrently for --duration seconds, all through
#    the gateway; then reconciles every write against what the API and the change logs hold;
# 5. writes a Markdown report to scripts/load/results/integrity-<time>[-quick].md and prints it.
# Exits non-zero on any 5xx, lost or duplicated write, race without exactly one winner and a 409,
# 409 without a real conflict, or missing change-log entry (each is printed).
#
# Options (defaults; quick=):
#   --quick              CI-sized: a small dataset and a short load
#   --duration S         seconds of load [240, quick=60]
#   --indicators N       generated indicators [500, quick=26] (0 = demo data only)
#   --periods P          monthly periods per generated series [120, quick=12]
#   --chunk-rows R       rows per import request [10000]
#   --think-ms T         mean pause between one user's operations [25]
#   --chair-readers N    concurrent chair readers of /board and the scorecard [2]
#   --results FILE       where the report goes
#   --keep               keep the temporary data directory (H2 files, logs, raw request log)
# Environment: QUADRANT_LOAD_PORT_BASE, QUADRANT_DEMO_PASSWORD, QUADRANT_JAVA_OPTS (default -Xmx256m).
# Needs: JDK 17+, python3, curl.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { echo "[integrity-load] $*"; }
die() { echo "[integrity-load] ERROR: $*" >&2; exit 1; }

ARGS="$*"
QUICK=false DURATION="" INDICATORS="" PERIODS="" CHUNK_ROWS=10000 THINK=25 CHAIR=2 RESULTS="" KEEP=false
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value (try --help)"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --duration) need_arg "$@"; DURATION="$2"; shift ;;
    --indicators) need_arg "$@"; INDICATORS="$2"; shift ;;
    --periods) need_arg "$@"; PERIODS="$2"; shift ;;
    --chunk-rows) need_arg "$@"; CHUNK_ROWS="$2"; shift ;;
    --think-ms) need_arg "$@"; THINK="$2"; shift ;;
    --chair-readers) need_arg "$@"; CHAIR="$2"; shift ;;
    --results) need_arg "$@"; RESULTS="$2"; shift ;;
    --keep) KEEP=true ;;
    -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
  shift
done
if $QUICK; then : "${DURATION:=60}" "${INDICATORS:=26}" "${PERIODS:=12}"; fi
: "${DURATION:=240}" "${INDICATORS:=500}" "${PERIODS:=120}"
for v in DURATION PERIODS CHUNK_ROWS CHAIR; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "--${v,,} must be a positive whole number (got '${!v}')"
done
[[ "$INDICATORS" =~ ^[0-9]+$ ]] || die "--indicators must be a whole number"
[[ "$THINK" =~ ^[0-9]+$ ]] || die "--think-ms must be a whole number"

command -v python3 >/dev/null || die "python3 is required"
command -v curl >/dev/null || die "curl is required"

BASE="${QUADRANT_LOAD_PORT_BASE:-28380}"
export QUADRANT_GATEWAY_PORT=$BASE QUADRANT_INDICATORS_PORT=$((BASE + 1)) QUADRANT_AUDITS_PORT=$((BASE + 2)) QUADRANT_ACTIONS_PORT=$((BASE + 3))
export QUADRANT_DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
unset QUADRANT_JWKS_URL QUADRANT_INDICATORS_URL QUADRANT_AUDITS_URL QUADRANT_ACTIONS_URL
STAMP="$(date -u +%Y%m%d-%H%M%S)"
if [ -z "$RESULTS" ]; then
  RESULTS="$REPO/scripts/load/results/integrity-$STAMP$(if $QUICK; then echo -quick; fi).md"
fi
mkdir -p "$(dirname "$RESULTS")"

WORK="$(mktemp -d "${TMPDIR:-/tmp}/quadrant-integrity-load.XXXXXX")"
export QUADRANT_DATA_DIR="$WORK/data"
mkdir -p "$QUADRANT_DATA_DIR"
RUNNER_PID=""
T0=$SECONDS

leftover_jvms() {
  local f pid
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    { tr '\0' ' ' <"$f"; } 2>/dev/null | grep -qF -- "-Dquadrant.run-dir=$QUADRANT_DATA_DIR " && echo "$pid"
  done
  return 0
}
cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM
  if [ -n "$RUNNER_PID" ] && kill -0 "$RUNNER_PID" 2>/dev/null; then
    kill -TERM "$RUNNER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$RUNNER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$RUNNER_PID" 2>/dev/null && kill -KILL "$RUNNER_PID" 2>/dev/null || true
    wait "$RUNNER_PID" 2>/dev/null || true
  fi
  local left
  left="$(leftover_jvms)"
  if [ -n "$left" ]; then
    echo "[integrity-load] ERROR: JVMs left running after stop: $(echo $left); killing them" >&2
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    [ "$rc" -eq 0 ] && rc=1
  fi
  if [ "$rc" -ne 0 ]; then
    for log in "$QUADRANT_DATA_DIR"/logs/*.log; do
      [ -f "$log" ] || continue
      if grep -q -m1 -E 'ERROR|Exception' "$log"; then
        echo "[integrity-load] ---- errors in $log (first 40 lines) ----" >&2
        grep -E -A3 'ERROR|Exception' "$log" | head -n 40 >&2
      fi
    done
  fi
  if $KEEP || [ "$rc" -ne 0 ]; then
    say "data, logs and the raw request log kept in $WORK"
  else
    rm -rf "$WORK"
  fi
  say "finished in $((SECONDS - T0)) s (exit $rc)"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

DATASET_ARG=()
if [ "$INDICATORS" -gt 0 ]; then
  python3 scripts/bench/generate-values.py --out "$WORK/dataset" --indicators "$INDICATORS" --periods "$PERIODS" \
    --chunk-rows "$CHUNK_ROWS" --target-periods 3 | sed 's/^/[integrity-load] /'
  DATASET_ARG=(--dataset "$WORK/dataset")
fi

say "starting the suite on ports $BASE-$((BASE + 3)) (data: $QUADRANT_DATA_DIR)"
scripts/run-local.sh >"$WORK/run-local.out" 2>&1 </dev/null &
RUNNER_PID=$!
deadline=$((SECONDS + 600))   # includes a build if the jars are stale
until grep -q '^\[run-local\] ready' "$WORK/run-local.out" 2>/dev/null; do
  kill -0 "$RUNNER_PID" 2>/dev/null || { cat "$WORK/run-local.out" >&2; die "run-local.sh exited before the suite was ready"; }
  [ "$SECONDS" -lt "$deadline" ] || die "the suite was not ready in 600 s"
  sleep 1
done
say "suite ready after $((SECONDS - T0)) s"

set +e
python3 scripts/load/integrity_load.py --gateway "http://127.0.0.1:$BASE" --duration "$DURATION" "${DATASET_ARG[@]}" \
  --think-ms "$THINK" --chair-readers "$CHAIR" --results "$RESULTS" --raw "$WORK/requests.tsv" \
  --command "scripts/load/integrity-load.sh${ARGS:+ $ARGS}"
rc=$?
set -e
# A run-local.sh that died under load is a failure too.
kill -0 "$RUNNER_PID" 2>/dev/null || { say "the suite stopped during the load"; rc=1; }
say "report: $RESULTS"
exit "$rc"
