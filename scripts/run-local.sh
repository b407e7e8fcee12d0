#!/usr/bin/env bash
# Run the whole Quadrant suite on this machine: gateway + indicators, audits and actions services,
# on embedded H2 with demo sign-ins. Needs only JDK 17+ (the Maven wrapper fetches Maven).
#
#   scripts/run-local.sh [--rebuild]
#
# Builds the jars if missing or older than the sources (--rebuild forces it), starts the four JVMs
# in the background, waits until every /health/readiness answers 200, prints where to sign in, and
# then waits. Ctrl-C (or SIGTERM, or any exit) stops all four JVMs.
#
# Environment (all optional):
#   QUADRANT_DATA_DIR        H2 files, gateway signing key, logs in $QUADRANT_DATA_DIR/logs (default <repo>/data)
#   QUADRANT_GATEWAY_PORT    8080     QUADRANT_INDICATORS_PORT 8081
#   QUADRANT_AUDITS_PORT     8082     QUADRANT_ACTIONS_PORT    8083
#   QUADRANT_DEMO_PASSWORD   demo users' password (default quadrant-demo-2026)
#   QUADRANT_AS_AT           the date pages work out what is due for (default 2018-05-15, the demo data's spring)
#   QUADRANT_BOARD_MEETINGS  board meeting dates for the chair's reminder (default 2018-05-21,2018-07-16)
#   QUADRANT_SMTP_HOST/PORT  send the reminders to this SMTP server (default: none, see /admin/outbox)
#   QUADRANT_JAVA_OPTS       JVM options for every service (default: quick start-up, small footprint:
#                            -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss512k
#                            -Xms32m -Xmx256m -XX:ReservedCodeCacheSize=64m; docs/performance.md)
#   QUADRANT_CDS             on (default) or off: AppCDS class-data archives in $QUADRANT_DATA_DIR/cds,
#                            one per service and option set, dumped when the suite is stopped the
#                            first time and used by every later start (about a third off start-up)
#   QUADRANT_START_TIMEOUT   seconds to wait for readiness (default 120)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

REBUILD=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) REBUILD=true ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-local: unknown argument '$arg' (try --help)" >&2; exit 2 ;;
  esac
done

MODULES=(gateway indicators-service audits-service actions-service)

export QUADRANT_GATEWAY_PORT="${QUADRANT_GATEWAY_PORT:-8080}"
export QUADRANT_INDICATORS_PORT="${QUADRANT_INDICATORS_PORT:-8081}"
export QUADRANT_AUDITS_PORT="${QUADRANT_AUDITS_PORT:-8082}"
export QUADRANT_ACTIONS_PORT="${QUADRANT_ACTIONS_PORT:-8083}"
# Services and gateway find each other on whatever ports were chosen.
export QUADRANT_JWKS_URL="${QUADRANT_JWKS_URL:-http://localhost:$QUADRANT_GATEWAY_PORT/.well-known/jwks.json}"
export QUADRANT_INDICATORS_URL="${QUADRANT_INDICATORS_URL:-http://localhost:$QUADRANT_INDICATORS_PORT}"
export QUADRANT_AUDITS_URL="${QUADRANT_AUDITS_URL:-http://localhost:$QUADRANT_AUDITS_PORT}"
export QUADRANT_ACTIONS_URL="${QUADRANT_ACTIONS_URL:-http://localhost:$QUADRANT_ACTIONS_PORT}"
DEMO_PASSWORD="${QUADRANT_DEMO_PASSWORD:-quadrant-demo-2026}"
# The demo data is the partnership's 2015–2018 papers: the pages work out what is due as at the
# spring of 2018, when the 2017/18 returns were being made (empty = today).
export QUADRANT_AS_AT="${QUADRANT_AS_AT-2018-05-15}"
# The chair's pre-meeting reminder goes 7 days before a board meeting: one in the demo's week.
export QUADRANT_BOARD_MEETINGS="${QUADRANT_BOARD_MEETINGS-2018-05-21,2018-07-16}"
JAVA_OPTS="${QUADRANT_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xss512k -Xms32m -Xmx256m -XX:ReservedCodeCacheSize=64m}"
CDS="${QUADRANT_CDS:-on}"
STOP_WAIT=30   # half-seconds to wait for the JVMs to stop (raised below while archives are dumped)
START_TIMEOUT="${QUADRANT_START_TIMEOUT:-120}"

