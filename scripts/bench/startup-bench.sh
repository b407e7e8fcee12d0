#!/usr/bin/env bash
# Start-up time and memory footprint of the four services, under several JVM option sets.
#
#   scripts/bench/startup-bench.sh [--runs N] [--requests N] [--configs "default tuned appcds ..."]
#                                  [--modules "gateway ..."] [--data restart|first] [--quick]
#
# For every service (the shaded jars <module>/target/<module>-0.1.0-SNAPSHOT.jar) and every option
# set, N times (default 3), each time on its own copy of the data directory:
#   --data restart (default): a copy of a directory one unmeasured start has already initialised
#     (schema migrated, demo data and the gateway's demo users in place): a restart, as a pod's;
#   --data first: an empty directory, so Flyway, the demo data and (gateway) the Argon2id hashing of
#     28 demo passwords are part of every start;
# it measures:
#   - time from forking `java` to the first 200 from GET /health (polled every 20 ms);
#   - RSS (VmRSS from /proc/<pid>/status) after a warm-up of R requests (default 300) one after
#     another to a typical endpoint, signed in as the board chair: gateway GET /api/v1/me, indicators
#     GET /api/v1/scorecard, audits GET /api/v1/audits, actions GET /api/v1/actions;
# and reports the median of the N runs (scripts/bench/startup-probe.py does one run).
# A gateway on port BASE (default 28580, or QUADRANT_BENCH_PORT_BASE) issues the tokens and the JWKS
# the three services check them against; the measured service listens on BASE+1.
#
# Option sets (--configs picks some, in order):
#   default   no options at all (the JVM's ergonomics: G1, heap up to 1/4 of RAM)
#   xmx256    -Xmx256m (scripts/run-local.sh's default before this benchmark)
#   lean      -XX:+UseSerialGC -Xss512k -Xms32m -Xmx256m -XX:ReservedCodeCacheSize=64m (C2 kept; the heap
#             starts small and grows as needed instead of being committed up front)
#   tuned     lean + -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 (C1 only: quicker start, lower peak)
#   appcds    lean + -XX:SharedArchiveFile=<module>.jsa, the archive dumped by one training run
#             (-XX:ArchiveClassesAtExit, same options, same warm-up) before the measured runs
#   appcds-c1 tuned + its own AppCDS archive
#   aot-tuned, aot-appcds-c1
#             the same options on the Micronaut AOT jars of --aot-from DIR (a checkout in which
#             scripts/build-aot.sh has built them; default: target/aot-checkout, made by --build-aot)
# --build-aot: copy this checkout (git worktree of HEAD) to target/aot-checkout and run
#   scripts/build-aot.sh there first, so the plain and the AOT jars are measured in one run.
# --quick: 1 run, 100 requests, configs "default lean appcds".
# Writes scripts/bench/results/startup-<time>[-quick].md. Needs JDK 17+, python3, curl.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { echo "[startup-bench] $*" >&2; }
die() { echo "[startup-bench] ERROR: $*" >&2; exit 1; }

ARGS="$*"
RUNS=3 REQUESTS=300 CONFIGS="default xmx256 lean tuned appcds appcds-c1" QUICK=false DATA_MODE=restart
AOT_FROM="" BUILD_AOT=false
MODULES_SEL="gateway indicators-service audits-service actions-service"
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="$2"; shift ;;
    --requests) REQUESTS="$2"; shift ;;
    --configs) CONFIGS="$2"; shift ;;
    --modules) MODULES_SEL="$2"; shift ;;
    --data) DATA_MODE="$2"; shift ;;
    --aot-from) AOT_FROM="$2"; shift ;;
    --build-aot) BUILD_AOT=true ;;
    --quick) QUICK=true; RUNS=1; REQUESTS=100; CONFIGS="default lean appcds" ;;
    -h|--help) sed -n '2,37p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
  shift
done
case "$DATA_MODE" in restart|first) ;; *) die "--data is restart or first" ;; esac

LEAN="-XX:+UseSerialGC -Xss512k -Xms32m -Xmx256m -XX:ReservedCodeCacheSize=64m"
TUNED="$LEAN -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
opts_of() {
  case "$1" in
    default) echo "" ;;
    xmx256) echo "-Xmx256m" ;;
    lean) echo "$LEAN" ;;
    tuned) echo "$TUNED" ;;
    appcds) echo "$LEAN -XX:SharedArchiveFile=$WORK/$2-lean.jsa" ;;
    appcds-c1) echo "$TUNED -XX:SharedArchiveFile=$WORK/$2-c1.jsa" ;;
    aot-tuned) echo "$TUNED" ;;
    aot-appcds-c1) echo "$TUNED -XX:SharedArchiveFile=$WORK/$2-aot-c1.jsa" ;;
    *) die "unknown option set $1" ;;
  esac
}

