#!/usr/bin/env bash
# The scorecard's reads at 1 and 10 partnerships' worth of indicators, loaded straight into H2.
#
#   scripts/bench/scorecard-scale.sh [--indicators 500] [--data DIR] [--connections 4] [--threads 2]
#                                    [--duration 5] [--repeat 3] [--warmup 3] [--load-only]
#
# 1. builds the gateway and indicators-service jars if missing or older than the sources;
# 2. unless DIR already holds a loaded database for this size (DIR/h2/.loaded): writes the dataset
#    with scripts/bench/generate-values-sql.py (the definitions, values and targets of
#    generate-values.py, owner agencies' values APPROVED, the others DRAFT: the state indicators-bench.sh
#    reads after its sign-off), starts indicators-service once on DIR/h2 with its demo data off so that
#    Flyway creates the schema, stops it, and runs load.sql (CSVREAD) with org.h2.tools.RunScript —
#    minutes instead of the import API's ~15 min for 7.8 million values. DIR defaults to
#    /tmp/quadrant-scorecard-scale-<N> and is kept, so later runs skip this step (delete DIR to
#    start again);
# 3. starts the gateway (demo users, to sign in; its own temporary data directory) and
#    indicators-service on DIR/h2, on ports BASE, BASE+1 (default 28780, QUADRANT_BENCH_PORT_BASE);
#    an EXIT trap stops both;
# 4. as the board chair: the whole scorecard on a cache miss (5 requests one at a time, each with an
#    "as at" period no request used before, so each computes every segment), after one agency's change
#    (5 times: the manager sets a target on one CSC indicator, then one scorecard request, which
#    recomputes CSC's segment only), then wrk (-t T -c C) on cache hits: the whole scorecard,
#    ?agency=CSC, exceptions and one page of each (page=0&size=100): a warm-up, then R runs of
#    S seconds, medians of p50/p95/p99 and requests/s; load average before each endpoint;
# 5. writes scripts/bench/results/scorecard-scale-<N>-<time>.md.
# --load-only stops after step 2 (load once, measure later on a quieter machine).
# QUADRANT_BENCH_JARS=DIR runs the jars copied into DIR instead (no build check).
# Needs JDK 17+, python3, curl, wrk.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { echo "[scorecard-scale] $*" >&2; }
die() { echo "[scorecard-scale] ERROR: $*" >&2; exit 1; }

ARGS="$*"
N=500 DIR="" CONNECTIONS=4 THREADS=2 DURATION=5 REPEAT=3 WARMUP=3 LOAD_ONLY=false
while [ $# -gt 0 ]; do
  case "$1" in
    --indicators) N="$2"; shift ;;
    --data) DIR="$2"; shift ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --threads) THREADS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --repeat) REPEAT="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --load-only) LOAD_ONLY=true ;;
    -h|--help) sed -n '2,30p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
  shift
done
DIR="${DIR:-/tmp/quadrant-scorecard-scale-$N}"
command -v wrk >/dev/null || die "wrk is required (Debian package wrk)"

# QUADRANT_BENCH_JARS=DIR: run copies of the jars from DIR (so a build may rewrite target/ meanwhile).
jar_of() { echo "${QUADRANT_BENCH_JARS:-$REPO/$1/target}/$1-0.1.0-SNAPSHOT.jar"; }
[ -n "${QUADRANT_BENCH_JARS:-}" ] || for m in gateway indicators-service; do
  if [ ! -f "$(jar_of "$m")" ] || [ -n "$(find "$m/src/main" "$m/pom.xml" -newer "$(jar_of "$m")" -print -quit 2>/dev/null)" ]; then
    say "building the jars (./mvnw -o -q -pl gateway,indicators-service -DskipTests package)"
    ./mvnw -o -q -B -ntp -pl gateway,indicators-service -DskipTests package >&2 || die "build failed"
    break
  fi
done

BASE="${QUADRANT_BENCH_PORT_BASE:-28780}"
GW_PORT=$BASE IND_PORT=$((BASE + 1))
GW="http://127.0.0.1:$GW_PORT" IND="http://127.0.0.1:$IND_PORT"
for p in $GW_PORT $IND_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && die "port $p is in use (choose another base with QUADRANT_BENCH_PORT_BASE)"
done
WORK="$(mktemp -d /tmp/quadrant-scorecard-scale-run.XXXXXX)"
mkdir -p "$DIR/h2" "$WORK/gateway-data"
declare -A PIDS=()
stop() {  # module
  local pid="${PIDS[$1]:-}"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$1]"
}
cleanup() {
  for m in "${!PIDS[@]}"; do stop "$m"; done
  rm -rf "$WORK"
}
trap cleanup EXIT

