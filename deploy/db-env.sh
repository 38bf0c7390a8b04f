# Sourced by backup.sh and restore.sh: how to reach the portal's database, from the same PORTAL_* settings the
# portal reads. Sets DB_NAME, DB_ARGS (connection options for mariadb / mariadb-dump), DB_BIN (where the client
# programs are) and exports MYSQL_PWD so that no password appears on a command line.
data_dir=$(realpath -m "${PORTAL_DATA_DIR:-./data}")
if [ -n "${PORTAL_DB_URL:-}" ]; then
  # One host (jdbc:mariadb://db:3306/portal) or the nodes of a cluster (jdbc:mariadb://db1,db2,db3/portal or
  # jdbc:mariadb:sequential://…): the first node that answers is used, as the portal does.
  rest=${PORTAL_DB_URL#jdbc:mariadb:sequential://}
  rest=${rest#jdbc:mariadb://}
  rest=${rest#jdbc:mysql://}
  hostports=${rest%%/*}
  DB_NAME=${rest#*/}
  DB_NAME=${DB_NAME%%\?*}
  [[ "$DB_NAME" =~ ^[A-Za-z0-9_]+$ ]] || { echo "cannot read the database name from PORTAL_DB_URL" >&2; exit 2; }
  export MYSQL_PWD="${PORTAL_DB_PASSWORD:-}"
  DB_BIN=""
  IFS=, read -r -a hosts <<< "$hostports"
  for hostport in "${hosts[@]}"; do
    host=${hostport%%:*}
    port=3306
    [ "$hostport" != "$host" ] && port=${hostport#*:}
    DB_ARGS=(--host="$host" --port="$port" --user="${PORTAL_DB_USER:-root}" --protocol=TCP)
    [ ${#hosts[@]} -eq 1 ] && break
    if mariadb "${DB_ARGS[@]}" --connect-timeout=3 -e 'SELECT 1' "$DB_NAME" >/dev/null 2>&1; then
      break
    fi
    echo "database node $host:$port does not answer, trying the next one" >&2
  done
else
  # The embedded server: its own client programs, its socket in the data directory, root with the password the
  # portal generated at its first start (EmbeddedMariaDb); only the owner of the data directory can read it.
  DB_NAME=portal
  password_file="$data_dir/mariadb/root.password"
  [ -r "$password_file" ] || { echo "cannot read $password_file: run this as the portal's user, after the portal has started once on $data_dir" >&2; exit 2; }
  MYSQL_PWD=$(<"$password_file")
  export MYSQL_PWD
  # The server runs without TLS (--skip-ssl, see EmbeddedMariaDb): its 11.4 clients ask for TLS unless told not to.
  DB_ARGS=(--socket="$data_dir/mariadb/mariadb.sock" --user=root --skip-ssl)
  DB_BIN="$data_dir/mariadb/base/bin/"
  export LD_LIBRARY_PATH="$data_dir/mariadb/base/libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
fi
client() { "${DB_BIN}mariadb" "${DB_ARGS[@]}" "$@"; }
dump() { "${DB_BIN}mariadb-dump" "${DB_ARGS[@]}" "$@"; }
