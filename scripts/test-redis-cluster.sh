#!/usr/bin/env bash
# Runs the queue protocol suite (jobs/tests/protocol) on a Redis Cluster of three primaries
# started here: the same cluster testkit's redis_nodes::LocalCluster starts (cluster mode, no
# persistence, node timeout 1 s, joined with `redis-cli --cluster create`), on fixed ports: the
# first three free ones from 7300, or CLUSTER_PORTS (which must be free). The cluster is stopped and its folder removed however the run ends.
#
#   scripts/test-redis-cluster.sh [cargo test arguments after the test binary's name]
#   CLUSTER_PORTS="7101 7102 7103" scripts/test-redis-cluster.sh -- keyed
#
# The tests that put a TCP fault proxy between the queue and Redis say they are skipped (one
# proxy cannot stand in for a cluster's redirects); every other test runs as on one server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/lib.sh
command -v redis-server >/dev/null || apt_install redis-server
command -v redis-cli >/dev/null || apt_install redis-tools

in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# The cluster bus listens on port + 10000: both must be free.
free_pair() { ! in_use "$1" && ! in_use "$(($1 + 10000))"; }
if [ -n "${CLUSTER_PORTS:-}" ]; then
  read -r -a ports <<<"$CLUSTER_PORTS"
  [ "${#ports[@]}" -ge 3 ] || { log "CLUSTER_PORTS needs three ports"; exit 2; }
  for p in "${ports[@]}"; do
    free_pair "$p" || { log "port $p or $((p + 10000)) is taken: choose others"; exit 2; }
  done
else
  # The first three free ports from 7300 (others' clusters may sit on the usual 7000s).
  ports=()
  for p in $(seq 7300 7399); do
    free_pair "$p" && ports+=("$p")
    [ "${#ports[@]}" -eq 3 ] && break
  done
  [ "${#ports[@]}" -eq 3 ] || { log "no three free ports in 7300-7399: set CLUSTER_PORTS"; exit 2; }
fi

dir=$(mktemp -d -t fleet-redis-cluster-XXXXXX)
pids=()
stop_cluster() {
  local status=$?
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$dir"
  exit "$status"
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

for p in "${ports[@]}"; do
  mkdir -p "$dir/$p"
  redis-server --bind 127.0.0.1 --port "$p" --save "" --appendonly no \
    --maxmemory-policy noeviction --dir "$dir/$p" --logfile "$dir/$p.log" \
    --cluster-enabled yes --cluster-config-file nodes.conf --cluster-node-timeout 1000 \
    >/dev/null 2>&1 &
  pids+=("$!")
done
for p in "${ports[@]}"; do
  for _ in $(seq 1 100); do redis-cli -p "$p" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
  redis-cli -p "$p" ping 2>/dev/null | grep -q PONG || { log "node $p did not start: $(tail -n 5 "$dir/$p.log")"; exit 1; }
done

nodes=()
for p in "${ports[@]}"; do nodes+=("127.0.0.1:$p"); done
log "joining ${nodes[*]} into a cluster"
redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$dir/create.log" 2>&1 ||
  { cat "$dir/create.log" >&2; exit 1; }

cluster_ok() {
  local p info
  for p in "${ports[@]}"; do
    info=$(redis-cli -p "$p" cluster info 2>/dev/null | tr -d '\r')
    grep -q '^cluster_state:ok$' <<<"$info" || return 1
    grep -q "^cluster_known_nodes:${#ports[@]}\$" <<<"$info" || return 1
  done
}
for _ in $(seq 1 300); do cluster_ok && break; sleep 0.1; done
cluster_ok || { log "the cluster never said cluster_state:ok"; exit 1; }

urls=()
for p in "${ports[@]}"; do urls+=("redis://127.0.0.1:$p"); done
REDIS_URL=$(IFS=,; echo "${urls[*]}")
export REDIS_URL
log "cargo test --workspace --test protocol with REDIS_URL=$REDIS_URL"
cargo test --workspace --test protocol "$@"