export QUADRANT_DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
JAVA_OPTS="${QUADRANT_BENCH_JAVA_OPTS:--Xmx512m}"
start() {  # module data-dir [ENV=value ...]
  local m="$1" data="$2"; shift 2
  # shellcheck disable=SC2086
  env "$@" QUADRANT_DATA_DIR="$data" QUADRANT_GATEWAY_PORT=$GW_PORT QUADRANT_INDICATORS_PORT=$IND_PORT \
    QUADRANT_JWKS_URL="$GW/.well-known/jwks.json" QUADRANT_INDICATORS_URL="$IND" \
    QUADRANT_AUDITS_URL="http://127.0.0.1:9" QUADRANT_ACTIONS_URL="http://127.0.0.1:9" \
    java $JAVA_OPTS -jar "$(jar_of "$m")" >> "$WORK/$m.log" 2>&1 < /dev/null &
  PIDS[$m]=$!
}
wait_healthy() {  # module url
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "$2/health" || true)" = 200 ] && return 0
    kill -0 "${PIDS[$1]}" 2>/dev/null || { tail -30 "$WORK/$1.log" >&2; die "$1 exited"; }
    sleep 0.5
  done
  tail -30 "$WORK/$1.log" >&2; die "$1 not healthy in 120 s"
}

LOAD_NOTE="reused $DIR/h2 (loaded earlier: $(cat "$DIR/h2/.loaded" 2>/dev/null || echo '?'))"
if [ ! -f "$DIR/h2/.loaded" ]; then
  rm -rf "$DIR/h2" && mkdir -p "$DIR/h2"
  t0=$SECONDS
  if [ ! -f "$DIR/gen/manifest.json" ] || ! grep -q "\"indicators\": $N," "$DIR/gen/manifest.json"; then
    say "generating $N indicators x 13 agencies x 120 months"
    python3 scripts/bench/generate-values-sql.py --out "$DIR/gen" --indicators "$N" >&2
  fi
  t_gen=$((SECONDS - t0))
  say "creating the schema (Flyway)"
  start indicators-service "$DIR/h2" QUADRANT_DEMO_DATA_ENABLED=false
  wait_healthy indicators-service "$IND"
  stop indicators-service
  t1=$SECONDS
  say "loading $DIR/gen/load.sql (RunScript)"
  java -Xmx1g -cp "$(jar_of indicators-service)" org.h2.tools.RunScript \
    -url "jdbc:h2:file:$DIR/h2/indicators;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR" \
    -user sa -password '' -script "$DIR/gen/load.sql" || die "loading failed"
  t_load=$((SECONDS - t1))
  echo "generation ${t_gen} s, SQL load ${t_load} s, $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg)" > "$DIR/h2/.loaded"
  LOAD_NOTE="$(cat "$DIR/h2/.loaded"); H2 file $(du -sh "$DIR/h2" | cut -f1)"
  say "$LOAD_NOTE"
fi
$LOAD_ONLY && { say "loaded; --load-only: not measuring"; exit 0; }