jar_of() { echo "$REPO/$1/target/$1-0.1.0-SNAPSHOT.jar"; }
# The jar a configuration runs: the AOT build's for aot-*, this checkout's otherwise.
jar_for() { case "$2" in aot-*) echo "$AOT_FROM/$1/target/$1-0.1.0-SNAPSHOT.jar" ;; *) jar_of "$1" ;; esac; }
for m in $MODULES_SEL gateway; do
  if [ ! -f "$(jar_of "$m")" ] || [ -n "$(find "$m/src" "$m/pom.xml" -newer "$(jar_of "$m")" -print -quit 2>/dev/null)" ]; then
    say "building the jars (./mvnw -o -q -DskipTests package)"
    ./mvnw -o -q -B -ntp -DskipTests package >&2 || die "build failed"
    break
  fi
done

if $BUILD_AOT; then
  AOT_FROM="${AOT_FROM:-$REPO/target/aot-checkout}"
  say "building the AOT jars in $AOT_FROM (scripts/build-aot.sh)"
  rm -rf "$AOT_FROM"; mkdir -p "$(dirname "$AOT_FROM")"
  git -C "$REPO" worktree prune
  git -C "$REPO" worktree add -q --detach "$AOT_FROM" HEAD || die "could not make a worktree of HEAD"
  (cd "$AOT_FROM" && scripts/build-aot.sh -o >&2) || die "the AOT build failed"
fi
case " $CONFIGS " in
  *" aot-"*)
    [ -n "$AOT_FROM" ] || AOT_FROM="$REPO/target/aot-checkout"
    for m in $MODULES_SEL; do
      [ -f "$(jar_for "$m" aot-tuned)" ] || die "no AOT jar $(jar_for "$m" aot-tuned): run with --build-aot or scripts/build-aot.sh"
    done ;;
esac

BASE="${QUADRANT_BENCH_PORT_BASE:-28580}"
PORT=$((BASE + 1))
for p in "$BASE" "$PORT"; do
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && die "port $p is in use (choose another base with QUADRANT_BENCH_PORT_BASE)"
done
WORK="$(mktemp -d /tmp/quadrant-startup-bench.XXXXXX)"
FIXTURE_PID=""
cleanup() {
  if [ -n "$FIXTURE_PID" ] && kill -0 "$FIXTURE_PID" 2>/dev/null; then
    kill "$FIXTURE_PID" 2>/dev/null || true
    wait "$FIXTURE_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
export QUADRANT_DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
export QUADRANT_AS_AT="${QUADRANT_AS_AT-2018-05-15}"

# The token issuer for the three services.
mkdir -p "$WORK/fixture"
QUADRANT_DATA_DIR="$WORK/fixture" QUADRANT_GATEWAY_PORT=$BASE java -Xmx256m -jar "$(jar_of gateway)" \
  > "$WORK/fixture.log" 2>&1 < /dev/null &
FIXTURE_PID=$!
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$BASE/health" || true)" = 200 ] && break
  kill -0 "$FIXTURE_PID" 2>/dev/null || { tail -20 "$WORK/fixture.log" >&2; die "the fixture gateway did not start"; }
  sleep 0.5
done
export QUADRANT_JWKS_URL="http://127.0.0.1:$BASE/.well-known/jwks.json"
export QUADRANT_GATEWAY_PORT=$PORT QUADRANT_INDICATORS_PORT=$PORT QUADRANT_AUDITS_PORT=$PORT QUADRANT_ACTIONS_PORT=$PORT
# The measured gateway's downstream services are not running: /api/v1/me does not call them.
export QUADRANT_INDICATORS_URL="http://127.0.0.1:9" QUADRANT_AUDITS_URL="http://127.0.0.1:9" QUADRANT_ACTIONS_URL="http://127.0.0.1:9"

path_of() {
  case "$1" in
    gateway) echo /api/v1/me ;;
    indicators-service) echo /api/v1/scorecard ;;
    audits-service) echo /api/v1/audits ;;
    actions-service) echo /api/v1/actions ;;
  esac
}
token_url_of() { [ "$1" = gateway ] && echo "http://127.0.0.1:$PORT/api/v1/auth/token" || echo "http://127.0.0.1:$BASE/api/v1/auth/token"; }

probe() {  # module, config, options... -> one JSON line
  local m="$1" c="$2"; shift 2
  local dir; dir="$(mktemp -d "$WORK/data.XXXXXX")"
  [ -n "${SEED:-}" ] && cp -a "$SEED/." "$dir/"
  # shellcheck disable=SC2068
  QUADRANT_DATA_DIR="$dir" python3 scripts/bench/startup-probe.py --port "$PORT" --path "$(path_of "$m")" \
    --requests "$REQUESTS" --token-url "$(token_url_of "$m")" --password "$QUADRANT_DEMO_PASSWORD" \
    --log "$dir/service.log" -- java $@ -jar "$(jar_for "$m" "$c")" \
    || { tail -20 "$dir/service.log" >&2; return 1; }
  rm -rf "$dir"
}

