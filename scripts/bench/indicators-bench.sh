#!/usr/bin/env bash
# Benchmark of indicators-service on loopback: bulk import rate and read latency under load.
#
#   scripts/bench/indicators-bench.sh [--quick] [options]
#
# What it does, every step bounded in time:
#   1. builds the gateway and indicators-service jars if missing or older than the sources;
#   2. generates a deterministic dataset (scripts/bench/generate-values.py): N indicators x 13
#      agencies x P monthly periods of values in CSV chunks, the indicator definitions, targets;
#   3. starts the gateway and indicators-service on 127.0.0.1 ports BASE and BASE+1 (default
#      28180/28181) with a fresh temporary QUADRANT_DATA_DIR (indicators' demo data off; the gateway
#      keeps its demo users to sign in with); an EXIT trap stops both and removes the directory;
#   4. as the board manager, creates the indicators and their targets through the API (curl
#      --parallel), then imports the chunks one after another through POST /api/v1/values/import,
#      timing each (rows/s per chunk and overall, wall clock);
#   5. signs the owner agencies' values off (status APPROVED), as a board's history is: imports land
#      as drafts, which only their own agency sees, and the API approves one value per call, so this
#      one step stops indicators-service, runs an SQL UPDATE on its H2 file and starts it again (the
#      four endpoints read only each indicator's owner agency, so the other agencies' rows, left as
#      drafts, change nothing they do);
#   6. loads four read endpoints with wrk (scorecard; scorecard?agency=CSC; one indicator's series;
#      exceptions): a short unreported warm-up, then R bounded runs each, with the median of each
#      figure (p50/p95/p99 latency, requests/s) reported;
#   7. prints a Markdown report (machine, load average before and after each run, figures) and
#      writes it to the results file.
#
# Options (defaults in brackets; --quick changes the defaults shown as quick=…):
#   --quick               CI-sized: 50 indicators x 24 periods, 5,000-row chunks, 5 s runs, 1 repetition
#   --indicators N        indicators [500, quick=50]
#   --periods P           monthly periods from 200901 [120, quick=24]
#   --chunk-rows R        rows per import request [50000, quick=5000]
#   --order indicator|period  row order of the chunks: each indicator's history together, or one
#                         month's return at a time [indicator]
#   --threads T           wrk threads [2]
#   --connections C       wrk connections [8]
#   --duration S          seconds per measured wrk run [20, quick=5]
#   --warmup S            seconds of unreported load on each endpoint before any is measured [10, quick=3]
#   --repeat R            measured runs per endpoint; the median is reported [3, quick=1]
#   --port-base B         gateway port B, indicators-service B+1 [28180, or QUADRANT_BENCH_PORT_BASE]
#   --results FILE        where the report goes [scripts/bench/results/indicators-<time>[-quick].md]
#   --jfr                 also record JFR during the import and the first run of each endpoint and
#                         add the hottest frames to a directory beside the results file
#   --drafts              leave the imported values as drafts (by default they are signed off before
#                         the reads: see step 5 above)
#   --skip-reads          stop after the import
#   --keep                keep the temporary data directory (H2 files, logs, dataset)
#   --rebuild             rebuild the jars even if they look current
# Environment: QUADRANT_BENCH_JAVA_OPTS (JVM options for both services, default -Xmx512m),
#   QUADRANT_DEMO_PASSWORD (the gateway's demo password, default quadrant-demo-2026).
# Needs: JDK 17+, python3, curl, wrk (installed with apt-get when missing and running as root).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH_DIR="$REPO/scripts/bench"
cd "$REPO"

say() { echo "[bench] $*"; }
trap 'echo "[bench] ERROR: line $LINENO: \"$BASH_COMMAND\" failed" >&2' ERR
die() { echo "[bench] ERROR: $*" >&2; exit 1; }

