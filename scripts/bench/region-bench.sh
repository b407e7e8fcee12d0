#!/usr/bin/env bash
# Read latency of audits-service and actions-service with a region's worth of data on loopback.
#
#   scripts/bench/region-bench.sh [--partnerships N] [--quick] [--connections C] [--duration S] [--repeat R]
#
# 1. builds the jars if missing or older than the sources;
# 2. scripts/bench/generate-region.py writes N partnerships of audits, cases, findings, plans,
#    actions and updates as SQL (default N=10: 5,000 audits, ~69,000 case views, 50,000 findings,
#    20,000 actions, ~40,000 updates; --quick: a tenth of one partnership);
# 3. starts audits-service and actions-service once on a fresh temporary QUADRANT_DATA_DIR with their
#    demo data off so that Flyway creates the schema, stops them, and runs the SQL into their H2
#    files with org.h2.tools.RunScript (there is no bulk API for these: see generate-region.py);
# 4. starts the gateway (demo users, to sign in), indicators-service (demo data, for the actions'
#    live measures), audits-service and actions-service on ports BASE..BASE+3 (default 28680, or
#    QUADRANT_BENCH_PORT_BASE); an EXIT trap stops them and removes the directory;
# 5. for each endpoint, signed in as the board chair (and TVP's lead for the agency view of the theme
#    analysis): one request alone (timed), a short warm-up, then R runs of C closed-loop connections
#    for S seconds (scripts/bench/dashboard-load.py), reporting the medians of p50/p95/p99 and
#    requests/s, with the load average before each endpoint;
# 6. writes scripts/bench/results/region-<N>p-<time>.md and the medians as .json beside it
#    (scripts/bench/quick.sh compares those with its baseline). Also measured: the indicators
#    scorecard (demo data) and the gateway's /board page, as a regression check of those paths.
# Options (defaults; quick=): --partnerships [10], --connections [4], --duration [10, quick=3],
#   --repeat [3, quick=1], --warmup [5, quick=2], --keep (keep the data directory).
# Needs JDK 17+, python3, curl.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$REPO"
say() { echo "[region-bench] $*" >&2; }
die() { echo "[region-bench] ERROR: $*" >&2; exit 1; }

ARGS="$*"
N=10 QUICK=false CONNECTIONS=4 DURATION="" REPEAT="" WARMUP="" KEEP=false
while [ $# -gt 0 ]; do
  case "$1" in
    --partnerships) N="$2"; shift ;;
    --quick) QUICK=true ;;
    --connections) CONNECTIONS="$2"; shift ;;
    --duration) DURATION="$2"; shift ;;
    --repeat) REPEAT="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --keep) KEEP=true ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (try --help)" ;;
  esac
  shift
done
if $QUICK; then DURATION="${DURATION:-3}"; REPEAT="${REPEAT:-1}"; WARMUP="${WARMUP:-2}"; fi
DURATION="${DURATION:-10}"; REPEAT="${REPEAT:-3}"; WARMUP="${WARMUP:-5}"

MODULES=(gateway indicators-service audits-service actions-service)
jar_of() { echo "$REPO/$1/target/$1-0.1.0-SNAPSHOT.jar"; }
for m in "${MODULES[@]}"; do
  if [ ! -f "$(jar_of "$m")" ] || [ -n "$(find "$m/src/main" "$m/pom.xml" -newer "$(jar_of "$m")" -print -quit 2>/dev/null)" ]; then
    say "building the jars (./mvnw -o -q -DskipTests package)"
    ./mvnw -o -q -B -ntp -DskipTests package >&2 || die "build failed"
    break
  fi
done

