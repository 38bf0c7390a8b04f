#!/usr/bin/env bash
# Prepares an external MariaDB for the portal: a utf8mb4 database and a user with only the rights it needs.
# Flyway creates and upgrades the schema at every start, so the user needs DDL rights on its own database
# (CREATE, ALTER, DROP, INDEX, REFERENCES) besides reading and writing data; nothing on other databases.
#
#   PORTAL_DB_NAME=portal PORTAL_DB_USER=portal PORTAL_DB_PASSWORD='…' PORTAL_DB_HOST_PATTERN=localhost \
#     bash deploy/mariadb/prepare.sh            # runs `mariadb` as the local administrator (root via unix socket)
set -euo pipefail
name=${PORTAL_DB_NAME:-portal}
user=${PORTAL_DB_USER:-portal}
host=${PORTAL_DB_HOST_PATTERN:-localhost}
password=${PORTAL_DB_PASSWORD:?set PORTAL_DB_PASSWORD}
mariadb_cmd=${MARIADB:-mariadb}
[[ "$name" =~ ^[A-Za-z0-9_]+$ ]] || { echo "PORTAL_DB_NAME must be letters, digits or _" >&2; exit 2; }
[[ "$user" =~ ^[A-Za-z0-9_]+$ ]] || { echo "PORTAL_DB_USER must be letters, digits or _" >&2; exit 2; }
escaped=${password//\\/\\\\}
escaped=${escaped//\'/\\\'}
$mariadb_cmd <<SQL
CREATE DATABASE IF NOT EXISTS \`$name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$user'@'$host' IDENTIFIED BY '$escaped';
ALTER USER '$user'@'$host' IDENTIFIED BY '$escaped';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, LOCK TABLES
  ON \`$name\`.* TO '$user'@'$host';
FLUSH PRIVILEGES;
SQL
echo "Database $name and user $user@$host ready; set PORTAL_DB_URL=jdbc:mariadb://HOST:3306/$name"
