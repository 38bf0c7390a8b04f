#!/usr/bin/env bash
# Starts a three-node Galera cluster on this machine, on loopback only, with its data under CLUSTER_DIR, and returns
# once all three nodes are Synced. The first start creates the data directories, a database "portal" and a user
# "portal"@"127.0.0.1" whose password is written to CLUSTER_DIR/portal.password (or taken from
# CLUSTER_PORTAL_PASSWORD); it prints the portal's PORTAL_DB_URL. A later start of a stopped cluster bootstraps from
# the node that stopped last (safe_to_bootstrap in its grastate.dat).
#
#   deploy/cluster/start.sh /var/tmp/portal-cluster
#
# Needs Debian's mariadb-server, galera-4 and rsync. Settings and ports: common.sh; three real machines: docs/cluster.md.
source "$(dirname "$0")/common.sh"
umask 077
mkdir -p "$cluster_dir"
chmod 755 "$cluster_dir"
first=1
fresh=0
for n in "${NODES[@]}"; do
  d=$(node_dir "$n")
  if [ ! -d "$d/data/mysql" ]; then
    fresh=1
    mkdir -p "$d/data"
    chmod 750 "$d"
    [ "$run_as" = mysql ] && chown -R mysql:mysql "$d"
    write_config "$n"
    socket_user=()
    [ "$(id -u)" -eq 0 ] || socket_user=(--auth-root-socket-user="$run_as")
    # One at a time, and checked: a data directory whose grant tables were not all written would refuse the
    # root account later, which shows only as "Access denied" while waiting for the node.
    if ! mariadb-install-db --defaults-file="$d/my.cnf" --auth-root-authentication-method=socket "${socket_user[@]}" \
        --skip-test-db >"$d/install.log" 2>&1; then
      echo "node $n: mariadb-install-db failed; its output:" >&2
      cat "$d/install.log" >&2
      exit 1
    fi
  fi
done
if [ "$fresh" -eq 0 ]; then
  for n in "${NODES[@]}"; do
    if grep -q '^safe_to_bootstrap: *1' "$(node_dir "$n")/data/grastate.dat" 2>/dev/null; then first=$n; break; fi
  done
fi
start_node "$first" new
await_synced "$first"
for n in "${NODES[@]}"; do
  [ "$n" = "$first" ] && continue
  start_node "$n"
  await_synced "$n"
done
password_file="$cluster_dir/portal.password"
if [ ! -s "$password_file" ]; then
  password=${CLUSTER_PORTAL_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=')}
  printf '%s' "$password" > "$password_file"
  sql "$first" -e "CREATE DATABASE IF NOT EXISTS portal CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
    CREATE USER IF NOT EXISTS 'portal'@'127.0.0.1' IDENTIFIED BY '$password';
    GRANT ALL PRIVILEGES ON portal.* TO 'portal'@'127.0.0.1';"
fi
hosts=""
for n in "${NODES[@]}"; do hosts+="${hosts:+,}127.0.0.1:$(sql_port "$n")"; done
echo "Cluster of ${#NODES[@]} nodes Synced: $(sql "$first" -e "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2) members"
echo "PORTAL_DB_URL=jdbc:mariadb:sequential://$hosts/portal PORTAL_DB_USER=portal PORTAL_DB_PASSWORD=\$(cat $password_file)"