# ---- options ---------------------------------------------------------------------------------
QUICK=false
INDICATORS="" PERIODS="" CHUNK_ROWS="" DURATION="" WARMUP="" REPEAT=""
ORDER=indicator THREADS=2 CONNECTIONS=8
PORT_BASE="${QUADRANT_BENCH_PORT_BASE:-28180}"
RESULTS="" JFR=false SKIP_READS=false KEEP=false REBUILD=false DRAFTS=false
ARGS_GIVEN="$*"
need_arg() { [ $# -ge 2 ] && [ -n "$2" ] || die "$1 needs a value (try --help)"; }
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=true ;;
    --indicators) need_arg "$@"; INDICATORS="$2"; shift ;;
    --periods) need_arg "$@"; PERIODS="$2"; shift ;;
    --chunk-rows) need_arg "$@"; CHUNK_ROWS="$2"; shift ;;
    --order) need_arg "$@"; ORDER="$2"; shift ;;
    --threads) need_arg "$@"; THREADS="$2"; shift ;;
    --connections) need_arg "$@"; CONNECTIONS="$2"; shift ;;
    --duration) need_arg "$@"; DURATION="$2"; shift ;;
    --warmup) need_arg "$@"; WARMUP="$2"; shift ;;
    --repeat) need_arg "$@"; REPEAT="$2"; shift ;;
    --port-base) need_arg "$@"; PORT_BASE="$2"; shift ;;
    --results) need_arg "$@"; RESULTS="$2"; shift ;;
    --jfr) JFR=true ;;
    --skip-reads) SKIP_READS=true ;;
    --drafts) DRAFTS=true ;;
    --keep) KEEP=true ;;
    --rebuild) REBUILD=true ;;
    -h|--help) sed -n '2,50p' "$BENCH_DIR/indicators-bench.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
  shift
done
if $QUICK; then
  : "${INDICATORS:=50}" "${PERIODS:=24}" "${CHUNK_ROWS:=5000}" "${DURATION:=5}" "${WARMUP:=3}" "${REPEAT:=1}"
else
  : "${INDICATORS:=500}" "${PERIODS:=120}" "${CHUNK_ROWS:=50000}" "${DURATION:=20}" "${WARMUP:=10}" "${REPEAT:=3}"
fi
for v in INDICATORS PERIODS CHUNK_ROWS THREADS CONNECTIONS DURATION REPEAT PORT_BASE; do
  [[ "${!v}" =~ ^[1-9][0-9]*$ ]] || die "--${v,,} must be a positive whole number (got '${!v}')"
done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "--warmup must be a whole number of seconds"
[ "$ORDER" = indicator ] || [ "$ORDER" = period ] || die "--order must be indicator or period"
[ "$CONNECTIONS" -ge "$THREADS" ] || die "--connections must be at least --threads (wrk needs one per thread)"

GW_PORT="$PORT_BASE"
IND_PORT=$((PORT_BASE + 1))
GW="http://127.0.0.1:$GW_PORT"
IND="http://127.0.0.1:$IND_PORT"
DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
JAVA_OPTS="${QUADRANT_BENCH_JAVA_OPTS:--Xmx512m}"
STAMP="$(date -u +%Y%m%d-%H%M%S)"
if [ -z "$RESULTS" ]; then
  RESULTS="$BENCH_DIR/results/indicators-$STAMP$(if $QUICK; then echo -quick; fi).md"
fi
mkdir -p "$(dirname "$RESULTS")"
RESULTS="$(cd "$(dirname "$RESULTS")" && pwd)/$(basename "$RESULTS")"
JFR_OUT="${RESULTS%.md}-profile"

# ---- tools -----------------------------------------------------------------------------------
command -v java >/dev/null || die "java (JDK 17+) is required"
command -v python3 >/dev/null || die "python3 is required (for the dataset and the report)"
command -v curl >/dev/null || die "curl is required"
curl --help all 2>/dev/null | grep -q -- '--parallel-max' || die "curl 7.66 or newer is required (--parallel)"
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing wrk (apt-get install wrk) ..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; } >/dev/null \
      || die "apt-get install wrk failed"
  else
    die "wrk is required: install the Debian/Ubuntu package with 'sudo apt-get install wrk' (or build it from its sources) and run again"
  fi
fi
if $JFR; then command -v jcmd >/dev/null && command -v jfr >/dev/null || die "--jfr needs jcmd and jfr (a full JDK)"; fi

