#!/usr/bin/env bash
# Restores a backup made by backup.sh into the database the PORTAL_* settings name, and the uploads into the data
# directory; removes the search index so that the next start rebuilds it from the restored database.
#
#   PORTAL_DATA_DIR=… PORTAL_DB_URL=… deploy/restore.sh /backups/portal-20261129T101500Z.sql.gz
#
# The portal must be stopped. The target database may be new or empty; one that holds articles is refused unless
# --force is given. With the embedded database (no PORTAL_DB_URL), start the portal once on the data directory
# first so that it exists, stop it, then restore.
set -euo pipefail
force=no
if [ "${1:-}" = "--force" ]; then force=yes; shift; fi
sql=${1:?usage: restore.sh [--force] BACKUP.sql.gz}
source "$(dirname "$0")/db-env.sh"
base=${sql%.sql.gz}
[ -f "$base.sha256" ] && (cd "$(dirname "$sql")" && sha256sum --quiet -c "$(basename "$base").sha256")

embedded_pid=""
cleanup() {
  if [ -n "$embedded_pid" ]; then
    "${DB_BIN}mariadb-admin" "${DB_ARGS[@]}" shutdown >/dev/null 2>&1 || kill "$embedded_pid" 2>/dev/null || true
    wait "$embedded_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
if [ -z "${PORTAL_DB_URL:-}" ]; then
  [ -d "$data_dir/mariadb/data" ] || { echo "no embedded database in $data_dir: start the portal once first" >&2; exit 2; }
  user_arg=(); [ "$(id -u)" -eq 0 ] && user_arg=(--user=root)
  # With its grant tables, as the portal runs it: root's password (from db-env.sh) is needed even on the socket.
  "${DB_BIN}mariadbd" --no-defaults --datadir="$data_dir/mariadb/data" --socket="$data_dir/mariadb/mariadb.sock" \
      --skip-networking --skip-ssl "${user_arg[@]}" >/dev/null 2>&1 &
  embedded_pid=$!
  for _ in $(seq 1 60); do client -e "select 1" >/dev/null 2>&1 && break; sleep 0.5; done
fi

client -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
articles=$(client -N -e "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema='$DB_NAME' AND table_name='articles'")
if [ "$articles" = "1" ] && [ "$force" = "no" ]; then
  rows=$(client -N -e "SELECT COUNT(*) FROM \`$DB_NAME\`.articles")
  if [ "$rows" != "0" ]; then
    echo "the database $DB_NAME already holds $rows article(s); restore with --force to replace them" >&2
    exit 3
  fi
fi
gunzip -c "$sql" | client "$DB_NAME"
if [ -f "$base-uploads.tar.gz" ]; then
  mkdir -p "$data_dir"
  rm -rf "$data_dir/uploads"
  tar -xzf "$base-uploads.tar.gz" -C "$data_dir"
fi
if [ -f "$base-consultation.key" ]; then
  mkdir -p "$data_dir"
  install -m 600 "$base-consultation.key" "$data_dir/consultation.key"
fi
rm -rf "$data_dir/index"
echo "Restored $sql into $DB_NAME; the search index will be rebuilt at the next start."