BASE="${QUADRANT_BENCH_PORT_BASE:-28680}"
GW_PORT=$BASE IND_PORT=$((BASE + 1)) AUD_PORT=$((BASE + 2)) ACT_PORT=$((BASE + 3))
for p in $GW_PORT $IND_PORT $AUD_PORT $ACT_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && die "port $p is in use (choose another base with QUADRANT_BENCH_PORT_BASE)"
done
WORK="$(mktemp -d /tmp/quadrant-region-bench.XXXXXX)"
DATA="$WORK/data"; mkdir -p "$DATA"
declare -A PIDS=()
stop() {  # module
  local pid="${PIDS[$1]:-}"
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  unset "PIDS[$1]"
}
cleanup() {
  for m in "${!PIDS[@]}"; do stop "$m"; done
  if $KEEP; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

export QUADRANT_DATA_DIR="$DATA" QUADRANT_DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
export QUADRANT_GATEWAY_PORT=$GW_PORT QUADRANT_INDICATORS_PORT=$IND_PORT QUADRANT_AUDITS_PORT=$AUD_PORT QUADRANT_ACTIONS_PORT=$ACT_PORT
export QUADRANT_JWKS_URL="http://127.0.0.1:$GW_PORT/.well-known/jwks.json"
export QUADRANT_INDICATORS_URL="http://127.0.0.1:$IND_PORT" QUADRANT_AUDITS_URL="http://127.0.0.1:$AUD_PORT" \
       QUADRANT_ACTIONS_URL="http://127.0.0.1:$ACT_PORT"
JAVA_OPTS="${QUADRANT_BENCH_JAVA_OPTS:--Xmx512m}"
port_of() { case "$1" in gateway) echo $GW_PORT ;; indicators-service) echo $IND_PORT ;; audits-service) echo $AUD_PORT ;; actions-service) echo $ACT_PORT ;; esac; }
start() {  # module [ENV=value ...]
  local m="$1"; shift
  # shellcheck disable=SC2086
  env "$@" java $JAVA_OPTS -jar "$(jar_of "$m")" > "$WORK/$m.log" 2>&1 < /dev/null &
  PIDS[$m]=$!
}
wait_healthy() {
  local m
  for m in "$@"; do
    for _ in $(seq 1 240); do
      [ "$(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$(port_of "$m")/health" || true)" = 200 ] && continue 2
      kill -0 "${PIDS[$m]}" 2>/dev/null || { tail -30 "$WORK/$m.log" >&2; die "$m exited"; }
      sleep 0.5
    done
    tail -30 "$WORK/$m.log" >&2; die "$m not healthy in 120 s"
  done
}

say "generating $($QUICK && echo 'the quick dataset' || echo "$N partnerships")"
GEN=(--out "$WORK/region"); $QUICK && GEN+=(--quick) || GEN+=(--partnerships "$N")
MANIFEST="$(python3 scripts/bench/generate-region.py "${GEN[@]}")"
say "$MANIFEST"

say "creating the schemas (Flyway) and loading the SQL"
start audits-service QUADRANT_DEMO_DATA_ENABLED=false
start actions-service QUADRANT_DEMO_DATA_ENABLED=false
wait_healthy audits-service actions-service
stop audits-service; stop actions-service
H2URL_OPTS="MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR"
LOAD_TIMES=()
for pair in "audits-service:audits" "actions-service:actions"; do
  m="${pair%%:*}" db="${pair##*:}"
  t0=$SECONDS
  java -Xmx1g -cp "$(jar_of "$m")" org.h2.tools.RunScript -url "jdbc:h2:file:$DATA/$db;$H2URL_OPTS" -user sa -password '' \
    -script "$WORK/region/$db.sql" || die "loading $db.sql failed"
  LOAD_TIMES+=("$db.sql $((SECONDS - t0)) s")
  say "loaded $db.sql in $((SECONDS - t0)) s"
done

say "starting the suite on ports $GW_PORT-$ACT_PORT"
start gateway
start indicators-service
start audits-service QUADRANT_DEMO_DATA_ENABLED=false
start actions-service QUADRANT_DEMO_DATA_ENABLED=false
wait_healthy gateway indicators-service audits-service actions-service