# ---- build -----------------------------------------------------------------------------------
MODULES=(gateway indicators-service)
jar_of() { echo "$REPO/$1/target/$1-0.1.0-SNAPSHOT.jar"; }
needs_build() {
  $REBUILD && return 0
  local m jar
  for m in "${MODULES[@]}"; do
    jar="$(jar_of "$m")"
    [ -f "$jar" ] || return 0
    [ -n "$(find "$m/src" "$m/pom.xml" pom.xml -newer "$jar" -print -quit 2>/dev/null)" ] && return 0
  done
  return 1
}
if needs_build; then
  say "building the jars (./mvnw -q -B -Dmaven.test.skip=true package -pl gateway,indicators-service -am) ..."
  ./mvnw -q -B -Dmaven.test.skip=true package -pl gateway,indicators-service -am || die "build failed"
fi
for m in "${MODULES[@]}"; do [ -f "$(jar_of "$m")" ] || die "$(jar_of "$m") is missing after the build"; done

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for p in "$GW_PORT" "$IND_PORT"; do
  port_in_use "$p" && die "port $p is in use: stop what listens there or choose --port-base"
done

# ---- temporary data directory; always stop the JVMs and clean up --------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/quadrant-bench.XXXXXX")"
DATASET="$WORK/dataset"
LOGS="$WORK/logs"
RAW="$WORK/raw"
mkdir -p "$DATASET" "$LOGS" "$RAW" "$WORK/data"
declare -A PIDS=()
WRK_PID=""