RAW="$WORK/raw.jsonl"
: > "$RAW"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"
for m in $MODULES_SEL; do
  SEED=""
  if [ "$DATA_MODE" = restart ]; then
    say "$m: initialising a data directory (one unmeasured start)"
    SEED="$WORK/seed-$m"; mkdir -p "$SEED"
    QUADRANT_DATA_DIR="$SEED" python3 scripts/bench/startup-probe.py --port "$PORT" --path "$(path_of "$m")" --requests 1 \
      --token-url "$(token_url_of "$m")" --password "$QUADRANT_DEMO_PASSWORD" --log "$WORK/seed-$m.log" \
      -- java -Xmx256m -jar "$(jar_of "$m")" > /dev/null || { tail -20 "$WORK/seed-$m.log" >&2; die "$m did not start"; }
  fi
  for c in $CONFIGS; do
    case "$c" in
      appcds) say "$m: training run for the AppCDS archive"; probe "$m" "$c" "$LEAN -XX:ArchiveClassesAtExit=$WORK/$m-lean.jsa" > /dev/null ;;
      appcds-c1) say "$m: training run for the AppCDS archive (C1)"; probe "$m" "$c" "$TUNED -XX:ArchiveClassesAtExit=$WORK/$m-c1.jsa" > /dev/null ;;
      aot-appcds-c1) say "$m: training run for the AppCDS archive (C1, AOT jar)"; probe "$m" "$c" "$TUNED -XX:ArchiveClassesAtExit=$WORK/$m-aot-c1.jsa" > /dev/null ;;
    esac
    for i in $(seq 1 "$RUNS"); do
      line="$(probe "$m" "$c" "$(opts_of "$c" "$m")")"
      say "$m $c run $i: $line"
      printf '{"module":"%s","config":"%s","load":%s,"r":%s}\n' "$m" "$c" "$(cut -d' ' -f1 /proc/loadavg)" "$line" >> "$RAW"
    done
  done
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p scripts/bench/results
OUT="scripts/bench/results/startup-$DATA_MODE-$(date -u +%Y%m%d-%H%M%S)$($QUICK && echo -quick || true).md"
python3 - "$RAW" "$OUT" "$ARGS" "$RUNS" "$REQUESTS" "$LOAD_BEFORE" "$LOAD_AFTER" "$LEAN" "$TUNED" "$DATA_MODE" <<'PY'
import json, statistics, sys, os, platform, subprocess
raw, out, args, runs, reqs, lb, la, lean, tuned, mode = sys.argv[1:11]
rows = [json.loads(l) for l in open(raw) if l.strip()]
groups = {}
for r in rows:
    groups.setdefault((r["module"], r["config"]), []).append(r)
java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
lines = ["# Start-up and footprint", "",
         f"Command: `scripts/bench/startup-bench.sh {args}`".rstrip("` ") + "`",
         f"Machine: {os.cpu_count()} cores, {platform.platform()}, {java}; load average before {lb}, after {la}.",
         f"Median of {runs} run(s); data: {'a restart on an initialised data directory' if mode == 'restart' else 'a first start on an empty data directory (Flyway, demo data, demo users)'}; RSS after {reqs} warm-up requests + 1 s.",
         f"lean = `{lean}`; tuned = `{tuned}`; appcds = lean + AppCDS archive; appcds-c1 = tuned + AppCDS archive; aot-* = the same options on the Micronaut AOT jars (scripts/build-aot.sh).", "",
         "| service | options | to /health 200 (ms) | Micronaut 'startup completed' (ms) | RSS at healthy (MB) | RSS after warm-up (MB) | peak RSS (MB) | warm-up (s) | non-200 | load (1 min) |",
         "|---|---|---|---|---|---|---|---|---|---|"]
med = lambda xs: statistics.median([x for x in xs if x is not None]) if any(x is not None for x in xs) else None
for (m, c), rs in groups.items():
    g = lambda k: med([r["r"].get(k) for r in rs])
    bad = sum(v for r in rs for k, v in r["r"]["warmup_status"].items() if k != "200")
    mb = lambda v: "" if v is None else f"{v/1024:.0f}"
    lines.append(f"| {m} | {c} | {g('healthy_ms'):.0f} | {g('micronaut_startup_ms') or ''} | {mb(g('rss_at_healthy_kb'))} | "
                 f"{mb(g('rss_kb'))} | {mb(g('hwm_kb'))} | {g('warmup_s')} | {bad} | {med([r['load'] for r in rs])} |")
lines += ["", "Every run (ms to healthy / MB RSS after warm-up):", ""]
for (m, c), rs in groups.items():
    lines.append(f"- {m} {c}: " + ", ".join(f"{r['r']['healthy_ms']} / {r['r']['rss_kb']/1024:.0f}" for r in rs))
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
say "report: $OUT"