mkdir -p "${QUADRANT_DATA_DIR:-$REPO/data}"
QUADRANT_DATA_DIR="$(cd "${QUADRANT_DATA_DIR:-$REPO/data}" && pwd)"   # services need it absolute
export QUADRANT_DATA_DIR
LOG_DIR="$QUADRANT_DATA_DIR/logs"
PID_DIR="$QUADRANT_DATA_DIR/run"
mkdir -p "$LOG_DIR" "$PID_DIR"

say() { echo "[run-local] $*"; }
die() { echo "[run-local] ERROR: $*" >&2; exit 1; }

# gateway -> QUADRANT_GATEWAY_PORT, indicators-service -> QUADRANT_INDICATORS_PORT, ...
port_var() { local n="${1%-service}"; echo "QUADRANT_${n^^}_PORT"; }
port_of() { local v; v="$(port_var "$1")"; echo "${!v}"; }

jar_of() { echo "$REPO/$1/target/$1-0.1.0-SNAPSHOT.jar"; }

# HTTP status of a GET, or 000 if nothing answers. curl if present, else bash's /dev/tcp.
http_status() {
  local url="$1"
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" 2>/dev/null || true
    return
  fi
  local hostport="${url#http://}"; hostport="${hostport%%/*}"
  local path="/${url#http://*/}" host="${hostport%:*}" port="${hostport##*:}" line
  (
    exec 3<>"/dev/tcp/$host/$port" || exit 0
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
    IFS= read -r -t 5 line <&3 && echo "$line" | awk '{print $2}'
  ) 2>/dev/null || true
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---- build -----------------------------------------------------------------------------------
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
  say "building jars (./mvnw -q -DskipTests package) ..."
  ./mvnw -q -B -DskipTests package || die "build failed"
fi
for m in "${MODULES[@]}"; do
  [ -f "$(jar_of "$m")" ] || die "$(jar_of "$m") is missing after the build (is $m in pom.xml's <modules>?)"
done

# ---- refuse busy ports -----------------------------------------------------------------------
for m in "${MODULES[@]}"; do
  p="$(port_of "$m")"
  if port_in_use "$p"; then
    die "port $p (for $m) is already in use: stop whatever listens there, or choose another port" \
        "with $(port_var "$m")=..."
  fi
done

# ---- start, and always stop on the way out --------------------------------------------------
declare -A PIDS=()

stop_all() {
  trap - EXIT
  trap '' INT TERM HUP   # a second Ctrl-C or TERM must not cut the cleanup short
  [ "${#PIDS[@]}" -gt 0 ] || return 0
  say "stopping ${!PIDS[*]} ..."
  local m pid
  for m in "${!PIDS[@]}"; do kill -TERM "${PIDS[$m]}" 2>/dev/null || true; done
  for _ in $(seq 1 "$STOP_WAIT"); do   # up to 15 s (60 s when dumping AppCDS archives) for a clean shutdown, then kill
    local alive=false
    for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=true; done
    $alive || break
    sleep 0.5
  done
  for m in "${!PIDS[@]}"; do
    if kill -0 "${PIDS[$m]}" 2>/dev/null; then
      say "$m did not stop in time; killing"
      kill -KILL "${PIDS[$m]}" 2>/dev/null || true
    fi
  done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  for m in "${!PIDS[@]}"; do rm -f "$PID_DIR/$m.pid"; done
  PIDS=()
  say "stopped"
}
trap 'stop_all' EXIT
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all; exit 129' HUP   # terminal closed

# AppCDS: an archive per service, jar and option set; a stale or damaged one is ignored by the JVM
# (-Xshare:auto), a missing one is dumped when this run stops.
cds_archive() {
  local key
  key="$(printf '%s %s' "$JAVA_OPTS" "$(stat -c %Y "$(jar_of "$1")")" | cksum | cut -d' ' -f1)"
  echo "$QUADRANT_DATA_DIR/cds/$1-$key.jsa"
}
cds_opts() {
  [ "$CDS" = on ] || return 0
  local m="$1" archive
  mkdir -p "$QUADRANT_DATA_DIR/cds"
  archive="$(cds_archive "$m")"
  if [ -s "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive"
  else
    rm -f "$QUADRANT_DATA_DIR/cds/$m-"*.jsa
    echo "-XX:ArchiveClassesAtExit=$archive"
  fi
}

# Dumping the archives at the first stop takes several seconds per JVM: allow for it.
STOP_WAIT=30
if [ "$CDS" = on ]; then
  for m in "${MODULES[@]}"; do [ -s "$(cds_archive "$m")" ] || STOP_WAIT=120; done
fi

for m in "${MODULES[@]}"; do
  # -Dquadrant.run-dir tags the process so scripts (smoke-test.sh) can check none is left behind.
  # shellcheck disable=SC2086
  java $JAVA_OPTS $(cds_opts "$m") -Dquadrant.run-dir="$QUADRANT_DATA_DIR" -jar "$(jar_of "$m")" \
    >"$LOG_DIR/$m.log" 2>&1 </dev/null &
  PIDS[$m]=$!
  echo "${PIDS[$m]}" >"$PID_DIR/$m.pid"
  say "started $m (pid ${PIDS[$m]}, port $(port_of "$m"), log $LOG_DIR/$m.log)"
done

# ---- wait for readiness ----------------------------------------------------------------------
deadline=$((SECONDS + START_TIMEOUT))
pending=("${MODULES[@]}")
while [ "${#pending[@]}" -gt 0 ]; do
  still=()
  for m in "${pending[@]}"; do
    if ! kill -0 "${PIDS[$m]}" 2>/dev/null; then
      echo "[run-local] ERROR: $m exited during startup; last lines of $LOG_DIR/$m.log:" >&2
      tail -n 40 "$LOG_DIR/$m.log" >&2
      exit 1
    fi
    [ "$(http_status "http://localhost:$(port_of "$m")/health/readiness")" = 200 ] || still+=("$m")
  done
  pending=("${still[@]+"${still[@]}"}")
  [ "${#pending[@]}" -eq 0 ] && break
  if [ "$SECONDS" -ge "$deadline" ]; then
    for m in "${pending[@]}"; do
      echo "[run-local] ERROR: $m not ready after ${START_TIMEOUT}s; last lines of $LOG_DIR/$m.log:" >&2
      tail -n 40 "$LOG_DIR/$m.log" >&2
    done
    exit 1
  fi
  sleep 1
done

agencies="csc ei edu tvp oh ouh ccg nps crc yjs ph vcs"
cat <<EOF

  Quadrant is running: http://localhost:$QUADRANT_GATEWAY_PORT

  Demo sign-ins (password: $DEMO_PASSWORD)
    chair                 board chair (reads everything)
    manager               board manager (business unit)
    tvp.lead, tvp.user    agency lead / contributor; likewise <agency>.lead, <agency>.user for
                          $agencies

  Services: indicators :$QUADRANT_INDICATORS_PORT  audits :$QUADRANT_AUDITS_PORT  actions :$QUADRANT_ACTIONS_PORT
  Data and logs: $QUADRANT_DATA_DIR
  Press Ctrl-C to stop.

EOF
say "ready"

# ---- wait; if any JVM dies, stop the rest and fail -------------------------------------------
# (wait returns early when a trapped signal arrives, so Ctrl-C/SIGTERM are handled at once.)
set +e
wait -n "${PIDS[@]}"
rc=$?
set -e
for m in "${!PIDS[@]}"; do
  if ! kill -0 "${PIDS[$m]}" 2>/dev/null; then
    echo "[run-local] ERROR: $m stopped unexpectedly (exit $rc); last lines of $LOG_DIR/$m.log:" >&2
    tail -n 20 "$LOG_DIR/$m.log" >&2
  fi
done
exit 1
