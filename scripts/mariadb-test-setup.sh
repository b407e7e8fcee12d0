#!/usr/bin/env bash
# Local MariaDB for `./mvnw -Pmysql verify` (Debian, run as root, no systemd needed).
#
#   scripts/mariadb-test-setup.sh start   # install if absent, start if not answering, create dbs/users
#   scripts/mariadb-test-setup.sh stop    # stop the server, but only if `start` launched it
#
# Creates, for each module M in indicators, audits, actions, gateway: database quadrant_M (utf8mb4)
# and user quadrant_M (@localhost and @127.0.0.1) granted only on quadrant_M. The password is
# $QUADRANT_TEST_MYSQL_PASSWORD (default quadrant-test, the pom's default); rerunning resets it.
# Then run:  ./mvnw -Pmysql -Dquadrant.test.mysql.password="$QUADRANT_TEST_MYSQL_PASSWORD" verify
set -euo pipefail

MODULES=(indicators audits actions gateway)
PASSWORD="${QUADRANT_TEST_MYSQL_PASSWORD:-quadrant-test}"
DATADIR=/var/lib/mysql
RUNDIR=/run/mysqld
SOCKET="$RUNDIR/mysqld.sock"
PIDFILE="$RUNDIR/quadrant-started.pid"   # exists only if this script started the server
LOGFILE="${QUADRANT_MARIADB_LOG:-/tmp/quadrant-mariadb.log}"

log() { echo "[mariadb-test-setup] $*"; }
die() { echo "[mariadb-test-setup] ERROR: $*" >&2; exit 1; }

ping_db() { mariadb-admin --socket="$SOCKET" --connect-timeout=2 ping >/dev/null 2>&1; }

start() {
  [ "$(id -u)" -eq 0 ] || die "must run as root (installs packages and starts mariadbd as user mysql)"

  if [ ! -x /usr/sbin/mariadbd ]; then
    log "installing mariadb-server"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server >/dev/null
  fi

  mkdir -p "$RUNDIR" && chown mysql:mysql "$RUNDIR"
  if [ ! -d "$DATADIR/mysql" ]; then
    log "initialising $DATADIR"
    mariadb-install-db --user=mysql --datadir="$DATADIR" >/dev/null
  fi

  if ping_db; then
    log "MariaDB already answering on $SOCKET; using it"
  else
    log "starting mariadbd (log: $LOGFILE)"
    # setsid: own session, so a Ctrl-C in the calling terminal does not reach it; `stop` ends it.
    rm -f "$RUNDIR/mariadbd.pid"
    setsid /usr/sbin/mariadbd --user=mysql --datadir="$DATADIR" --socket="$SOCKET" \
      --pid-file="$RUNDIR/mariadbd.pid" --bind-address=127.0.0.1 --port=3306 \
      >"$LOGFILE" 2>&1 </dev/null &
    local launched=$!
    for _ in $(seq 1 60); do
      ping_db && break
      kill -0 "$launched" 2>/dev/null || { tail -n 30 "$LOGFILE" >&2; die "mariadbd exited"; }
      sleep 1
    done
    ping_db || { tail -n 30 "$LOGFILE" >&2; kill "$launched" 2>/dev/null; die "mariadbd did not answer within 60 s"; }
    cat "$RUNDIR/mariadbd.pid" >"$PIDFILE" 2>/dev/null || echo "$launched" >"$PIDFILE"
    log "MariaDB up (pid $(cat "$PIDFILE"))"
  fi

  # Escape the password for a single-quoted SQL string.
  local pw=${PASSWORD//\\/\\\\}
  pw=${pw//\'/\\\'}
  local sql="" m host
  for m in "${MODULES[@]}"; do
    sql+="CREATE DATABASE IF NOT EXISTS quadrant_$m CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
    for host in localhost 127.0.0.1; do
      sql+="CREATE USER IF NOT EXISTS 'quadrant_$m'@'$host' IDENTIFIED BY '$pw';"
      sql+="ALTER USER 'quadrant_$m'@'$host' IDENTIFIED BY '$pw';"
      sql+="GRANT ALL PRIVILEGES ON quadrant_$m.* TO 'quadrant_$m'@'$host';"
    done
  done
  sql+="FLUSH PRIVILEGES;"
  mariadb --socket="$SOCKET" -uroot -e "$sql"
  log "databases and users ready: ${MODULES[*]/#/quadrant_}"
}

stop() {
  if [ ! -f "$PIDFILE" ]; then
    log "no server started by this script; nothing to stop"
    return 0
  fi
  local pid; pid=$(cat "$PIDFILE")
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping mariadbd (pid $pid)"
    kill -TERM "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && { log "still running; killing"; kill -KILL "$pid" || true; }
  fi
  rm -f "$PIDFILE"
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) die "usage: $0 [start|stop]" ;;
esac
