#!/usr/bin/env bash
# Proves the Kubernetes backup and restore on a real MariaDB, with the very scripts the CronJob and the
# restore Job run (k8s/base/backup/backup.sh and restore.sh):
#   1. empties the four databases quadrant_{gateway,indicators,audits,actions} and starts the four jars
#      on them with demo data on, so Flyway creates the schemas and the demo loaders fill them;
#   2. records every table's row count and CHECKSUM TABLE;
#   3. backs up with backup.sh (mysqldump --single-transaction), drops and recreates the databases;
#   4. checks that restore.sh refuses a folder whose SHA256SUMS does not match;
#   5. restores with restore.sh and compares counts and checksums table by table.
# Exits non-zero on any difference. Needs the MariaDB of scripts/mariadb-test-setup.sh (root over the
# socket; users quadrant_<m> with $QUADRANT_TEST_MYSQL_PASSWORD, default quadrant-test) and the jars of
# `./mvnw package` (built if missing).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
PASSWORD="${QUADRANT_TEST_MYSQL_PASSWORD:-quadrant-test}"
SOCKET="${QUADRANT_MARIADB_SOCKET:-/run/mysqld/mysqld.sock}"
BASE_PORT="${QUADRANT_BACKUP_TEST_PORT_BASE:-28180}"
MODULES=(gateway indicators audits actions)
# The four schemas this test drops and restores, as an SQL list; other quadrant_* databases on the
# same server (a developer's own test databases) are not this test's business.
SCHEMAS="'quadrant_gateway','quadrant_indicators','quadrant_audits','quadrant_actions'"
declare -A JAR=([gateway]=gateway [indicators]=indicators-service [audits]=audits-service [actions]=actions-service)
WORK="$(mktemp -d "${TMPDIR:-/tmp}/quadrant-backup-test.XXXXXX")"
PIDS=()

say() { echo "[backup-restore-test] $*"; }
die() { echo "[backup-restore-test] FAIL: $*" >&2; exit 1; }
root_sql() { mariadb --socket="$SOCKET" -uroot -N -B -e "$1"; }

