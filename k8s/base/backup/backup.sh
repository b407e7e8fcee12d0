#!/bin/bash
# Dumps each Quadrant database into one timestamped folder under $BACKUP_DIR:
#   $BACKUP_DIR/<UTC stamp>/quadrant_<target>.sql.gz   plus SHA256SUMS
# The CronJob quadrant-backup runs this; scripts/backup-restore-test.sh runs the same file in CI.
#
# For each target T in $BACKUP_TARGETS (default: gateway indicators audits actions) it reads
#   DB_<T>_HOST (default <t>-db), DB_<T>_PORT (3306), DB_<T>_NAME (quadrant_<t>),
#   DB_<T>_USER, DB_<T>_PASSWORD   (from the Secret quadrant-<t>-db; the service's own user suffices)
# and keeps the last $BACKUP_RETENTION_DAYS days (default 14) of folders.
# A folder appears under its final name only once every dump in it is complete.
set -euo pipefail

BACKUP_DIR="${BACKUP_DIR:-/backups}"
RETENTION_DAYS="${BACKUP_RETENTION_DAYS:-14}"
TARGETS="${BACKUP_TARGETS:-gateway indicators audits actions}"
DUMP="$(command -v mysqldump || command -v mariadb-dump)"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
work="$BACKUP_DIR/.partial-$stamp"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

for t in $TARGETS; do
  T="$(echo "$t" | tr '[:lower:]-' '[:upper:]_')"
  host_var="DB_${T}_HOST"; port_var="DB_${T}_PORT"; name_var="DB_${T}_NAME"
  user_var="DB_${T}_USER"; pass_var="DB_${T}_PASSWORD"
  host="${!host_var:-$t-db}"; port="${!port_var:-3306}"; db="${!name_var:-quadrant_$t}"
  user="${!user_var:?$user_var is not set}"; pass="${!pass_var:?$pass_var is not set}"
  echo "[backup] $db on $host:$port"
  # One consistent snapshot per database without locking the tables (InnoDB); the password goes
  # through the environment, never the command line.
  MYSQL_PWD="$pass" "$DUMP" --single-transaction --quick --routines --triggers --no-tablespaces \
    --protocol=tcp --host="$host" --port="$port" --user="$user" "$db" \
    | gzip -6 >"$work/quadrant_$t.sql.gz"
  # A dump ends with a "-- Dump completed" line only when mysqldump finished.
  gzip -dc "$work/quadrant_$t.sql.gz" | tail -n 1 | grep -q '^-- Dump completed' \
    || { echo "[backup] ERROR: dump of $db is incomplete" >&2; exit 1; }
done

(cd "$work" && sha256sum -- *.sql.gz >SHA256SUMS)
mv "$work" "$BACKUP_DIR/$stamp"
trap - EXIT
echo "[backup] done: $BACKUP_DIR/$stamp"
ls -l "$BACKUP_DIR/$stamp"

# Retention: whole folders older than the retention period (never the one just written).
find "$BACKUP_DIR" -mindepth 1 -maxdepth 1 -type d -name '20*' ! -name "$stamp" \
  -mtime +"$RETENTION_DAYS" -print -exec rm -rf {} +