token() {
  curl -sf -m 20 -H 'Content-Type: application/json' -d "{\"username\":\"$1\",\"password\":\"$QUADRANT_DEMO_PASSWORD\"}" \
    "http://127.0.0.1:$GW_PORT/api/v1/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
CHAIR="$(token chair)" || die "could not sign in as the chair"
TVP="$(token tvp.lead)" || die "could not sign in as tvp.lead"

# name|port|path|token[|accept]
ENDPOINTS=(
  "scorecard (board, indicators demo data)|$IND_PORT|/api/v1/scorecard|$CHAIR"
  "scorecard (board, page of 100)|$IND_PORT|/api/v1/scorecard?page=0&size=100|$CHAIR"
  "board dashboard page (gateway)|$GW_PORT|/board|$CHAIR|text/html"
  "themes/analysis (board)|$AUD_PORT|/api/v1/themes/analysis|$CHAIR"
  "themes/analysis (TVP)|$AUD_PORT|/api/v1/themes/analysis|$TVP"
  "themes/analysis one year (board)|$AUD_PORT|/api/v1/themes/analysis?from=2020-04-01&to=2021-03-31|$CHAIR"
  "grades (board)|$AUD_PORT|/api/v1/grades|$CHAIR"
  "grades one year (board)|$AUD_PORT|/api/v1/grades?from=2020-04-01&to=2021-03-31|$CHAIR"
  "audits (board, whole list)|$AUD_PORT|/api/v1/audits|$CHAIR"
  "audits (board, page of 50)|$AUD_PORT|/api/v1/audits?page=0&size=50|$CHAIR"
  "rollups?by=agency|$ACT_PORT|/api/v1/rollups?by=agency|$CHAIR"
  "rollups?by=agency, counts only|$ACT_PORT|/api/v1/rollups?by=agency&overdueActions=false|$CHAIR"
  "overdue actions (board, page of 20)|$ACT_PORT|/api/v1/actions?delivery=OVERDUE&page=0&size=20|$CHAIR"
  "actions (board, page of 50)|$ACT_PORT|/api/v1/actions?page=0&size=50|$CHAIR"
  "actions (board, whole list)|$ACT_PORT|/api/v1/actions|$CHAIR"
)
RAW="$WORK/raw.jsonl"; : > "$RAW"
for e in "${ENDPOINTS[@]}"; do
  IFS='|' read -r name port path tok accept <<< "$e"
  accept="${accept:-application/json}"
  url="http://127.0.0.1:$port$path"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  alone="$(curl -s -o "$WORK/body" -m 60 -w '%{http_code} %{time_total} %{size_download}' -H "Authorization: Bearer $tok" -H "Accept: $accept" "$url" || echo "000 0 0")"
  say "$name: alone $alone"
  python3 scripts/bench/dashboard-load.py --url "$url" --token "$tok" --accept "$accept" --connections "$CONNECTIONS" --duration "$WARMUP" > /dev/null
  for i in $(seq 1 "$REPEAT"); do
    r="$(python3 scripts/bench/dashboard-load.py --url "$url" --token "$tok" --accept "$accept" --connections "$CONNECTIONS" --duration "$DURATION")"
    say "  run $i: $r"
    printf '{"name":"%s","alone":"%s","load":%s,"r":%s}\n' "$name" "$alone" "$load" "$r" >> "$RAW"
  done
done

OUT="${QUADRANT_BENCH_RESULTS:-scripts/bench/results/region-$($QUICK && echo quick || echo "${N}p")-$(date -u +%Y%m%d-%H%M%S).md}"
mkdir -p "$(dirname "$OUT")"
python3 - "$RAW" "$OUT" "$ARGS" "$MANIFEST" "$CONNECTIONS" "$DURATION" "$REPEAT" "${LOAD_TIMES[*]}" <<'PY'
import json, statistics, sys, os, platform
raw, out, args, manifest, conns, dur, rep, loads = sys.argv[1:9]
rows = [json.loads(l) for l in open(raw) if l.strip()]
by = {}
for r in rows:
    by.setdefault(r["name"], []).append(r)
def med(rs, *path):
    vals = []
    for r in rs:
        v = r["r"]
        for k in path:
            v = v.get(k) if isinstance(v, dict) else None
        if v is not None:
            vals.append(v)
    return round(statistics.median(vals), 1) if vals else None
lines = ["# Region benchmark: audits-service and actions-service", "",
         f"Command: `scripts/bench/region-bench.sh {args}`".replace(" `", " `"),
         f"Machine: {os.cpu_count()} cores, {platform.platform()}; load average at the end {os.getloadavg()[0]:.2f}.",
         f"Data: {manifest}", f"SQL load (RunScript): {loads}.",
         f"Load: {conns} closed-loop connections, {dur} s per run, median of {rep} run(s); direct to the service with a bearer token.", "",
         "| endpoint | alone: status, s, bytes | p50 ms | p95 ms | p99 ms | req/s | non-200 | errors | load (1 min) |",
         "|---|---|---|---|---|---|---|---|---|"]
for name, rs in by.items():
    lines.append(f"| {name} | {rs[0]['alone']} | {med(rs, 'client_ms', 'p50')} | {med(rs, 'client_ms', 'p95')} | "
                 f"{med(rs, 'client_ms', 'p99')} | {med(rs, 'requests_per_s')} | {sum(r['r']['non_200'] for r in rs)} | "
                 f"{sum(r['r']['errors'] for r in rs)} | {rs[0]['load']} |")
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
summary = {name: {"p50": med(rs, "client_ms", "p50"), "p95": med(rs, "client_ms", "p95"), "p99": med(rs, "client_ms", "p99"),
                  "rps": med(rs, "requests_per_s"), "non_200": sum(r["r"]["non_200"] for r in rs),
                  "errors": sum(r["r"]["errors"] for r in rs), "alone": rs[0]["alone"]} for name, rs in by.items()}
json.dump(summary, open(out[:-3] + ".json", "w"), indent=1, sort_keys=True)
PY
say "report: $OUT"
