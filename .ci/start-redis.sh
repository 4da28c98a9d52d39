#!/usr/bin/env bash
# Starts a throwaway Redis without systemd; prints its URL.
set -euo pipefail
PORT=${REDIS_PORT:-6379}
if ! redis-cli -p "$PORT" ping >/dev/null 2>&1; then
  redis-server --port "$PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile /tmp/redis-$PORT.log >/dev/null
  for _ in $(seq 1 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$PORT" ping >/dev/null
fi
echo "redis://127.0.0.1:$PORT"
