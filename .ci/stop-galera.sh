#!/usr/bin/env bash
# Stops the nodes .ci/start-galera.sh started (a clean shutdown, then SIGKILL after 30 s).
# Usage: .ci/stop-galera.sh [DIR]   (default /tmp/approval-galera)
set -uo pipefail
DIR=${1:-/tmp/approval-galera}
pids=()
for n in 1 2 3; do
  pid=$(cat "$DIR/node$n/mysqld.pid" 2>/dev/null) || continue
  kill -0 "$pid" 2>/dev/null || continue
  kill -TERM "$pid" && pids+=("$pid")
done
for _ in $(seq 1 150); do
  left=()
  for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && left+=("$pid"); done
  [ ${#left[@]} -eq 0 ] && exit 0
  sleep 0.2
done
for pid in "${left[@]}"; do kill -9 "$pid" 2>/dev/null; done
exit 0