cleanup() {
  local rc=$?
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$rc" -ne 0 ]; then
    for f in "$WORK"/*.log; do [ -f "$f" ] && { echo "---- $f"; tail -n 40 "$f"; }; done
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

mariadb-admin --socket="$SOCKET" ping >/dev/null 2>&1 || die "no MariaDB on $SOCKET (scripts/mariadb-test-setup.sh start)"
for m in "${MODULES[@]}"; do
  jar="${JAR[$m]}/target/${JAR[$m]}-0.1.0-SNAPSHOT.jar"
  [ -f "$jar" ] || { say "building jars"; ./mvnw -B -ntp -q -DskipTests package; break; }
done

recreate() {
  for m in "${MODULES[@]}"; do
    root_sql "DROP DATABASE IF EXISTS quadrant_$m; CREATE DATABASE quadrant_$m CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
  done
}

# 1. Fresh schemas filled by the apps themselves. Demo users on MariaDB need a password of their own
# (the gateway refuses the public default on a server database).
DEMO_PASSWORD="backup-test-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
say "emptying the databases and starting the four services with demo data"
recreate
i=0
for m in "${MODULES[@]}"; do
  port=$((BASE_PORT + i)); i=$((i + 1))
  env -i PATH="$PATH" HOME="$WORK" \
    QUADRANT_GATEWAY_PORT="$port" QUADRANT_INDICATORS_PORT="$port" QUADRANT_AUDITS_PORT="$port" QUADRANT_ACTIONS_PORT="$port" \
    QUADRANT_DATA_DIR="$WORK/data-$m" QUADRANT_DEMO_DATA_ENABLED=true QUADRANT_DEMO_PASSWORD="$DEMO_PASSWORD" \
    QUADRANT_JWKS_URL="http://127.0.0.1:$BASE_PORT/.well-known/jwks.json" \
    DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/quadrant_$m" \
    DATASOURCES_DEFAULT_USERNAME="quadrant_$m" DATASOURCES_DEFAULT_PASSWORD="$PASSWORD" \
    java -Xmx384m -jar "${JAR[$m]}/target/${JAR[$m]}-0.1.0-SNAPSHOT.jar" >"$WORK/$m.log" 2>&1 &
  PIDS+=($!)
  echo "$port" >"$WORK/$m.port"
done
for m in "${MODULES[@]}"; do
  port="$(cat "$WORK/$m.port")"
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$port/health/readiness" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fsS "http://127.0.0.1:$port/health/readiness" >/dev/null 2>&1 || die "$m did not become ready on :$port"
  say "$m ready on :$port"
done
for pid in "${PIDS[@]}"; do kill "$pid"; done
for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
PIDS=()

# 2. What is there: per table, rows and checksum.
snapshot() {
  local m t
  for m in "${MODULES[@]}"; do
    for t in $(root_sql "SELECT table_name FROM information_schema.tables WHERE table_schema='quadrant_$m' AND table_type='BASE TABLE' ORDER BY table_name"); do
      printf 'quadrant_%s.%s rows=%s checksum=%s\n' "$m" "$t" \
        "$(root_sql "SELECT COUNT(*) FROM quadrant_$m.\`$t\`")" \
        "$(root_sql "CHECKSUM TABLE quadrant_$m.\`$t\` EXTENDED" | awk '{print $2}')"
    done
  done
}
snapshot >"$WORK/before.txt"
tables=$(wc -l <"$WORK/before.txt")
rows=$(awk -F'rows=' '{split($2, a, " "); s += a[1]} END {print s + 0}' "$WORK/before.txt")
say "before: $tables tables, $rows rows"
[ "$tables" -ge 8 ] || die "expected the four schemas' tables, found $tables"
for m in "${MODULES[@]}"; do
  n=$(grep "^quadrant_$m\." "$WORK/before.txt" | awk -F'rows=' '{split($2, a, " "); s += a[1]} END {print s + 0}')
  [ "$n" -gt 0 ] || die "quadrant_$m has no rows: the demo data did not load"
done

# 3. Back up with the CronJob's script, then lose everything.
export BACKUP_DIR="$WORK/backups" BACKUP_RETENTION_DAYS=14
mkdir -p "$BACKUP_DIR"
for m in "${MODULES[@]}"; do
  M="$(echo "$m" | tr '[:lower:]' '[:upper:]')"
  export "DB_${M}_HOST=127.0.0.1" "DB_${M}_USER=quadrant_$m" "DB_${M}_PASSWORD=$PASSWORD"
done
bash k8s/base/backup/backup.sh >"$WORK/backup.log" 2>&1 || { cat "$WORK/backup.log"; die "backup.sh failed"; }
folder="$(find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20*' | head -n 1)"
[ -n "$folder" ] || die "backup.sh wrote no folder"
say "backed up to $(basename "$folder"): $(cd "$folder" && ls | tr '\n' ' ')"
recreate
left=$(root_sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema IN ($SCHEMAS)")
[ "$left" -eq 0 ] || die "the databases were not emptied ($left tables left)"
say "databases dropped and recreated empty"

# 4. A tampered backup is refused.
cp -r "$folder" "$WORK/tampered"
echo "-- tampered" | gzip >>"$WORK/tampered/quadrant_audits.sql.gz"
if bash k8s/base/backup/restore.sh "$WORK/tampered" >"$WORK/tampered.log" 2>&1; then
  die "restore.sh accepted a backup whose checksum does not match"
fi
[ "$(root_sql "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema IN ($SCHEMAS)")" -eq 0 ] \
  || die "restore.sh wrote something before refusing the tampered backup"
say "a tampered backup is refused"

# 5. Restore with the restore Job's script and compare.
bash k8s/base/backup/restore.sh "$folder" >"$WORK/restore.log" 2>&1 || { cat "$WORK/restore.log"; die "restore.sh failed"; }
snapshot >"$WORK/after.txt"
if ! diff -u "$WORK/before.txt" "$WORK/after.txt"; then
  die "the restored databases differ from the backed-up ones"
fi
say "restored: $tables tables, $rows rows, every count and checksum equal"
echo "1 passed, 0 failed"
