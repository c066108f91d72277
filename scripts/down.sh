#!/usr/bin/env bash
# Stops what scripts/up.sh started: SIGTERM, so workers finish the jobs in flight.
set -uo pipefail
cd "$(dirname "$0")/.."
for pidfile in .fleet/*.pid; do
  [ -e "$pidfile" ] || continue
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null && echo "stopping $(basename "$pidfile" .pid) ($pid)"
  rm -f "$pidfile"
done
for _ in $(seq 1 100); do
  pgrep -f 'target/debug/(ingress|worker)$' >/dev/null || break
  sleep 0.1
done