say "starting the gateway and indicators-service on $GW_PORT-$IND_PORT"
start gateway "$WORK/gateway-data"
start indicators-service "$DIR/h2" QUADRANT_DEMO_DATA_ENABLED=false
wait_healthy gateway "$GW"
wait_healthy indicators-service "$IND"
token() {
  curl -sf -m 20 -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$QUADRANT_DEMO_PASSWORD\"}" \
    "$GW/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
CHAIR="$(token chair)" || die "could not sign in as the chair"
MANAGER="$(token manager)" || die "could not sign in as the manager"
ROWS="$(curl -sf -m 120 -H "Authorization: Bearer $CHAIR" "$IND/api/v1/scorecard?period=201901" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
say "scorecard rows: $ROWS"

RAW="$WORK/raw.txt"; : > "$RAW"
timed() {  # label url [token]: one request alone; prints "status seconds bytes"
  curl -s -o /dev/null -m 120 -w '%{http_code} %{time_total} %{size_download}' -H "Authorization: Bearer ${3:-$CHAIR}" "$2" || echo "000 0 0"
}
# Misses: each "as at" period is a cache key no earlier request used.
for m in 12 11 10 09 08; do
  r="$(timed miss "$IND/api/v1/scorecard?period=2018$m")"
  say "miss (period=2018$m): $r"; echo "miss|$r" >> "$RAW"
done
timed warm "$IND/api/v1/scorecard" > /dev/null
# One agency's change: a target on the first CSC indicator (bumps CSC's counters only).
CSC_CODE="BENCH-0001"
for i in 1 2 3 4 5; do
  curl -sf -o /dev/null -m 20 -X PUT -H "Authorization: Bearer $MANAGER" -H 'Content-Type: application/json' \
    -d "{\"value\": $((100 + i))}" "$IND/api/v1/indicators/$CSC_CODE/targets/201812" || die "target PUT failed"
  r="$(timed partial "$IND/api/v1/scorecard")"
  say "after CSC's change: $r"; echo "partial|$r" >> "$RAW"
done

ENDPOINTS=(
  "scorecard (board, whole, hit)|/api/v1/scorecard"
  "scorecard?agency=CSC (board, hit)|/api/v1/scorecard?agency=CSC"
  "exceptions (board, whole, hit)|/api/v1/exceptions"
  "scorecard?page=0&size=100 (board, hit)|/api/v1/scorecard?page=0&size=100"
  "exceptions?page=0&size=100 (board, hit)|/api/v1/exceptions?page=0&size=100"
)
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name path <<< "$e"
  url="$IND$path"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  alone="$(timed alone "$url")"
  BENCH_TOKEN="$CHAIR" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" --timeout 10s -s scripts/bench/wrk-report.lua "$url" > /dev/null
  for i in $(seq 1 "$REPEAT"); do
    line="$(BENCH_TOKEN="$CHAIR" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s scripts/bench/wrk-report.lua "$url" | grep '^BENCH ')"
    say "$name run $i: $line"
    echo "wrk|$name|$alone|$load|$line" >> "$RAW"
  done
done

OUT="${QUADRANT_BENCH_RESULTS:-scripts/bench/results/scorecard-scale-$N-$(date -u +%Y%m%d-%H%M%S).md}"
mkdir -p "$(dirname "$OUT")"
python3 - "$RAW" "$OUT" "$ARGS" "$N" "$ROWS" "$LOAD_NOTE" "$CONNECTIONS" "$THREADS" "$DURATION" "$REPEAT" "$(git rev-parse --short HEAD)" "$DIR/gen/manifest.json" <<'PY'
import os, platform, statistics, sys
raw, out, args, n, rows, load_note, conns, threads, dur, rep, commit, manifest = sys.argv[1:13]
import json
m = json.load(open(manifest)) if os.path.exists(manifest) else {}
data = "%s indicators, %s values (%s), %s targets" % (n, m.get("rows", "?"),
       "owner agencies' values only" if m.get("ownersOnly") else "every agency's values", m.get("targets", "?"))
lines = [l.rstrip("\n").split("|") for l in open(raw) if l.strip()]
def secs(kind):
    return [float(l[1].split()[1]) * 1000 for l in lines if l[0] == kind]
def sizes(kind):
    return [int(float(l[1].split()[2])) for l in lines if l[0] == kind]
md = ["# Scorecard at %s indicators" % n, "",
      "Command: `scripts/bench/scorecard-scale.sh %s` at commit %s." % (args, commit),
      "Machine: %d cores, %s; load average at the end %.2f." % (os.cpu_count(), platform.platform(), os.getloadavg()[0]),
      "Data: %s; %s. The board's scorecard has %s rows." % (data, load_note, rows), ""]
for kind, label in (("miss", "cache miss, every segment computed (fresh `period`)"),
                    ("partial", "after one agency's change (CSC's segment recomputed)")):
    t = secs(kind)
    md.append("- %s: %s ms (median %.0f ms), %s bytes" % (label, ", ".join("%.0f" % x for x in t), statistics.median(t), sizes(kind)[0]))
md += ["", "wrk -t%s -c%s, %s s per run, median of %s runs (cache hits):" % (threads, conns, dur, rep), "",
       "| endpoint | alone: status, s, bytes | p50 ms | p95 ms | p99 ms | req/s | errors | load (1 min) |", "|---|---|---|---|---|---|---|---|"]
by = {}
for l in lines:
    if l[0] == "wrk":
        kv = dict(x.split("=") for x in l[4].split()[1:])
        by.setdefault(l[1], []).append((l[2], l[3], kv))
for name, runs in by.items():
    med = lambda k: statistics.median(float(r[2][k]) for r in runs)
    errs = sum(int(r[2][k]) for r in runs for k in r[2] if k.startswith("err_"))
    md.append("| %s | %s | %.1f | %.1f | %.1f | %.0f | %d | %s |" % (name, runs[0][0], med("p50_ms"), med("p95_ms"), med("p99_ms"),
                                                                 med("rps"), errs, runs[0][1]))
open(out, "w").write("\n".join(md) + "\n")
print("\n".join(md))
PY
say "report: $OUT"
