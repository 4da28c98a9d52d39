#!/usr/bin/env bash
# Starts a throwaway three-node MariaDB Galera cluster on loopback, without systemd, and creates
# the cluster test and bench databases. Prints the failover URL (all three nodes) on stdout, nothing else.
# Usage: .ci/start-galera.sh [DIR]            (default /tmp/approval-galera)
#        .ci/stop-galera.sh  [DIR]            stops every node
# Node N (1..3) listens for SQL on 3310+N, Galera replication on 4557+10N, IST on 4558+10N, rsync
# SST on 4434+10N; its data, socket, log and pid file (mysqld.pid: the cluster test kill -9s one)
# are under DIR/nodeN. Nodes already running are left alone; missing ones join the running ones
# (IST), or, when none runs, the cluster is made afresh: node 1 bootstraps, 2 and 3 join (rsync SST).
set -euo pipefail
DIR=${1:-/tmp/approval-galera}
NODES=(1 2 3)
PROVIDER=/usr/lib/galera/libgalera_smm.so
[ -f "$PROVIDER" ] || { echo "start-galera: $PROVIDER missing (apt-get install galera-4)" >&2; exit 1; }
command -v rsync >/dev/null || { echo "start-galera: rsync missing (the SST method)" >&2; exit 1; }

sql_port() { echo $((3310 + $1)); }
wsrep_port() { echo $((4557 + 10 * $1)); }
sock() { echo "$DIR/node$1/mysqld.sock"; }
alive() { mariadb-admin --socket="$(sock "$1")" ping >/dev/null 2>&1; }
status() { mariadb --socket="$(sock "$1")" -N -B -e "SHOW GLOBAL STATUS LIKE '$2'" 2>/dev/null | cut -f2; }
members() { local p a=""; for n in "${NODES[@]}"; do a+="${a:+,}127.0.0.1:$(wsrep_port "$n")"; done; echo "gcomm://$a"; }

# A config file, not flags: the SST script (wsrep_sst_rsync) reads the node's settings from it.
write_cnf() {
  local n=$1 d="$DIR/node$1" wp
  wp=$(wsrep_port "$n")
  cat >"$d.cnf" <<EOF
[mysqld]
user=mysql
datadir=$d/data
socket=$d/mysqld.sock
pid-file=$d/mysqld.pid
log-error=$d/server.log
port=$(sql_port "$n")
bind-address=127.0.0.1
character-set-server=utf8mb4
collation-server=utf8mb4_unicode_ci
max-connections=500
innodb-flush-log-at-trx-commit=1
innodb-buffer-pool-size=64M
binlog-format=ROW
default-storage-engine=InnoDB
innodb-autoinc-lock-mode=2
wsrep-on=ON
wsrep-provider=$PROVIDER
wsrep-cluster-name=approval
wsrep-cluster-address=$(members)
wsrep-node-name=node$n
wsrep-node-address=127.0.0.1:$wp
wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:$wp;ist.recv_addr=127.0.0.1:$((wp + 1));gcache.size=64M
wsrep-sst-method=rsync
wsrep-sst-receive-address=127.0.0.1:$((4434 + 10 * n))
EOF
}

start_node() {
  local n=$1 d="$DIR/node$1" extra=${2:-}
  mkdir -p "$d/data"
  write_cnf "$n"
  if [ ! -d "$d/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=mysql --datadir="$d/data" \
      --auth-root-authentication-method=socket --skip-test-db >"$d/install.log" 2>&1
  fi
  chown -R mysql:mysql "$d"
  # setsid: the node is not in CI's process group, so it outlives nothing it should not.
  setsid mariadbd --defaults-file="$d.cnf" $extra >>"$d/stdout.log" 2>&1 </dev/null &
}

# Waits until node N is up and synced in a primary component (a joiner is up once its SST is done).
wait_synced() {
  local n=$1
  for _ in $(seq 1 300); do
    if alive "$n" && [ "$(status "$n" wsrep_local_state_comment)" = Synced ] && [ "$(status "$n" wsrep_cluster_status)" = Primary ]; then return 0; fi
    sleep 0.2
  done
  echo "start-galera: node $n did not sync; see $DIR/node$n/server.log" >&2
  tail -n 30 "$DIR/node$n/server.log" >&2 || true
  exit 1
}

running=()
for n in "${NODES[@]}"; do alive "$n" && running+=("$n"); done
if [ ${#running[@]} -eq 0 ]; then
  # Nothing runs: a fresh cluster (the data is throwaway; no grastate to reconcile).
  for n in "${NODES[@]}"; do
    pid=$(cat "$DIR/node$n/mysqld.pid" 2>/dev/null || true)
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$DIR"
  mkdir -p "$DIR"
  start_node 1 --wsrep-new-cluster
  wait_synced 1
  running=(1)
fi
for n in "${NODES[@]}"; do
  alive "$n" && continue
  # A node killed earlier rejoins from its own data (IST); its stale pid file is removed first.
  rm -f "$DIR/node$n/mysqld.pid"
  start_node "$n"
done
for n in "${NODES[@]}"; do wait_synced "$n"; done
for _ in $(seq 1 100); do [ "$(status 1 wsrep_cluster_size)" = 3 ] && break; sleep 0.2; done
[ "$(status 1 wsrep_cluster_size)" = 3 ] || { echo "start-galera: cluster size $(status 1 wsrep_cluster_size), not 3" >&2; exit 1; }

# DDL and grants replicate (TOI): made once, on node 1.
mariadb --socket="$(sock 1)" -e "
  CREATE DATABASE IF NOT EXISTS approval_cluster CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE DATABASE IF NOT EXISTS approval_cluster_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
  CREATE USER IF NOT EXISTS 'approval'@'127.0.0.1' IDENTIFIED BY 'approval';
  GRANT ALL ON \`approval%\`.* TO 'approval'@'127.0.0.1';"
hosts=""
for n in "${NODES[@]}"; do hosts+="${hosts:+,}127.0.0.1:$(sql_port "$n")"; done
echo "mysql://approval:approval@$hosts/approval_cluster"
