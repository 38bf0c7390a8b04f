#!/usr/bin/env bash
# Stops the cluster started by start.sh in CLUSTER_DIR cleanly, one node after the other: the last one stopped
# (node 1) is marked safe to bootstrap, and start.sh starts the cluster again from it. The data stays.
#
#   deploy/cluster/stop.sh /var/tmp/portal-cluster
source "$(dirname "$0")/common.sh"
status=0
for ((i = ${#NODES[@]} - 1; i >= 0; i--)); do
  stop_node "${NODES[$i]}" || status=1
done
exit $status
