#!/bin/bash
# Restores Quadrant databases from one backup folder written by backup.sh.
#   restore.sh <folder>            e.g. restore.sh /backups/20261124T021500Z
# Targets: $RESTORE_TARGETS (default: every quadrant_*.sql.gz in the folder), with the same
# DB_<T>_HOST/PORT/NAME/USER/PASSWORD variables as backup.sh. Checks SHA256SUMS first.
# The dump drops and recreates each table it holds (Flyway's history table included): stop the
# service first (scale it to 0), restore, then start it again.
set -euo pipefail

dir="${1:?usage: restore.sh <backup folder>}"
[ -f "$dir/SHA256SUMS" ] || { echo "[restore] ERROR: $dir has no SHA256SUMS" >&2; exit 1; }
(cd "$dir" && sha256sum --quiet -c SHA256SUMS) || { echo "[restore] ERROR: checksum mismatch in $dir" >&2; exit 1; }
CLIENT="$(command -v mysql || command -v mariadb)"

targets="${RESTORE_TARGETS:-}"
if [ -z "$targets" ]; then
  for f in "$dir"/quadrant_*.sql.gz; do f="${f##*/quadrant_}"; targets+=" ${f%.sql.gz}"; done
fi

for t in $targets; do
  T="$(echo "$t" | tr '[:lower:]-' '[:upper:]_')"
  host_var="DB_${T}_HOST"; port_var="DB_${T}_PORT"; name_var="DB_${T}_NAME"
  user_var="DB_${T}_USER"; pass_var="DB_${T}_PASSWORD"
  host="${!host_var:-$t-db}"; port="${!port_var:-3306}"; db="${!name_var:-quadrant_$t}"
  user="${!user_var:?$user_var is not set}"; pass="${!pass_var:?$pass_var is not set}"
  file="$dir/quadrant_$t.sql.gz"
  [ -f "$file" ] || { echo "[restore] ERROR: no $file" >&2; exit 1; }
  echo "[restore] $file -> $db on $host:$port"
  gzip -dc "$file" | MYSQL_PWD="$pass" "$CLIENT" --protocol=tcp --host="$host" --port="$port" \
    --user="$user" "$db"
done
echo "[restore] done"
