#!/usr/bin/env bash
# The test command: installs what a fresh Debian/Ubuntu machine lacks for the tests (Chromium and its driver for
# the browser tests, the MariaDB client programs for the backup test, MariaDB's server with Galera and rsync for the
# cluster test, from the distribution's packages), then runs
# the whole suite with Maven.
#
# Tests use the MariaDB named by PORTAL_TEST_DB_URL (e.g. jdbc:mariadb://127.0.0.1:3306/test?user=root) when set,
# otherwise an embedded MariaDB; every run creates its own databases and drops them afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
# The backup and restore scripts are tested with the distribution's MariaDB client programs.
command -v mariadb-dump >/dev/null 2>&1 || missing+=(mariadb-client)
# ClusterIT starts a three-node Galera cluster on loopback (deploy/cluster/) from the distribution's packages.
[ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
[ -e /usr/lib/galera/libgalera_smm.so ] || missing+=(galera-4)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing ${missing[*]} from the distribution's packages" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

exec mvn -B verify "$@"
