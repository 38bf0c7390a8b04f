#!/usr/bin/env bash
# One node of the cluster started by start.sh in CLUSTER_DIR, for an operator's or a test's failover trial:
#
#   deploy/cluster/nodes.sh CLUSTER_DIR status          each node's pid, state and the cluster size it sees
#   deploy/cluster/nodes.sh CLUSTER_DIR kill N          kill -9 node N, as a machine that dies
#   deploy/cluster/nodes.sh CLUSTER_DIR stop N          stops node N cleanly
#   deploy/cluster/nodes.sh CLUSTER_DIR start N         starts node N again and waits until it has caught up (Synced)
source "$(dirname "$0")/common.sh"
command=${2:?usage: nodes.sh CLUSTER_DIR status|kill N|stop N|start N}
case "$command" in
  status)
    for n in "${NODES[@]}"; do
      if running "$n"; then
        printf 'node%s pid %s port %s %s, cluster size %s\n' "$n" "$(pid_of "$n")" "$(sql_port "$n")" \
            "$(state_of "$n")" "$(sql "$n" -e "SHOW STATUS LIKE 'wsrep_cluster_size'" 2>/dev/null | cut -f2)"
      else
        printf 'node%s down\n' "$n"
      fi
    done
    ;;
  kill)
    n=${3:?node number}
    p=$(pid_of "$n")
    [ -n "$p" ] && kill -9 "$p" 2>/dev/null || true
    while [ -n "$p" ] && kill -0 "$p" 2>/dev/null; do sleep 0.1; done
    ;;
  stop)
    stop_node "${3:?node number}"
    ;;
  start)
    n=${3:?node number}
    start_node "$n"
    await_synced "$n"
    ;;
  *)
    echo "unknown command $command" >&2
    exit 2
    ;;
esac
