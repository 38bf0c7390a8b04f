#!/usr/bin/env bash
# A consistent backup of a running portal: the database (one transaction, so nothing half-written) and the
# uploaded images. The search index is not backed up: it is rebuilt from the database at start.
#
#   PORTAL_DATA_DIR=/var/lib/portal PORTAL_DB_URL=… PORTAL_DB_USER=… PORTAL_DB_PASSWORD=… deploy/backup.sh /backups
#
# With the embedded database the portal must be running (its server is the one dumped).
#
# Everything written is the owner's alone (files 600, a folder it creates 700), whatever the caller's umask: the dump
# holds the sealed consultations and the key beside it opens them.
set -euo pipefail
umask 077
target=${1:?usage: backup.sh TARGET_DIR}
source "$(dirname "$0")/db-env.sh"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
[ -d "$target" ] || mkdir -p -m 700 "$target"
sql="$target/portal-$stamp.sql.gz"
dump --single-transaction --quick --routines --triggers --hex-blob --default-character-set=utf8mb4 \
     --add-drop-table "$DB_NAME" | gzip -6 > "$sql.partial"
mv "$sql.partial" "$sql"
files=("$(basename "$sql")")
if [ -d "$data_dir/uploads" ]; then
  tar -czf "$target/portal-$stamp-uploads.tar.gz" -C "$data_dir" uploads
  files+=("portal-$stamp-uploads.tar.gz")
fi
# The generated consultation key (when PORTAL_CONSULTATION_KEY is not set): without it the consultations in the
# dump cannot be read. Kept readable by the owner only, like in the data directory.
if [ -f "$data_dir/consultation.key" ]; then
  install -m 600 "$data_dir/consultation.key" "$target/portal-$stamp-consultation.key"
  files+=("portal-$stamp-consultation.key")
fi
(cd "$target" && sha256sum "${files[@]}" > "portal-$stamp.sha256")
echo "Backup written: $target/portal-$stamp.*"
