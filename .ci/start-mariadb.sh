#!/usr/bin/env bash
# Starts a throwaway MariaDB without systemd and creates the test database.
# Usage: .ci/start-mariadb.sh [DATADIR]   (prints nothing on success but the URL)
set -euo pipefail
DATADIR=${1:-/tmp/approval-mariadb}
SOCK=$DATADIR/mysqld.sock
PORT=${MARIADB_PORT:-3306}
if ! mariadb-admin --socket="$SOCK" ping >/dev/null 2>&1; then
  if [ ! -d "$DATADIR/mysql" ]; then
    mkdir -p "$DATADIR"
    mariadb-install-db --no-defaults --user=root --datadir="$DATADIR" \
      --auth-root-authentication-method=socket --skip-test-db >"$DATADIR/install.log" 2>&1
  fi
  mariadbd --no-defaults --user=root --datadir="$DATADIR" --socket="$SOCK" --port="$PORT" \
    --bind-address=127.0.0.1 --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-flush-log-at-trx-commit=1 --max-connections=500 >"$DATADIR/server.log" 2>&1 &
  for _ in $(seq 1 100); do
    mariadb-admin --socket="$SOCK" ping >/dev/null 2>&1 && break
    sleep 0.2
  done
  mariadb-admin --socket="$SOCK" ping >/dev/null
fi
mariadb --socket="$SOCK" -e "
  CREATE DATABASE IF NOT EXISTS approval CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE DATABASE IF NOT EXISTS approval_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS 'approval'@'127.0.0.1' IDENTIFIED BY 'approval';
  GRANT ALL ON \`approval%\`.* TO 'approval'@'127.0.0.1';
  FLUSH PRIVILEGES;"
echo "mysql://approval:approval@127.0.0.1:$PORT/approval"
