#!/usr/bin/env bash
# What visit counting costs a request (see VisitCounterBench.java). Needs the packaged jar and a MariaDB server
# (root, no password; default jdbc:mariadb://127.0.0.1:3306/): it creates a database of its own and drops it.
#   mvn -B -DskipTests package && bash deploy/bench/visit-counter-bench.sh [jdbc:mariadb://host:port/]
#   bash deploy/bench/visit-counter-bench.sh http [jdbc:mariadb://host:port/]   throughput of /ro/ with counting on vs off
set -euo pipefail
cd "$(dirname "$0")/../.."
jar=portal-web/target/portal.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
bench=deploy/bench/VisitCounterBench.java
if [ "${1:-}" = http ]; then
  bench=deploy/bench/VisitCountingHttpBench.java
  shift
fi
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$jar" "$bench" "$@"