cleanup() {
  local rc=$?
  trap - EXIT
  trap '' INT TERM HUP
  if [ -n "$WRK_PID" ]; then kill -TERM "$WRK_PID" 2>/dev/null || true; fi
  if [ "$rc" -ne 0 ]; then
    for m in "${!PIDS[@]}"; do
      echo "[bench] last lines of $m's log:" >&2
      tail -n 25 "$LOGS/$m.log" >&2 2>/dev/null || true
    done
  fi
  local m pid
  for m in "${!PIDS[@]}"; do kill -TERM "${PIDS[$m]}" 2>/dev/null || true; done
  for _ in $(seq 1 30); do
    local alive=false
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.5
  done
  for m in "${!PIDS[@]}"; do
    kill -0 "${PIDS[$m]}" 2>/dev/null && { say "$m did not stop in 15 s; killing"; kill -KILL "${PIDS[$m]}" 2>/dev/null || true; }
  done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if $KEEP; then
    say "kept $WORK (H2 files in data/, logs/, dataset/, raw/)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
CLK_TCK="$(getconf CLK_TCK 2>/dev/null || echo 100)"
# CPU seconds the process has used so far (user + system): contention from other work on the
# machine stretches latency but hardly the CPU a request costs, so this is the steadier figure.
cpu_secs() { awk -v t="$CLK_TCK" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$1/stat" 2>/dev/null || echo 0; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }
LOAD_START="$(load_avg)"
T_START="$(now)"
say "load average at start: $LOAD_START (1, 5, 15 min) on $(nproc) cores"

# ---- dataset ---------------------------------------------------------------------------------
say "generating $INDICATORS indicators x 13 agencies x $PERIODS periods ($ORDER order, $CHUNK_ROWS rows per chunk) ..."
python3 "$BENCH_DIR/generate-values.py" --out "$DATASET" --indicators "$INDICATORS" --periods "$PERIODS" \
  --chunk-rows "$CHUNK_ROWS" --order "$ORDER" | sed 's/^/[bench] /'

# ---- start the services ----------------------------------------------------------------------
start() {  # module, extra env assignments...
  local m="$1"; shift
  # shellcheck disable=SC2086
  env "$@" QUADRANT_DATA_DIR="$WORK/data" \
    java $JAVA_OPTS -Dquadrant.run-dir="$WORK" -jar "$(jar_of "$m")" >>"$LOGS/$m.log" 2>&1 </dev/null &
  PIDS[$m]=$!
}
start_indicators() {
  start indicators-service QUADRANT_INDICATORS_PORT="$IND_PORT" QUADRANT_DEMO_DATA_ENABLED=false \
    QUADRANT_JWKS_URL="$GW/.well-known/jwks.json"
}
wait_ready() {  # module, url
  local deadline=$((SECONDS + 120))
  until [ "$(curl -s -o /dev/null -m 5 -w '%{http_code}' "$2/health/readiness" || true)" = 200 ]; do
    kill -0 "${PIDS[$1]}" 2>/dev/null || die "$1 exited during start-up"
    [ "$SECONDS" -lt "$deadline" ] || die "$1 not ready after 120 s"
    sleep 1
  done
}
start gateway QUADRANT_GATEWAY_PORT="$GW_PORT" QUADRANT_INDICATORS_URL="$IND" \
  QUADRANT_AUDITS_URL="http://127.0.0.1:9" QUADRANT_ACTIONS_URL="http://127.0.0.1:9"
start_indicators
say "started gateway (pid ${PIDS[gateway]}, :$GW_PORT) and indicators-service (pid ${PIDS[indicators-service]}, :$IND_PORT); JVM options $JAVA_OPTS"
wait_ready gateway "$GW"
wait_ready indicators-service "$IND"
say "both ready after $(elapsed "$T_START" "$(now)") s (including the dataset)"

# ---- tokens (15 minutes each: a fresh one for every step) ------------------------------------
token() {
  local body
  body="$(curl -s -m 10 -H 'content-type: application/json' \
    -d "{\"username\":\"manager\",\"password\":\"$DEMO_PASSWORD\"}" "$GW/api/v1/auth/token")" \
    || die "the gateway did not answer POST /api/v1/auth/token"
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' <<<"$body" 2>/dev/null \
    || die "no token for manager from the gateway (is QUADRANT_DEMO_PASSWORD right?): $body"
}
TOKEN="$(token)"
me="$(curl -s -m 10 -H "Authorization: Bearer $TOKEN" "$IND/api/v1/me")"
grep -q '"manager"' <<<"$me" || die "indicators-service does not accept the gateway's token: $me"

# ---- indicators and targets through the API --------------------------------------------------
# One curl process per step, --parallel over keep-alive connections; every status is checked.
api_batch() {  # what, json file, method, url template, expected status
  local what="$1" file="$2" method="$3" template="$4" expect="$5" cfg="$WORK/$1.curl" t0 codes bad
  python3 - "$file" "$method" "$IND" "$template" "$TOKEN" >"$cfg" <<'PY'
import json, sys
path, method, base, template, token = sys.argv[1:]
q = lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
for i, item in enumerate(json.load(open(path, encoding="utf-8"))):
    if i:
        print("next")
    if "period" in item:  # a target
        url, body = template.format(code=item["code"], period=item["period"]), {"value": item["value"]}
    else:
        url, body = template, item
    print("url = " + q(base + url))
    print("request = " + q(method))
    print("header = " + q("Authorization: Bearer " + token))
    print('header = "Content-Type: application/json"')
    print("data-binary = " + q(json.dumps(body, separators=(",", ":"))))
    print('output = "/dev/null"')
    print('write-out = "%{http_code}\\n"')
    print("silent")
    print('max-time = 30')
PY
  t0="$(now)"
  codes="$(curl -s --parallel --parallel-max 4 -K "$cfg" 2>>"$LOGS/curl.log" || true)"
  local secs n
  secs="$(elapsed "$t0" "$(now)")"
  n="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$file")"
  bad="$(grep -vc "^$expect\$" <<<"$codes" || true)"
  [ "$(grep -c "^$expect\$" <<<"$codes" || true)" = "$n" ] && [ "$bad" = 0 ] \
    || die "$what: expected $n x HTTP $expect, got: $(sort <<<"$codes" | uniq -c | tr '\n' ' ')"
  say "$what: $n calls in $secs s ($(awk -v n="$n" -v s="$secs" 'BEGIN { printf "%.0f", n / s }') calls/s)"
  printf '%s\t%s\t%s\n' "$what" "$n" "$secs" >>"$RAW/setup.tsv"
}
api_batch indicators "$DATASET/indicators.json" POST /api/v1/indicators 201
api_batch targets "$DATASET/targets.json" PUT '/api/v1/indicators/{code}/targets/{period}' 200

# ---- import ----------------------------------------------------------------------------------
jfr_top() {  # recording, output: the most sampled methods (self and inclusive)
  python3 "$BENCH_DIR/jfr-top.py" "$1" >"$2" 2>&1 || true
}
IND_PID="${PIDS[indicators-service]}"
if $JFR; then
  mkdir -p "$JFR_OUT"
  jcmd "$IND_PID" JFR.start name=import settings=profile filename="$JFR_OUT/import.jfr" >/dev/null
fi
mapfile -t CHUNKS < <(python3 -c 'import json,sys; [print(c["file"], c["rows"]) for c in json.load(open(sys.argv[1]))["chunks"]]' "$DATASET/manifest.json")
LOAD_IMPORT_BEFORE="$(load_avg)"
say "importing ${#CHUNKS[@]} chunk(s) (load average $LOAD_IMPORT_BEFORE) ..."
TOKEN="$(token)"; TOKEN_AT=$SECONDS
T_IMPORT="$(now)"
CPU_IMPORT_0="$(cpu_secs "$IND_PID")"
i=0
for entry in "${CHUNKS[@]}"; do
  i=$((i + 1))
  file="${entry% *}" rows="${entry#* }"
  if [ $((SECONDS - TOKEN_AT)) -gt 600 ]; then TOKEN="$(token)"; TOKEN_AT=$SECONDS; fi
  out="$(curl -s -m 600 -o "$RAW/import-$i.json" -w '%{http_code} %{time_total}' \
    -H "Authorization: Bearer $TOKEN" -H 'content-type: text/csv' \
    --data-binary "@$DATASET/$file" "$IND/api/v1/values/import?format=quadrant&dryRun=false" || true)"
  code="${out% *}" secs="${out#* }"
  imported="$(grep -o '"imported":[0-9]*' "$RAW/import-$i.json" 2>/dev/null | cut -d: -f2 || true)"
  [ "$code" = 200 ] && [ "$imported" = "$rows" ] \
    || die "import of $file: HTTP $code, imported '${imported:-?}' of $rows: $(head -c 600 "$RAW/import-$i.json" 2>/dev/null)"
  rps="$(awk -v n="$rows" -v s="$secs" 'BEGIN { printf "%.0f", n / s }')"
  say "  $file: $rows rows in $secs s = $rps rows/s"
  printf '%s\t%s\t%s\t%s\n' "$i" "$rows" "$secs" "$rps" >>"$RAW/import.tsv"
done
IMPORT_SECS="$(elapsed "$T_IMPORT" "$(now)")"
IMPORT_CPU="$(elapsed "$CPU_IMPORT_0" "$(cpu_secs "$IND_PID")")"
LOAD_IMPORT_AFTER="$(load_avg)"
if $JFR; then
  jcmd "$IND_PID" JFR.stop name=import >/dev/null || true
  jfr_top "$JFR_OUT/import.jfr" "$JFR_OUT/import-top.txt"
fi
H2_BYTES="$(stat -c %s "$WORK/data/indicators.mv.db" 2>/dev/null || echo 0)"
say "import: $(awk -F'\t' '{ n += $2 } END { print n }' "$RAW/import.tsv") rows in $IMPORT_SECS s (load average $LOAD_IMPORT_AFTER)"

# ---- sign-off: every value APPROVED, as history is (the board does not see other agencies' drafts)
SIGNOFF_SECS=""
if ! $DRAFTS && ! $SKIP_READS; then
  say "signing off the owner agencies' values (indicators-service stopped, SQL UPDATE on its H2 file, restarted) ..."
  t0="$(now)"
  kill -TERM "$IND_PID"
  for _ in $(seq 1 60); do kill -0 "$IND_PID" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$IND_PID" 2>/dev/null && die "indicators-service did not stop within 30 s"
  wait "$IND_PID" 2>/dev/null || true
  # One UPDATE per agency, so that H2 finds the rows through the unique (indicator, agency, period)
  # index (a single correlated UPDATE scans every row and takes several times as long).
  sql=""
  for a in CSC EI EDU TVP OH OUH CCG NPS CRC YJS PH VCS BOARD; do
    sql+="UPDATE indicator_value SET status = 'APPROVED', submitted_by = 'manager', submitted_at = CURRENT_TIMESTAMP(3),"
    sql+=" approved_by = 'manager', approved_at = CURRENT_TIMESTAMP(3) WHERE status = 'DRAFT' AND agency_code = '$a'"
    sql+=" AND indicator_code IN (SELECT code FROM indicator WHERE owner_agency = '$a'); "
  done
  java -Xmx2g -cp "$(jar_of indicators-service)" org.h2.tools.Shell \
    -url "jdbc:h2:file:$WORK/data/indicators;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR" \
    -user sa -password '' -sql "$sql" >"$LOGS/sign-off.log" 2>&1 \
    || die "the sign-off UPDATE failed: $(tail -n 5 "$LOGS/sign-off.log")"
  grep -q 'Update count' "$LOGS/sign-off.log" || die "the sign-off UPDATE did not run: $(tail -n 5 "$LOGS/sign-off.log")"
  start_indicators
  IND_PID="${PIDS[indicators-service]}"
  wait_ready indicators-service "$IND"
  SIGNOFF_SECS="$(elapsed "$t0" "$(now)")"
  SIGNED="$(grep -o 'Update count: [0-9]*' "$LOGS/sign-off.log" | awk '{ n += $3 } END { print n + 0 }')"
  say "signed off $SIGNED values in $SIGNOFF_SECS s; indicators-service restarted (pid $IND_PID)"
fi

# ---- reads under load ------------------------------------------------------------------------
ENDPOINTS=(
  "scorecard|/api/v1/scorecard"
  "scorecard-agency|/api/v1/scorecard?agency=CSC"
  "series|/api/v1/indicators/BENCH-0001/series"
  "exceptions|/api/v1/exceptions"
)
run_wrk() {  # seconds, url, log
  BENCH_TOKEN="$TOKEN" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1s" --timeout 10s -s "$BENCH_DIR/wrk-report.lua" "$2" >"$3" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || die "wrk failed: $(tail -n 5 "$3")"
  WRK_PID=""
}
if ! $SKIP_READS; then
  # Check every endpoint, then warm them all up (the JIT compiles the read paths; the service was
  # just restarted), and only then measure.
  for e in "${ENDPOINTS[@]}"; do
    name="${e%%|*}" path="${e#*|}"
    TOKEN="$(token)"
    check="$(curl -s -m 60 -o "$RAW/$name.json" -w '%{http_code} %{size_download} %{time_total}' -H "Authorization: Bearer $TOKEN" "$IND$path")"
    [ "${check%% *}" = 200 ] || die "GET $path answered $check: $(head -c 300 "$RAW/$name.json")"
    # "items" as "rows with a value/rows": a read that finds no values measures nothing useful.
    items="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d=d if isinstance(d, list) else [d]; print("%d/%d" % (sum(1 for x in d if isinstance(x, dict) and x.get("value") is not None), len(d)))' "$RAW/$name.json")"
    printf '%s\t%s\t%s\t%s\n' "$name" "$path" "$items" "$(cut -d' ' -f2 <<<"$check")" >>"$RAW/endpoints.tsv"
    say "$name: GET $path -> $items item(s) with a value, $(cut -d' ' -f2 <<<"$check") bytes, first call $(cut -d' ' -f3 <<<"$check") s"
  done
  if [ "$WARMUP" -gt 0 ]; then
    say "warming up: $WARMUP s of load on each endpoint (not reported) ..."
    TOKEN="$(token)"
    for e in "${ENDPOINTS[@]}"; do run_wrk "$WARMUP" "$IND${e#*|}" "$RAW/${e%%|*}-warmup.txt"; done
  fi
  for e in "${ENDPOINTS[@]}"; do
    name="${e%%|*}" path="${e#*|}"
    # One request at a time first (up to 5, at most 30 s): the latency without queueing.
    TOKEN="$(token)"
    t0=$SECONDS solo=()
    while [ "${#solo[@]}" -lt 5 ] && [ $((SECONDS - t0)) -lt 30 ]; do
      solo+=("$(curl -s -m 60 -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $TOKEN" "$IND$path")")
    done
    printf '%s\t%s\n' "$name" "${solo[*]}" >>"$RAW/solo.tsv"
    say "$name: one at a time: ${solo[*]} s"
    for r in $(seq 1 "$REPEAT"); do
      TOKEN="$(token)"
      before="$(load_avg)"
      if $JFR && [ "$r" = 1 ]; then
        mkdir -p "$JFR_OUT"
        jcmd "$IND_PID" JFR.start name="$name" settings=profile duration="${DURATION}s" filename="$JFR_OUT/$name.jfr" >/dev/null
      fi
      cpu0="$(cpu_secs "$IND_PID")"
      run_wrk "$DURATION" "$IND$path" "$RAW/$name-$r.txt"
      cpu="$(elapsed "$cpu0" "$(cpu_secs "$IND_PID")")"
      after="$(load_avg)"
      line="$(grep '^BENCH ' "$RAW/$name-$r.txt")" || die "no BENCH line from wrk: $(cat "$RAW/$name-$r.txt")"
      printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$r" "${line#BENCH } service_cpu_s=$cpu" "$before" "$after" >>"$RAW/wrk.tsv"
      say "  $name run $r/$REPEAT: ${line#BENCH } service_cpu_s=$cpu (load $before -> $after)"
      if $JFR && [ "$r" = 1 ]; then
        for _ in $(seq 1 20); do [ -s "$JFR_OUT/$name.jfr" ] && break; sleep 0.5; done
        jfr_top "$JFR_OUT/$name.jfr" "$JFR_OUT/$name-top.txt"
      fi
    done
  done
fi
LOAD_END="$(load_avg)"
TOTAL_SECS="$(elapsed "$T_START" "$(now)")"

# ---- report ----------------------------------------------------------------------------------
COMMIT="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$REPO" status --porcelain 2>/dev/null | head -1)" ]; then COMMIT="$COMMIT (with uncommitted changes)"; fi
export BENCH_CMD="scripts/bench/indicators-bench.sh${ARGS_GIVEN:+ $ARGS_GIVEN}" BENCH_QUICK="$QUICK" BENCH_COMMIT="$COMMIT"
export BENCH_MACHINE="$(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/^Mem:/ { print $2 }') GiB memory, $(uname -sr)"
export BENCH_JDK="$(java -version 2>&1 | head -1)"
export BENCH_JAVA_OPTS="$JAVA_OPTS" BENCH_WRK="$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
export BENCH_SIZES="$INDICATORS indicators x 13 agencies x $PERIODS monthly periods, $CHUNK_ROWS rows per chunk, $ORDER order"
export BENCH_WRK_ARGS="-t$THREADS -c$CONNECTIONS -d${DURATION}s --timeout 10s, $WARMUP s warm-up on each endpoint first, $REPEAT run(s) per endpoint, median reported"
export BENCH_LOADS="start $LOAD_START; import $LOAD_IMPORT_BEFORE -> $LOAD_IMPORT_AFTER; end $LOAD_END"
export BENCH_DURATION="$DURATION" BENCH_IMPORT_CPU="${IMPORT_CPU:-0}" BENCH_IMPORT_SECS="$IMPORT_SECS" BENCH_TOTAL_SECS="$TOTAL_SECS" BENCH_H2_BYTES="$H2_BYTES" BENCH_STAMP="$STAMP"
export BENCH_SIGNOFF="$(if [ -n "$SIGNOFF_SECS" ]; then echo "the owner agency's values of every indicator ($SIGNED) signed off (APPROVED) by SQL after the import, $SIGNOFF_SECS s; the service restarted before the reads"; elif $DRAFTS; then echo "values left as drafts (--drafts): the board sees only its own agency's"; fi)"
export BENCH_JFR="$(if $JFR; then echo "$JFR_OUT"; fi)"
python3 "$BENCH_DIR/report.py" "$RAW" >"$RESULTS"
echo
cat "$RESULTS"
say "report written to $RESULTS"
