# Sourced by start.sh, stop.sh and nodes.sh: the settings of a three-node Galera cluster on one machine, on loopback
# only (docs/cluster.md). Every node has its own ports and its own data directory under the cluster's directory:
#
#   node N (1..3): SQL 127.0.0.1:$((SQL_BASE+N)), Galera 127.0.0.1:$((WSREP_BASE+N)),
#                  incremental state transfer (IST) 127.0.0.1:$((IST_BASE+N)), rsync state transfer (SST) $((SST_BASE+N))
#
# The defaults (3311-3313, 4571-4573, 4581-4583, 4591-4593) leave a MariaDB on 3306 alone; each can be moved with
# CLUSTER_SQL_BASE, CLUSTER_WSREP_BASE, CLUSTER_IST_BASE, CLUSTER_SST_BASE.
set -euo pipefail
cluster_dir=$(realpath -m "${1:?usage: $(basename "$0") CLUSTER_DIR ...}")
SQL_BASE=${CLUSTER_SQL_BASE:-3310}
WSREP_BASE=${CLUSTER_WSREP_BASE:-4570}
IST_BASE=${CLUSTER_IST_BASE:-4580}
SST_BASE=${CLUSTER_SST_BASE:-4590}
NODES=(1 2 3)
GALERA=${CLUSTER_GALERA_PROVIDER:-/usr/lib/galera/libgalera_smm.so}
MARIADBD=${CLUSTER_MARIADBD:-/usr/sbin/mariadbd}
# The servers run as the mysql user when started by root (mariadbd refuses to run as root, and the rsync state
# transfer must be able to write into the joiner's data directory); otherwise as the calling user.
if [ "$(id -u)" -eq 0 ]; then run_as=mysql; else run_as=$(id -un); fi

node_dir() { echo "$cluster_dir/node$1"; }
sql_port() { echo $((SQL_BASE + $1)); }
socket_of() { echo "$(node_dir "$1")/mariadb.sock"; }
pid_of() { local f; f="$(node_dir "$1")/mariadb.pid"; [ -s "$f" ] && cat "$f" || true; }
running() { local p; p=$(pid_of "$1"); [ -n "$p" ] && kill -0 "$p" 2>/dev/null; }
cluster_address() {
  local n a=""
  for n in "${NODES[@]}"; do a+="${a:+,}127.0.0.1:$((WSREP_BASE + n))"; done
  echo "gcomm://$a"
}
# A client on the node's socket, as the database root account (authenticated by the operating system user).
sql() { local n=$1; shift; mariadb --no-defaults --socket="$(socket_of "$n")" --user=root --batch --skip-column-names "$@"; }
state_of() { sql "$1" -e "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2 || true; }

write_config() {
  local n=$1 d
  d=$(node_dir "$n")
  cat > "$d/my.cnf" <<CNF
[mariadbd]
user = $run_as
datadir = $d/data
socket = $d/mariadb.sock
pid-file = $d/mariadb.pid
log-error = $d/error.log
port = $(sql_port "$n")
bind-address = 127.0.0.1
skip-name-resolve
# What Galera needs: row-based replication, InnoDB everywhere, interleaved auto-increment locks.
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
innodb_flush_log_at_trx_commit = 2
# Small, as three servers share one machine; size these for a real machine.
innodb_buffer_pool_size = 96M
performance_schema = OFF
max_connections = 200
wsrep_on = ON
wsrep_provider = $GALERA
wsrep_cluster_name = portal-cluster
wsrep_cluster_address = $(cluster_address)
wsrep_node_name = node$n
wsrep_node_address = 127.0.0.1:$((WSREP_BASE + n))
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$((WSREP_BASE + n));ist.recv_addr=127.0.0.1:$((IST_BASE + n));gcache.size=128M"
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:$((SST_BASE + n))
CNF
}

# Starts node N (bootstrapping a new cluster when the second argument is "new") and returns at once.
start_node() {
  local n=$1 mode=${2:-join} d extra=()
  d=$(node_dir "$n")
  running "$n" && return 0
  [ "$mode" = new ] && extra+=(--wsrep-new-cluster)
  # After a crash (kill -9, power cut) grastate.dat no longer says how far the node got (seqno -1), and the node
  # would need a full copy (SST). Recover the position from InnoDB first, as mysqld_safe does, so that it receives
  # only what it missed (IST) when the others still have it in their gcache.
  if grep -q '^seqno: *-1' "$d/data/grastate.dat" 2>/dev/null; then
    local recovered
    "$MARIADBD" --defaults-file="$d/my.cnf" --wsrep-recover --log-error="$d/recover.log" </dev/null >/dev/null 2>&1 || true
    recovered=$(sed -n 's/.*WSREP: Recovered position: *\([^ ]*\).*/\1/p' "$d/recover.log" 2>/dev/null | tail -n 1)
    rm -f "$d/recover.log"
    [ -n "$recovered" ] && extra+=(--wsrep-start-position="$recovered")
  fi
  # setsid: the server outlives the calling shell and is not hit by a terminal's signals.
  setsid "$MARIADBD" --defaults-file="$d/my.cnf" "${extra[@]}" </dev/null >>"$d/error.log" 2>&1 &
}

# Waits until node N reports Synced (or fails after the given seconds).
await_synced() {
  local n=$1 limit=${2:-120} i
  for ((i = 0; i < limit * 4; i++)); do
    [ "$(state_of "$n")" = Synced ] && return 0
    sleep 0.25
  done
  echo "node $n not Synced within ${limit}s; its log: $(node_dir "$n")/error.log" >&2
  grep -v 'Access denied' "$(node_dir "$n")/error.log" | tail -n 30 >&2 || true
  echo "last client answer: $(sql "$n" -e 'SELECT 1' 2>&1 | tail -n 1)" >&2
  echo "its mariadb-install-db output (last lines):" >&2
  tail -n 10 "$(node_dir "$n")/install.log" >&2 2>/dev/null || true
  return 1
}

# Stops node N cleanly (SIGTERM, then waits for the process to end).
stop_node() {
  local n=$1 p i
  p=$(pid_of "$n")
  [ -n "$p" ] && kill -0 "$p" 2>/dev/null || return 0
  kill -TERM "$p"
  for ((i = 0; i < 240; i++)); do
    kill -0 "$p" 2>/dev/null || return 0
    sleep 0.25
  done
  echo "node $n did not stop within 60s" >&2
  return 1
}
